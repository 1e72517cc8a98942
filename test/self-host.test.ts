import { describe, expect, it } from 'vitest';
import { errgen } from './helpers/cli.js';

/**
 * errgen runs on its own data: data/errors.yaml is the seed page and its zh-CN translation imported,
 * with placeholders, params and translations modelled by hand (test/import-seed.test.ts shows where),
 * and generated/ is what `errgen generate` makes of the catalog. `errgen check` proves that the pages
 * and the catalog agree and that generated/ matches the catalog byte for byte.
 */
describe('the project’s own data and generated files', () => {
  it('pass errgen check: no drift, only the seed’s known quirks and the unreviewed translation as warnings', () => {
    const result = errgen(['check', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { summary: { errors: number }; findings: Array<{ rule: string; code: string }> };
    expect(report.findings.map((f) => `${f.rule} ${f.code}`).sort()).toEqual([
      'duplicate-code FAILED_PRECONDITION',
      'empty-solution CANCELLED',
      'non-standard-status CANCELLED',
      'success-status APIGATEWAY_SUCCESS',
      'unreviewed-translation RATE_LIMIT_EXCEEDED',
    ]);
    expect(report.summary.errors).toBe(0);
    expect(result.code).toBe(0);
  });
});
