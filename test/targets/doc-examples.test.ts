import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { generateInto } from './harness.js';

/**
 * The module docs of the Go, Java, Python and Rust targets show a formatter as an example: it
 * must be one the output really has (the first code with parameters), never an invented one.
 */

const withoutParams = `groups:
  - title: Example
    codes:
      - code: NOT_FOUND
        status: 404
        message: Not found
        solution: ""
`;

const withParams = `${withoutParams}      - code: QUOTA_EXCEEDED
        status: 429
        message: Quota of {limit} exceeded on plan {plan}
        solution: ""
        params:
          limit: integer
`;

/** Each target's type name option, at its default: generateInto needs at least one option. */
const options: Record<string, Record<string, string>> = { go: { typeName: 'Code' }, java: { typeName: 'ErrorCode' }, python: { typeName: 'ErrorCode' }, rust: { typeName: 'ErrorCode' } };

function generate(catalog: string, target: string): string {
  return readFileSync(generateInto(tempDir(), catalog, target, options[target] ?? {}), 'utf8');
}

describe('module doc examples', () => {
  it('go: shows the real signatures of the first code with parameters', () => {
    const source = generate(withParams, 'go');
    const doc = source.slice(0, source.indexOf('\npackage '));
    expect(doc).toContain('// For [CodeQuotaExceeded], whose message is "Quota of {limit} exceeded on plan {plan}":');
    const signature = 'func MessageQuotaExceeded(locale string, limit int, plan string) string';
    expect(doc).toContain(`//\t${signature}\n`);
    expect(source).toContain(`\n${signature} {`);
    expect(doc).not.toMatch(/NotFound|resource/);
  });

  it('java: shows the real signatures of the first code with parameters', () => {
    const source = generate(withParams, 'java');
    const doc = source.slice(0, source.indexOf('public enum'));
    const signature = 'static String quotaExceededMessage(Locale locale, long limit, String plan)';
    expect(doc).toContain(`{@code ${signature}}`);
    expect(source).toContain(`public ${signature} {`);
    expect(doc).not.toMatch(/notFound|resource/);
  });

  it('python: shows the real signature of the first code with parameters', () => {
    const source = generate(withParams, 'python');
    const doc = source.slice(0, source.indexOf('\n"""\n'));
    expect(doc).toContain('``quota_exceeded_message(limit: int, plan: str, *, locale: str | None = None) -> str``');
    expect(source).toContain('def quota_exceeded_message(\n    limit: int,\n    plan: str,\n    *,\n    locale: str | None = None,\n) -> str:');
    expect(doc).not.toContain('not_found');
  });

  it('rust: shows the struct of the first code with parameters', () => {
    const source = generate(withParams, 'rust');
    expect(source).toContain('/// `messages::QuotaExceeded { limit, plan }.message(locale)`');
    expect(source).toMatch(/pub struct QuotaExceeded \{\n\s+pub limit: i64,\n\s+pub plan: std::string::String,\n\s+\}/);
    expect(source).not.toMatch(/\/\/\/.*messages::NotFound/);
  });

  it('leave the example out, or show a code without fields, when no code has parameters', () => {
    expect(generate(withoutParams, 'go')).not.toMatch(/^\/\/\tfunc /m);
    expect(generate(withoutParams, 'java')).not.toContain('{@code static String');
    expect(generate(withoutParams, 'python')).toContain('fill its\ntemplate in, in a locale.\n"""');
    expect(generate(withoutParams, 'rust')).toContain('/// `messages::NotFound.message(locale)`. Bring the trait into');
  });
});
