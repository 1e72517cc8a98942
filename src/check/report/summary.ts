import type { Diagnostic } from '../../diagnostics.js';

export function summarize(findings: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}
