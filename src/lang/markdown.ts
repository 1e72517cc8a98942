/**
 * Catalog text written into GitHub-flavoured Markdown so that it renders as itself and
 * `errgen import` (remark + remark-gfm, then src/markdown/cell-text.ts) reads back the same string.
 *
 * One character cannot survive any Markdown parser: U+0000, which CommonMark replaces by U+FFFD. It
 * is written as U+FFFD, as the HTML page does: a raw NUL would make the page a binary file to git and
 * to `errgen import`, which refuses it. Every other code point round-trips (test/docs-roundtrip.test.ts
 * holds that to account).
 */
import { flat } from './escape.js';

/**
 * Text for one GFM table cell, or any inline place that does not start a line (a heading's text,
 * a list item after its marker). A newline becomes `<br>`; nothing in `text` is read as markup.
 */
export function markdownCell(text: string): string {
  // Most cells (`Please try again later.`, `APIGATEWAY_NOT_FOUND`) hold nothing escapeChar changes.
  return mayNeedEscaping.test(text) ? escapedCell([{ text, code: false }]) : escapeBlockStart(text);
}

/**
 * Text in which escapeChar might change a character (it changes none where this does not match): a
 * reference, backslashed character or NUL, a line break, a space at an edge, `_` not between ASCII
 * letters or digits, `://` or `www.`.
 */
const mayNeedEscaping = /[\0&<\t\f\r\n\u00a0\u2028\u2029\\|`*~[\]#]|^ | $|(?:^|[^A-Za-z0-9_])_|_(?![A-Za-z0-9_])|:\/\/|www\./i;

/**
 * Like markdownCell, with some runs written as code spans (a message's placeholders, `{name}`): the
 * cell reads back as the runs' text joined, since errgen import keeps a code span's text. A code run
 * must not hold a backtick, a pipe or a line break; runs next to each other share one span (two
 * spans side by side would read as one longer backtick string).
 */
export function markdownCellWithCode(runs: ReadonlyArray<{ readonly text: string; readonly code: boolean }>): string {
  return runs.some((run) => run.code) ? escapedCell(runs) : markdownCell(runs.map((run) => run.text).join(''));
}

/** markdownCellWithCode, character by character: the general rule, exported so tests can hold markdownCell's shortcut to it. */
export function escapedCell(runs: ReadonlyArray<{ readonly text: string; readonly code: boolean }>): string {
  const chars: string[] = [];
  const code: boolean[] = [];
  for (const run of runs) {
    if (run.code && /[`|\n\r]/.test(run.text)) throw new Error(`cannot write ${JSON.stringify(run.text)} as a Markdown code span`);
    for (const char of run.text) {
      chars.push(char);
      code.push(run.code);
    }
  }
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i === chars.length || (chars[i] === '\n' && !code[i])) {
      lines.push(escapeLine(chars.slice(start, i), code.slice(start, i)));
      start = i + 1;
    }
  }
  return escapeBlockStart(lines.join('<br>'));
}

/**
 * At the start of a line, `- x`, `+ x`, `> x`, `1. x` would open a list or quote (in a paragraph or
 * list item; in a cell the escape is harmless): backslash the marker. `2.0` is left alone.
 */
function escapeBlockStart(line: string): string {
  return line.replace(/^(?:[-+>]|(\d{1,9})([.)])(?=[ \t]|&#32;|&#9;|$))/, (marker, digits: string | undefined, dot: string | undefined) =>
    digits === undefined ? `\\${marker}` : `${digits}\\${dot}`,
  );
}

/** Text inside `<!-- … -->`: a Markdown page's comment is an HTML comment, with its rule. */
export { htmlComment as markdownComment } from './html.js';

/** Backslash-escaped: ASCII punctuation that starts or ends inline syntax, or splits a table row. */
const backslashed = new Set(['\\', '|', '`', '*', '~', '[', ']', '#']);

/**
 * Written as character references: `&` and `<` (entities, HTML), and characters a reader would
 * not see in the source or that Markdown treats as whitespace or line endings. NUL, which no
 * reference can carry either (`&#0;` reads as U+FFFD), is written as what it reads as.
 */
const references: Readonly<Record<string, string>> = {
  '\0': '\ufffd',
  '&': '&amp;',
  '<': '&lt;',
  '\t': '&#9;',
  '\f': '&#12;',
  '\r': '&#13;',
  '\u00a0': '&#xA0;',
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

const wordChar = /[\p{L}\p{N}]/u;

/** One line's characters escaped; runs flagged as code are written as code spans, as they are. */
function escapeLine(chars: readonly string[], code: readonly boolean[]): string {
  let out = '';
  chars.forEach((char, i) => {
    if (!code[i]) {
      out += escapeChar(char, chars, i);
      return;
    }
    if (!code[i - 1]) out += '`';
    out += char;
    if (!code[i + 1]) out += '`';
  });
  return flat(out);
}

function escapeChar(char: string, chars: readonly string[], i: number): string {
  const reference = references[char];
  if (reference !== undefined) return reference;
  if (backslashed.has(char)) return `\\${char}`;
  switch (char) {
    case ' ':
      // Markdown trims spaces at a cell's edges and errgen import trims them around `<br>`.
      return i === 0 || i === chars.length - 1 ? '&#32;' : char;
    case '_':
      // `A_B` cannot start emphasis (intraword); only escape where it could, to keep codes readable.
      return isIntraword(chars, i) ? char : '\\_';
    case ':':
      // `http://…` would become an autolink whose text keeps our backslashes.
      return chars[i + 1] === '/' && chars[i + 2] === '/' ? '\\:' : char;
    case '.':
      // Likewise `www.…`.
      return chars.slice(Math.max(0, i - 3), i).join('').toLowerCase() === 'www' ? '\\.' : char;
    default:
      return char;
  }
}

/** Whether the run of `_` around index i has a letter or digit on both sides. */
function isIntraword(chars: readonly string[], i: number): boolean {
  let start = i;
  while (chars[start - 1] === '_') start--;
  let end = i;
  while (chars[end + 1] === '_') end++;
  const before = chars[start - 1];
  const after = chars[end + 1];
  return before !== undefined && after !== undefined && wordChar.test(before) && wordChar.test(after);
}
