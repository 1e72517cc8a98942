/** One line of a document, without its line ending, and where it starts. */
export interface SourceLine {
  readonly text: string;
  /** Offset of the line's first character in the document. */
  readonly start: number;
  /** Offset just past the line ending (equal to start + text.length at the end of the document). */
  readonly next: number;
}

/** Splits a document at `\r\n`, `\r` and `\n`, the three line endings CommonMark (and remark) know. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const ending = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = ending.exec(text); match !== null; match = ending.exec(text)) {
    lines.push({ text: text.slice(start, match.index), start, next: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), start, next: text.length });
  return lines;
}
