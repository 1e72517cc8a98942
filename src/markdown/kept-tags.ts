import type { Diagnostic } from '../diagnostics.js';
import type { MarkdownCell } from './read-tables.js';

/**
 * A warning for each tag a row's cells kept as text (`Bearer <token>`): errgen reads what the writer
 * meant, but the page itself shows nothing there, as Markdown renderers take it for HTML.
 */
export function keptTagWarnings(cells: readonly MarkdownCell[], diagnostics: Diagnostic[]): void {
  for (const cell of cells) if (cell.tagsKept) warnOfKeptTags(cell.tagsKept, diagnostics);
}

/** The warning for each of these tags kept as text: a cell's, or a heading's (`## Limits <token>`, which the group title has). */
export function warnOfKeptTags(tags: NonNullable<MarkdownCell['tagsKept']>, diagnostics: Diagnostic[]): void {
  for (const { tag, at } of tags) {
    diagnostics.push({
      severity: 'warning',
      at,
      message: `${tag} is read as text (a tag never ended, without attributes), but Markdown renderers take it for HTML and hide it: the page does not show it`,
      hint: `Write it in backticks, \`${tag}\`, or with &lt; for its <, so that the page shows it too; errgen reads it the same way.`,
    });
  }
}
