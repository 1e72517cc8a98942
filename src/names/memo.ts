/**
 * Remembers a pure function's results by text, up to `limit` of them: naming is asked the same
 * question many times over, but a long `generate --watch` session sees codes come and go, so the
 * memo forgets everything once it is full rather than grow for ever.
 */
export function remembered<T>(memo: Map<string, T>, text: string, derive: (text: string) => T, limit = 250_000): T {
  const known = memo.get(text);
  if (known !== undefined || memo.has(text)) return known as T;
  if (memo.size >= limit) memo.clear();
  const value = derive(text);
  memo.set(text, value);
  return value;
}
