/** Escaping pieces shared by the language modules. */

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

/** Text for a single-line comment: every line break, control character and BOM becomes a space. */
export function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g, ' ').trim();
}

/**
 * Bidirectional formatting controls: kept raw they can make source read differently from how it
 * compiles ("Trojan Source", CVE-2021-42574), so literals escape them and comments drop them.
 */
export const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const bidiControls = new RegExp(bidiControl.source, 'gu');

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
  const raw = rawAscii(escape);
  // Raw runs are copied as slices: most text escapes nothing, and a string grown one character
  // at a time is a chain of one small object per character until something flattens it.
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
  return out + text.slice(rawFrom) + '"';
}

const rawAsciiOf = new WeakMap<Escape, Uint8Array>();

/** By ASCII code: 1 where `escape` keeps the character raw. */
function rawAscii(escape: Escape): Uint8Array {
  let raw = rawAsciiOf.get(escape);
  if (raw === undefined) {
    raw = new Uint8Array(0x80);
    for (let cp = 0; cp < 0x80; cp++) raw[cp] = escape(String.fromCharCode(cp), cp) === undefined ? 1 : 0;
    rawAsciiOf.set(escape, raw);
  }
  return raw;
}
