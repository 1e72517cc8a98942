import type { Scalar } from 'yaml';

/**
 * Strings that yaml (core schema, block context, no line folding) writes exactly as they are: one
 * line that starts with a letter or `_` (so with no indicator character, digit, sign, dot or `~`),
 * holds no control character or lone surrogate (which yaml double-quotes), no U+2028 or U+2029
 * (yaml's document-marker check counts them as line ends: `a\u2028%` is not plain), has no `: ` or ` #`
 * inside and no space or `:` at the end, and is not a null or boolean word (which would read back
 * as null or a boolean). Any other string is left to yaml's own stringifyString.
 *
 * Conservative on purpose: a tab anywhere, or a leading `/`, `(` or `-`, sends a string to yaml
 * even where yaml would also write it plain; only the common case needs to be fast.
 */
const plainAsIs = /^(?!(?:[Nn][Uu][Ll][Ll]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$)[\p{L}_](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\p{Cs}: ]|:(?! )| (?!#))*$/u;

export function isPlainAsIs(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  // Checked first: cheaper than the pattern's end, and a trailing space or colon is not plain.
  if (last === 0x20 || last === 0x3a) return false;
  return plainAsIs.test(value);
}

/**
 * serializeCatalog's rule for multi-line text: yaml would write it as a block scalar, where a line of
 * only spaces reads back as an empty line (`" \n"` would come back as `"\n"`), so it is double-quoted.
 */
export function quoteIfBlankLine(node: Scalar): void {
  if (typeof node.value === 'string' && /(?:^|\n)[ \t]+(?:\n|$)/.test(node.value) && node.value.includes('\n')) {
    node.type = 'QUOTE_DOUBLE';
  }
}
