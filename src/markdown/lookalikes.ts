import type { Diagnostic } from '../diagnostics.js';
import { splitLines } from './lines.js';
import type { MarkdownTable } from './read-tables.js';

/**
 * Warnings for what reads as a table to a person but not to Markdown, so that its rows are not
 * dropped without a word: lines of pipes that no table holds (a table needs a delimiter row under
 * its header), and HTML tables. Fenced and indented code and HTML comments are left alone: tables
 * are shown or put away there.
 */
export function tableLookalikes(markdown: string, file: string, tables: readonly MarkdownTable[]): Diagnostic[] {
  const tableLines = new Set<number>();
  for (const table of tables) {
    // The header, the delimiter row under it and every body row.
    tableLines.add(table.at.line).add(table.at.line + 1);
    for (const row of table.rows) if (row[0]) tableLines.add(row[0].at.line);
  }
  const found: Diagnostic[] = [];
  let fence: string | undefined;
  let inComment = false;
  let inLookalike = false;
  const hasComments = markdown.includes('<!--');
  splitLines(markdown).forEach(({ text }, i) => {
    const line = i + 1;
    // Most lines are table rows, or start with nothing any rule below looks at. (No table is in code or a comment.)
    if (tableLines.has(line) || (!hasComments && fence === undefined && !mayMatter.test(text))) {
      inLookalike = false;
      return;
    }
    if (inComment) {
      inComment = !text.includes('-->');
      return;
    }
    const comment = hasComments ? text.indexOf('<!--') : -1;
    if (comment >= 0 && !text.includes('-->', comment + 4)) {
      inComment = true;
      return;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence !== undefined) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
      return;
    }
    if (opening) {
      fence = opening[1];
      return;
    }
    const pipeRow = /^ {0,3}\|.*\|/.test(text);
    if (pipeRow && !inLookalike) {
      found.push({
        severity: 'warning',
        at: { file, line, column: text.indexOf('|') + 1 },
        message: 'these lines look like a table but Markdown does not read one here, so their rows are not imported',
        hint: 'Put a delimiter row (| --- | --- |) under the header row, and a blank line before the table.',
      });
    }
    inLookalike = pipeRow;
    const html = /^ {0,3}<table[\s>]/i.exec(text);
    if (html) {
      found.push({
        severity: 'warning',
        at: { file, line, column: text.indexOf('<') + 1 },
        message: 'an HTML table is not read, so its rows are not imported',
        hint: 'Write an error-code table as a Markdown table.',
      });
    }
  });
  return found;
}

/** A line whose first character (after up to three spaces) may start a pipe row, a fence or an HTML table. */
const mayMatter = /^ {0,3}[|`~<]/;
