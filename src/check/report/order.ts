import type { Diagnostic } from '../../diagnostics.js';

/**
 * The order every report format lists findings in: by file, files in the order their first finding
 * came, and within a file by line and column (findings without a place, such as a missing output,
 * first). The sort is stable, so findings at one place keep the order the checks made them in.
 */
export function inReportOrder(findings: readonly Diagnostic[]): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of findings) {
    const file = f.at?.file ?? '(general)';
    const list = byFile.get(file);
    if (list) list.push(f);
    else byFile.set(file, [f]);
  }
  return [...byFile.values()].flatMap((list) => list.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0)));
}
