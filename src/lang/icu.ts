/**
 * ICU MessageFormat patterns, as FormatJS (intl-messageformat, react-intl) reads them. A placeholder
 * `{name}` is ICU's simple argument already; literal text is quoted so that it reads back as itself:
 *
 * - `'` is written `''`, which is one apostrophe everywhere in a pattern, quoted or not.
 * - `{` and `}` are quoted, `'{'`: ICU (since 4.8, "DOUBLE_OPTIONAL") starts quoted text only at
 *   an apostrophe right before a special character, and ends it at the next single apostrophe.
 * - A `<` that FormatJS would read as a rich-text tag (before an ASCII letter or `/`) is quoted,
 *   `'<'`: FormatJS quotes tags with apostrophes "like other ICU constructs". Other ICU
 *   implementations do not treat `<` as special and would print those two apostrophes.
 * - Adjacent special characters are quoted as one run, `'{}'`: `'{''}'` would read as `{'}`,
 *   since `''` inside quoted text is an apostrophe too.
 *
 * `#` needs no quoting: it is special only inside a plural argument, which errgen never writes.
 */

/** One run of a message template: literal text, or the name of a placeholder. */
export type IcuPart = { readonly text: string; readonly param: null } | { readonly text: string; readonly param: { readonly name: string } };

/** Literal text as an ICU pattern fragment that formats back to exactly `text`. */
export function icuLiteral(text: string): string {
  return text.replace(/'/g, "''").replace(/(?:[{}]|<(?=[A-Za-z/]))+/g, (special) => `'${special}'`);
}

/** A template's parts as one ICU pattern: `{name}` for each placeholder, literal text quoted. */
export function icuPattern(parts: readonly IcuPart[]): string {
  return parts.map((part) => (part.param ? `{${part.param.name}}` : icuLiteral(part.text))).join('');
}
