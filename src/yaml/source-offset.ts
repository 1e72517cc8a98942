/**
 * Where the character at `offset` of a scalar's value is in the scalar's source (quotes, escapes,
 * folded lines and all): the n-th occurrence of that character in the value is taken to be its n-th
 * occurrence in the source. That holds unless the character is escaped (`\x7b`) or is a quote or
 * line break the source writes differently; then the counts differ and the answer is undefined.
 */
export function sourceOffsetIn(source: string, value: string, offset: number): number | undefined {
  const ch = value[offset];
  if (ch === undefined) return undefined;
  const count = (s: string) => s.split(ch).length - 1;
  if (count(source) !== count(value)) return undefined;
  let at = -1;
  for (let n = count(value.slice(0, offset)); n >= 0; n--) at = source.indexOf(ch, at + 1);
  return at;
}
