import { type Diagnostic, fileOf } from '../../diagnostics.js';
import { summarize } from './summary.js';

/**
 * `errgen check --format json`: a stable structure, described by schemas/check-report.schema.json.
 * Fields are always present (null when unknown), so consumers need no existence checks.
 */
export function formatJson(findings: readonly Diagnostic[]): string {
  const { errors, warnings } = summarize(findings);
  const report = {
    version: 1,
    summary: { errors, warnings },
    findings: findings.map((f) => ({
      rule: f.rule ?? null,
      severity: f.severity,
      file: fileOf(f) ?? null,
      line: f.at?.line ?? null,
      column: f.at?.column ?? null,
      code: f.code ?? null,
      message: f.message,
      hint: f.hint ?? null,
      related: (f.related ?? []).map((r) => ({ file: r.file, line: r.line, column: r.column })),
      details: f.details ?? null,
    })),
  };
  return JSON.stringify(report, null, 2);
}
