/** Escaping pieces shared by the language modules. */

/** `\uXXXX` for a UTF-16 code unit. */
export function u4(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

/** Line and paragraph separators, C0/C1 controls and DEL: characters no generated line should carry raw. */
export const invisibleChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Text for a single-line comment: every line break, control character and BOM becomes a space. */
export function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g, ' ').trim();
}
