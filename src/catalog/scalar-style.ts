import type { Scalar } from 'yaml';

/**
 * Strings that yaml (core schema, block context, no line folding) writes exactly as they are: one
 * line that starts with a letter or `_` (so with no indicator character, digit, sign, dot or `~`),
 * holds no control character or lone surrogate (which yaml double-quotes), no U+2028 or U+2029
 * (yaml's document-marker check counts them as line ends: `a\u2028%` is not plain), has no `: ` or ` #`
 * inside and no space or `:` at the end, and is not a null or boolean word (which would read back
 * as null or a boolean), nor a word YAML 1.1 reads as one (`yes`, `off`: see readsOtherwiseInYaml11).
 * Any other string is left to yaml's own stringifyString.
 *
 * Conservative on purpose: a tab anywhere, or a leading `/`, `(` or `-`, sends a string to yaml
 * even where yaml would also write it plain; only the common case needs to be fast.
 */
const plainAsIs = /^(?!(?:[Nn][Uu][Ll][Ll]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$)[\p{L}_](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\p{Cs}: ]|:(?! )| (?!#))*$/u;

export function isPlainAsIs(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  // Checked first: cheaper than the pattern's end, and a trailing space or colon is not plain.
  if (last === 0x20 || last === 0x3a) return false;
  // YAML 1.1's boolean and null words are at most five letters (`FALSE`); its other types start with no letter.
  return plainAsIs.test(value) && (value.length > 5 || !readsOtherwiseInYaml11(value));
}

/**
 * Whether a YAML 1.1 reader reads this string, written plain, as something else: a boolean (`yes`,
 * `No`, `on`), a number (`1_000`, `1:20`), a date (`2024-01-05`), null, or a merge or value key.
 * errgen reads and writes YAML 1.2, where these are strings; but PyYAML, Go's yaml.v2 and others read
 * the catalog by 1.1's rules, and a `Retryable: yes` column would come back to them as `True`.
 *
 * The rules are PyYAML's implicit resolvers (yaml/resolver.py), which follow yaml.org/type, and the
 * one-letter booleans y/n of yaml.org/type/bool.html, which yaml.v2 reads. Not yaml's own 1.1 schema:
 * its float rule takes `E1001` for a number (no dot needed), so codes of that shape would be quoted
 * though no 1.1 reader reads them as numbers.
 */
export function readsOtherwiseInYaml11(value: string): boolean {
  return yaml11Plain.test(value);
}

const yaml11Plain = new RegExp(
  [
    // bool
    'y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF',
    // null
    '~|null|Null|NULL|',
    // float
    '[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
    // int
    '[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+',
    // timestamp
    '[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?',
    // merge and value keys
    '<<|=',
  ].map((alternatives) => `(?:${alternatives})`).join('|').replace(/^/, '^(?:') + ')$',
);

/**
 * serializeCatalog's rules for the strings yaml would write so that a reader reads something else:
 * - multi-line text: yaml would write it as a block scalar, where a line of only spaces reads back as
 *   an empty line (`" \n"` would come back as `"\n"`);
 * - a string a YAML 1.1 reader reads as another type, written plain (readsOtherwiseInYaml11): yaml
 *   writes `yes` plain, and keeps a hand-written plain `2024-01-05` plain;
 * - a one-line string with a tab, which yaml writes plain and PyYAML cannot read there.
 * Either is double-quoted.
 */
export function quoteWhereReadersDiffer(node: Scalar): void {
  const value = node.value;
  if (typeof value !== 'string') return;
  if (value.includes('\n') ? /(?:^|\n)[ \t]+(?:\n|$)/.test(value) : (node.type === undefined || node.type === 'PLAIN') && (readsOtherwiseInYaml11(value) || value.includes('\t'))) {
    node.type = 'QUOTE_DOUBLE';
  }
}
