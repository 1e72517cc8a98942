/** Escaping pieces shared by the language modules. */

/**
 * The same text as one flat string: reading a character makes V8 copy a rope of appended pieces
 * into one. Text an escaper builds piece by piece (`out += …`) is a rope of one small object per
 * piece; kept in a render's output, it survived every garbage collection until the file was
 * written. Flattened as it is returned, the pieces die young. Text returned as it came, or with
 * quotes around it, needs none: flattening every helper's result cost a few percent of 10k `generate`.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** `\uXXXX` for a UTF-16 code unit. */
export function u4(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

/** What JSON.stringify leaves alone in a string: no `"`, `\\`, C0 control or surrogate (a lone one is escaped). */
const plainJsonText = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
/** …and nothing that `jsonLiteral` escapes on top. */
const plainJsonLiteralText = /^[^"\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]*$/;
const jsonLiteralExtras = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/** `JSON.stringify(text)`: most text needs no escape, and quoting it is several times cheaper than JSON.stringify. */
export function jsonString(text: string): string {
  return plainJsonText.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * JSON text of a value that is also a one-line JavaScript literal and YAML flow node: JSON.stringify,
 * with DEL, C1 controls, U+2028/9 and the BOM as `\u` escapes (YAML forbids the controls raw, YAML
 * 1.1 and old JavaScript read U+2028/9 as line breaks).
 */
export function jsonLiteral(value: unknown): string {
  if (typeof value === 'string' && plainJsonLiteralText.test(value)) return `"${value}"`;
  return JSON.stringify(value).replace(jsonLiteralExtras, (ch) => u4(ch.charCodeAt(0)));
}

/** Regex source of what singleLine changes (line breaks, other controls, the BOM), also for a language's withPlainShortcut. */
export const singleLineChanges = '[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufeff]';
const lineBreakingRuns = new RegExp(`${singleLineChanges}+`, 'g');

/** Text for a single-line comment: every line break, control character and BOM becomes a space. */
export function singleLine(text: string): string {
  return text.replace(lineBreakingRuns, ' ').trim();
}

/**
 * Bidirectional formatting controls: kept raw they can make source read differently from how it
 * compiles ("Trojan Source", CVE-2021-42574), so literals escape them and comments drop them.
 */
export const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const bidiControls = new RegExp(bidiControl.source, 'gu');

/** Regex source of what singleLineWithoutBidi changes: singleLine's, and the bidi controls. */
export const singleLineWithoutBidiChanges = `${singleLineChanges}|${bidiControl.source}`;
/** White space at either end: `\s` matches exactly the characters trim() removes. */
const edgeSpace = /^\s|\s$/;

/**
 * A language's comment text with a shortcut: text in which the regex source `changes` finds
 * nothing, with no white space at either end, is its own comment text (most messages are), told
 * by one regex test where the general rule runs several replacements. Each language's test holds
 * the shortcut to its rule.
 */
export function withPlainShortcut(changes: string, general: (text: string) => string): (text: string) => string {
  const needsTheRule = new RegExp(changes);
  return (text) => (needsTheRule.test(text) || edgeSpace.test(text) ? general(text) : text);
}

/** Comment text on one line, without bidi controls. */
export function singleLineWithoutBidi(text: string): string {
  return singleLine(text.replace(bidiControls, ''));
}

/** C0/C1 controls, DEL, line/paragraph separators, BOM and bidi controls: never raw in a literal. */
export function isInvisible(_ch: string, cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || isBidiControl(cp);
}

/** `bidiControl` by code point: called for every character of every literal, where a regex test costs. */
function isBidiControl(cp: number): boolean {
  return cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** A language's escapes: the escape of one code point, or undefined to keep it raw. */
export type Escape = (ch: string, cp: number) => string | undefined;

/**
 * A double-quoted literal built code point by code point: `escape` gives the escape for one, or
 * undefined to keep it raw. Each language module supplies only its own escapes, as one function
 * kept for good: which ASCII characters it keeps raw is asked once and remembered.
 */
export function quoted(text: string, escape: Escape): string {
  // Most text escapes nothing: one regex test, not a loop that runs cold in a short-lived CLI.
  return rawAscii(escape).plain.test(text) ? `"${text}"` : quotedEach(text, escape);
}

/** The general rule `quoted` skips for plain text; exported so tests can hold the shortcut to it. */
export function quotedEach(text: string, escape: Escape): string {
  const { raw } = rawAscii(escape);
  // Raw runs are copied as slices: a string grown one character at a time is a chain of one small
  // object per character until something flattens it.
  let out = '"';
  let rawFrom = 0;
  for (let at = 0; at < text.length; ) {
    const unit = text.charCodeAt(at);
    // Most characters are ASCII kept raw: one table read, no call.
    if (unit < 0x80 && raw[unit] === 1) {
      at++;
      continue;
    }
    const cp = text.codePointAt(at) as number;
    const width = cp > 0xffff ? 2 : 1;
    const escaped = escape(width === 1 ? text.charAt(at) : text.slice(at, at + 2), cp);
    if (escaped !== undefined) {
      out += text.slice(rawFrom, at) + escaped;
      rawFrom = at + width;
    }
    at += width;
  }
  return rawFrom === 0 ? out + text + '"' : flat(out + text.slice(rawFrom) + '"');
}

/** Which ASCII characters an escape keeps raw: by code in a table, and as a regex matching text made of them alone. */
interface RawAscii {
  readonly raw: Uint8Array;
  readonly plain: RegExp;
}

const rawAsciiOf = new WeakMap<Escape, RawAscii>();

/** By ASCII code: 1 where `escape` keeps the character raw; and those characters as a regex. */
function rawAscii(escape: Escape): RawAscii {
  let known = rawAsciiOf.get(escape);
  if (known === undefined) {
    const raw = new Uint8Array(0x80);
    let kept = '';
    for (let cp = 0; cp < 0x80; cp++) {
      if (escape(String.fromCharCode(cp), cp) !== undefined) continue;
      raw[cp] = 1;
      kept += u4(cp);
    }
    known = { raw, plain: new RegExp(`^[${kept}]*$`) };
    rawAsciiOf.set(escape, known);
  }
  return known;
}
