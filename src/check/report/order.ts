import { type Diagnostic, fileOf } from '../../diagnostics.js';

/**
 * Findings by file, files in the order their first finding came, each file's by line and column
 * (findings without a line, such as a missing Markdown page, first). The sort is stable, so findings at
 * one place keep the order the checks made them in. Every report format lists them so.
 */
export function findingsByFile(findings: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of findings) {
    const file = fileOf(f) ?? '(general)';
    const list = byFile.get(file);
    if (list) list.push(f);
    else byFile.set(file, [f]);
  }
  for (const list of byFile.values()) list.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
  return byFile;
}

/** The findings in the order every report format lists them (see findingsByFile). */
export function inReportOrder(findings: readonly Diagnostic[]): Diagnostic[] {
  return [...findingsByFile(findings).values()].flat();
}
