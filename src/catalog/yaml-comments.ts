// Comment layout as yaml 2.x writes it (src/stringify/stringifyComment.ts), for fast-write.ts: yaml
// does not export these, and the bytes must match what `document.toString()` gives.

/** yaml's default `commentString`: `#` before each non-empty line, and a lone space becomes `#`. */
export function commentString(text: string): string {
  return text.replace(/^(?!$)(?: $)?/gm, '#');
}

export function indentComment(comment: string, indent: string): string {
  if (/^\n+$/.test(comment)) return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}

/** A comment after a value: on the same line, or on the next lines when it spans several. */
export function lineComment(text: string, indent: string, comment: string): string {
  if (text.endsWith('\n')) return indentComment(comment, indent);
  if (comment.includes('\n')) return '\n' + indentComment(comment, indent);
  return (text.endsWith(' ') ? '' : ' ') + comment;
}
