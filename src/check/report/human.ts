import type { Diagnostic } from '../../diagnostics.js';
import { formatLocation } from '../../diagnostics.js';
import { findingsByFile } from './order.js';
import { summarize } from './summary.js';

export interface Style {
  readonly color: boolean;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const paint = { red: ansi(31), yellow: ansi(33), dim: ansi(2), bold: ansi(1), green: ansi(32) };

/** Findings whose details (a generated file's diff) are printed; the rest are counted. */
const shownDiffs = 3;

/** ESLint-style: findings grouped by file, then a summary line. Colour only when asked. */
export function formatHuman(findings: readonly Diagnostic[], style: Style): string {
  const c = (f: (s: string) => string) => (style.color ? f : (s: string) => s);
  const lines: string[] = [];
  // A re-import can make every generated file differ, and the fix is one command: a few diffs show
  // the change, the rest would bury the other findings (the JSON report has them all).
  let diffsShown = 0;
  let diffsLeft = 0;
  for (const [file, list] of findingsByFile(findings)) {
    lines.push(c(paint.bold)(file));
    for (const f of list) {
      const where = f.at ? `${f.at.line}:${f.at.column}` : '';
      const severity = f.severity === 'error' ? c(paint.red)('error') : c(paint.yellow)('warning');
      const related = f.related?.length ? ` (see also ${f.related.map(formatLocation).join(', ')})` : '';
      lines.push(`  ${c(paint.dim)(where.padEnd(7))} ${severity.padEnd(style.color ? 16 : 7)}  ${f.message}${related}  ${c(paint.dim)(f.rule ?? '')}`);
      if (f.hint) lines.push(`  ${' '.repeat(7)}   ${c(paint.dim)(f.hint)}`);
      if (f.details && diffsShown === shownDiffs) diffsLeft++;
      else if (f.details) {
        diffsShown++;
        for (const d of f.details.split('\n')) lines.push(`          ${colorDiffLine(d, style)}`);
      }
    }
    lines.push('');
  }
  if (diffsLeft > 0) lines.push(c(paint.dim)(`(${diffsLeft} more diff${diffsLeft === 1 ? '' : 's'} not shown: \`errgen check --format json\` has every one)`), '');
  const { errors, warnings } = summarize(findings);
  const total = errors + warnings;
  const summary =
    total === 0
      ? c(paint.green)('✔ no problems')
      : `${errors > 0 ? '✖' : '⚠'} ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  lines.push(errors > 0 ? c(paint.red)(summary) : total > 0 ? c(paint.yellow)(summary) : summary);
  return lines.join('\n');
}

function colorDiffLine(line: string, style: Style): string {
  if (!style.color) return line;
  if (line.startsWith('+') && !line.startsWith('+++')) return paint.green(line);
  if (line.startsWith('-') && !line.startsWith('---')) return paint.red(line);
  return line;
}
