/** A cell as the fast path reads it: its text and the 1-based column where diagnostics point. */
export interface PlainCell {
  readonly text: string;
  readonly column: number;
}

/**
 * Characters after which a cell is no longer plain text for remark-gfm: escapes, code spans,
 * emphasis, strikethrough, links, images, footnotes, HTML, autolinks in `<…>`, entities, and
 * control characters (NUL is replaced, the others are not worth the risk). Underscores: below.
 */
const notPlain = /[\\`*~[\]<&\x00-\x08\x0b-\x1f\x7f]/;

/**
 * An underscore between two letters or digits (NOT_FOUND) can neither open nor close emphasis
 * (CommonMark's flanking rules); any other underscore might.
 */
const emphasisUnderscore = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;

/**
 * The cells of a GFM table body row that starts with `|` and holds only plain text, exactly as
 * remark-gfm reads them (test/markdown-chunked.test.ts proves it against remark); undefined when the
 * row needs the real parser. Cells are split at each pipe and trimmed of spaces and tabs; an empty
 * cell points at its opening pipe (one past it for the first cell), as `cellLocation` does for
 * remark's cells. Autolink literals (`www.…`, e-mail addresses) are fine: their text is the source.
 */
export function plainRowCells(line: string): PlainCell[] | undefined {
  if (line.charCodeAt(0) !== 0x7c /* | */ || notPlain.test(line) || emphasisUnderscore.test(line)) return undefined;
  const cells: PlainCell[] = [];
  let open = 0; // index of the pipe that opens the current cell
  for (let pipe = line.indexOf('|', 1); ; pipe = line.indexOf('|', open + 1)) {
    const end = pipe < 0 ? line.length : pipe;
    let first = open + 1;
    let last = end;
    while (first < last && isSpaceOrTab(line.charCodeAt(first))) first++;
    while (last > first && isSpaceOrTab(line.charCodeAt(last - 1))) last--;
    // What follows the last pipe is a cell only when it is not blank.
    if (pipe < 0 && first === last) break;
    cells.push(first === last ? { text: '', column: open === 0 ? 2 : open + 1 } : { text: line.slice(first, last), column: first + 1 });
    if (pipe < 0) break;
    open = pipe;
  }
  return cells.length > 0 ? cells : undefined;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
