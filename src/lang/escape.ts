/** Escaping pieces shared by the language modules. */

/** `\uXXXX` for a UTF-16 code unit. */
export function u4(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
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

/**
 * A double-quoted literal built code point by code point: `escape` gives the escape for one, or
 * undefined to keep it raw. Each language module supplies only its own escapes.
 */
export function quoted(text: string, escape: (ch: string, cp: number) => string | undefined): string {
  // Raw runs are copied as slices: most text escapes nothing, and a string grown one character
  // at a time is a chain of one small object per character until something flattens it.
  let out = '"';
  let rawFrom = 0;
  let at = 0;
  for (const ch of text) {
    const escaped = escape(ch, ch.codePointAt(0) as number);
    if (escaped !== undefined) {
      out += text.slice(rawFrom, at) + escaped;
      rawFrom = at + ch.length;
    }
    at += ch.length;
  }
  return out + text.slice(rawFrom) + '"';
}
