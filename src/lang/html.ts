import { u4 } from './escape.js';

/**
 * Catalog text written into an HTML page so that the browser shows it as itself, never as markup.
 * Each function is for one place in the page: element content, a double-quoted attribute value,
 * a comment, JSON inside a `<script>`. What the HTML parser does with each character is in
 * https://html.spec.whatwg.org/multipage/parsing.html; the comments below name the rule.
 *
 * One character cannot be carried at all: U+0000. The parser drops a raw NUL in content and turns
 * `&#0;` into U+FFFD, so NUL is written as U+FFFD (as in the Markdown page).
 */

/** Characters written as references in text and attributes, whatever the context. */
const references: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // Preprocessing turns a raw CR (and CR LF) into LF; a reference survives it.
  '\r': '&#13;',
  // Invisible in the page source; written so a reviewer sees them.
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

/**
 * C0 controls other than tab and LF, and DEL: kept by the parser either way (a parse error, not a
 * change), written as references so the source shows them. C1 controls (U+0080–U+009F) stay raw:
 * `&#128;`… would be read as Windows-1252 (`&#128;` is €).
 */
const controls = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function escapeChar(char: string, extra: Readonly<Record<string, string>>): string {
  if (char === '\0') return '\ufffd';
  const reference = extra[char] ?? references[char];
  if (reference !== undefined) return reference;
  if (controls.test(char)) return `&#${char.charCodeAt(0)};`;
  return char;
}

const special = /[\0&<>\r\u2028\u2029\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f"']/g;

/** Text for element content (also `<title>` and other escapable raw text): the DOM's text equals `text`. */
export function htmlText(text: string): string {
  return text.replace(special, (char) => escapeChar(char, {}));
}

const quotes: Readonly<Record<string, string>> = { '"': '&quot;', "'": '&#39;' };

/** Text for a quoted attribute value (either quote): the attribute's value equals `text`. */
export function htmlAttr(text: string): string {
  return text.replace(special, (char) => escapeChar(char, quotes));
}

/** Text inside `<!-- … -->`: on one line, with no `--` (which could end or break the comment). */
export function htmlComment(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/-(?=-)/g, '- ').replace(/\0/g, '\ufffd');
}

/**
 * JSON for inside a `<script>` element, also valid as JavaScript. `<` (so `</script>` and `<!--`
 * cannot end or change the script), `>` and `&` become `\u` escapes, and so do U+2028/U+2029,
 * which older JavaScript reads as line breaks inside a string.
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error(`cannot write ${typeof value} as JSON`);
  return json.replace(/[<>&\u2028\u2029]/g, (char) => u4(char.charCodeAt(0)));
}
