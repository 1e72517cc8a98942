// The bench's tables, as Markdown (so a run can be pasted into the README as is).

export const fmtMs = (ms) =>
  ms == null ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const fmtMB = (mb) => (mb == null ? '–' : `${Math.round(mb)} MB`);
export const fmtX = (x) => (x == null || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);

const COLUMNS = ['command', 'size', 'runs', 'median wall', 'peak RSS', '`node -e 0`', 'ratio', 'target', 'met?'];

/** rows: arrays of cells in `columns` order. */
export function markdownTable(rows, columns = COLUMNS) {
  const cells = [columns, ...rows].map((r) => r.map(String));
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** "yes", or "no (what failed)", from named checks; checks that could not run count as unmet. */
export function verdict(checks) {
  const failed = checks.filter((c) => !c.ok).map((c) => c.short ?? c.name);
  if (checks.length === 0) return '–';
  if (failed.length === 0) return 'yes';
  return checks.length === 1 ? 'no' : `no (${failed.join(', ')})`;
}
