import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, tempDir } from '../helpers/cli.js';
import { seedCatalog } from './harness.js';
import { messagesCatalog } from './messages-harness.js';

/** The json target's message parameters and translations, read back as a consumer would. */

interface JsonCatalog {
  defaultLocale: string;
  locales: string[];
  codes: Record<string, { status: number; statuses: number[]; message: string; solution: string; description?: string; fields: Record<string, string>; rows?: Array<{ status: number; message: string; solution: string; fields: Record<string, string>; group: string }>; params: Record<string, { type: string; description?: string; example: unknown }>; messages: Record<string, { message: string; solution: string; reviewed?: false }> }>;
}

function generate(catalogText: string): JsonCatalog {
  const dir = tempDir();
  writeFileSync(join(dir, 'errors.yaml'), catalogText);
  const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'json'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'out/json/errors.json'), 'utf8')) as JsonCatalog;
}

describe('json target, messages', () => {
  it('names the default locale and every locale, default first', () => {
    const json = generate(messagesCatalog);
    expect(json.defaultLocale).toBe('en');
    expect(json.locales).toStrictEqual(['en', 'de', 'zh-CN', 'zh-TW', 'zh-HK']);
  });

  it('gives each code its parameters in order, typed, with description and example', () => {
    const { codes } = generate(messagesCatalog);
    expect(codes['NOT_FOUND']!.params).toStrictEqual({
      resource: { type: 'string', example: 'resource' },
      id: { type: 'integer', description: 'The id that was looked up', example: 7 },
    });
    expect(Object.keys(codes['NOT_FOUND']!.params)).toStrictEqual(['resource', 'id']);
    expect(codes['QUOTA']!.params).toStrictEqual({ ratio: { type: 'number', example: 1.5 }, strict: { type: 'boolean', example: true }, seconds: { type: 'integer', example: 42 } });
    expect(codes['PLAIN']!.params).toStrictEqual({});
    // The message stays the template, as in every other lookup.
    expect(codes['QUOTA']!.message).toBe('Used {ratio} of {{quota}}; strict={strict}');
  });

  it('gives each code its texts in every locale, after fallback, and flags a translation not reviewed', () => {
    const { codes } = generate(messagesCatalog);
    expect(codes['NOT_FOUND']!.messages).toStrictEqual({
      en: { message: 'Resource "{resource}" with id {id} was not found', solution: 'Check the {resource} id' },
      de: { message: 'Ressource "{resource}" mit ID {id} wurde nicht gefunden', solution: 'Prüfen Sie die ID von {resource}' },
      'zh-CN': { message: '找不到资源「{resource}」（编号 {id}）', solution: '请检查 {resource} 编号' },
      // zh-TW has its own message, not reviewed, and zh-CN's solution; zh-HK falls back to zh-TW.
      'zh-TW': { message: '找不到資源「{resource}」（編號 {id}）', solution: '请检查 {resource} 编号', reviewed: false },
      'zh-HK': { message: '找不到資源「{resource}」（編號 {id}）', solution: '请检查 {resource} 编号', reviewed: false },
    });
    expect(codes['PLAIN']!.messages['zh-HK']).toStrictEqual({ message: '没有占位符', solution: '' });
    expect(codes['QUOTA']!.messages['zh-CN']).toStrictEqual({ message: 'Used {ratio} of {{quota}}; strict={strict}', solution: 'Wait {seconds} s or raise the limit' });
  });

  it('carries the seed catalog\'s Chinese translations and its unreviewed one', () => {
    const json = generate(readFileSync(seedCatalog, 'utf8'));
    expect(json.locales).toStrictEqual(['en', 'zh-CN']);
    expect(json.codes['ARGUMENT_NOT_SUPPORT']!.messages['zh-CN']).toStrictEqual({ message: '不支持参数 {argument}', solution: '请检查访问信息' });
    expect(json.codes['RATE_LIMIT_EXCEEDED']!.messages['zh-CN']).toStrictEqual({ message: '请求过于频繁', solution: '请稍后重试', reviewed: false });
    expect(json.codes['ARGUMENT_NOT_SUPPORT']!.params).toStrictEqual({ argument: { type: 'string', description: 'The name of the request parameter', example: 'page_size' } });
  });

  it('keeps each row of a code listed more than once, with its own status and texts', () => {
    const json = generate(readFileSync(seedCatalog, 'utf8'));
    const failed = json.codes['FAILED_PRECONDITION']!;
    expect(failed.statuses).toStrictEqual([400, 409]);
    expect(failed.rows).toStrictEqual([
      { status: 400, message: 'The resource is not available for current operation in the current state', solution: 'Please check access information', fields: {}, group: 'General Error Code' },
      { status: 409, message: 'Parameters are dependent to each other in size', solution: 'Please check access information', fields: {}, group: 'General Error Code' },
    ]);
    // A code listed once says it all in its own fields.
    const listedOnce = Object.entries(json.codes).filter(([code]) => code !== 'FAILED_PRECONDITION');
    expect(listedOnce).toHaveLength(61);
    expect(listedOnce.filter(([, entry]) => 'rows' in entry)).toStrictEqual([]);
  });

  it('gives each code its extra columns (its first row\'s), and each row its own', () => {
    const json = generate(`groups:
  - title: G
    columns: [code, status, message, solution, Retryable, Since]
    codes:
      - { code: TWICE, status: 400, message: m, solution: s, fields: { Retryable: "yes", Since: "2.0" } }
      - { code: PLAIN, status: 404, message: m, solution: s }
      - { code: TWICE, status: 409, message: m2, solution: s, fields: { Retryable: "no", Since: "2.1" } }
`);
    expect(json.codes['TWICE']!.fields).toStrictEqual({ Retryable: 'yes', Since: '2.0' });
    expect(json.codes['TWICE']!.rows?.map((row) => row.fields)).toStrictEqual([{ Retryable: 'yes', Since: '2.0' }, { Retryable: 'no', Since: '2.1' }]);
    expect(json.codes['PLAIN']!.fields).toStrictEqual({});
  });

  it('gives a code its description where the catalog has one', () => {
    const json = generate(`groups:
  - title: G
    codes:
      - code: DESCRIBED
        status: 400
        message: Bad "thing"
        solution: ''
        description: |-
          Sent when the "thing" is bad.
          Second line \\ with a backslash.
      - code: PLAIN
        status: 404
        message: Not here
        solution: Look elsewhere
`);
    expect(json.codes['DESCRIBED']!.description).toBe('Sent when the "thing" is bad.\nSecond line \\ with a backslash.');
    expect('description' in json.codes['PLAIN']!).toBe(false);
  });
});
