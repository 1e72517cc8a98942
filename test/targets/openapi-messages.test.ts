import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, repoRoot, tempDir } from '../helpers/cli.js';
import { runTool } from './harness.js';
import { messagesCatalog } from './messages-harness.js';
import { load, type Media, narrowings, problems } from './openapi-document.js';

/**
 * Message parameters and translations in the openapi target: each example says its message with
 * sample values filled in, carries the values in `params`, and each response's schema types them per
 * code. The expected texts are written out by hand from messagesCatalog.
 */

const variants = ['3.1/errors.yaml', '3.0/errors.yaml', '3.1/errors.json', '3.0/errors.json'] as const;

const dir = tempDir();
writeFileSync(join(dir, 'errors.yaml'), messagesCatalog);
writeFileSync(
  join(dir, 'errgen.config.yaml'),
  [
    'catalog: errors.yaml',
    'outDir: out',
    'targets:',
    ...variants.flatMap((file, i) => {
      const [version, name] = file.split('/') as [string, string];
      const format = name.endsWith('.json') ? 'json' : 'yaml';
      return [
        `  error-${i}: { kind: openapi, output: error/${file}, options: { version: "${version}", format: ${format} } }`,
        `  problem-${i}: { kind: openapi, output: problem/${file}, options: { version: "${version}", format: ${format}, body: problem, problemBaseUrl: "https://example.com/errors" } }`,
      ];
    }),
    '',
  ].join('\n'),
);
const generated = errgen(['generate'], { cwd: dir });
const out = join(dir, 'out');

const media = (file: string, status: string): Media => {
  const response = load(join(out, file)).components.responses[status]!;
  return response.content['application/json'] ?? response.content['application/problem+json'];
};

describe('openapi target, messages with parameters and translations', () => {
  it('generates every variant, each passing the OpenAPI schema and Redocly (examples checked against their schemas)', async () => {
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    for (const body of ['error', 'problem']) {
      for (const file of variants) expect(await problems(join(out, body, file)), `${body}/${file}`).toStrictEqual([]);
      expect(load(join(out, body, '3.1/errors.json'))).toStrictEqual(load(join(out, body, '3.1/errors.yaml')));
    }
  });

  it('fills each example message and solution with sample values, and carries the values in params', () => {
    const notFound = media('error/3.1/errors.yaml', 'NotFound').examples;
    expect(notFound['NOT_FOUND']).toMatchObject({
      summary: 'Resource "resource" with id 7 was not found',
      value: { code: 'NOT_FOUND', message: 'Resource "resource" with id 7 was not found', solution: 'Check the resource id', params: { resource: 'resource', id: 7 } },
    });
    const quota = media('error/3.1/errors.yaml', 'TooManyRequests').examples['QUOTA']!;
    // Literal braces come out single; an integer without an example is 42, a number 1.5, a boolean true.
    expect(quota.value).toStrictEqual({ code: 'QUOTA', message: 'Used 1.5 of {quota}; strict=true', solution: 'Wait 42 s or raise the limit', params: { ratio: 1.5, strict: true, seconds: 42 } });
    const keywords = media('error/3.1/errors.yaml', 'BadRequest').examples['KEYWORDS']!;
    // A placeholder named like a body member (type, params) stays inside params.
    expect(keywords.value).toStrictEqual({
      code: 'KEYWORDS',
      message: 'type class locale func self default params string',
      params: { type: 'type', class: 'class', locale: 'locale', func: 'func', self: 'self', default: 'default', params: 'params', string: 'string' },
    });
    expect(media('error/3.1/errors.yaml', 'InternalServerError').examples['PLAIN']!.value).toStrictEqual({ code: 'PLAIN', message: 'No placeholders here' });
  });

  it('adds an example per own translation, filled the same way, its solution found along the fallback chain', () => {
    const examples = media('error/3.0/errors.json', 'NotFound').examples;
    expect(Object.keys(examples)).toStrictEqual(['NOT_FOUND', 'NOT_FOUND (de)', 'NOT_FOUND (zh-CN)', 'NOT_FOUND (zh-TW)']);
    expect(examples['NOT_FOUND (de)']!.value).toMatchObject({ message: 'Ressource "resource" mit ID 7 wurde nicht gefunden', solution: 'Prüfen Sie die ID von resource' });
    expect(examples['NOT_FOUND (zh-CN)']).toMatchObject({
      summary: '找不到资源「resource」（编号 7）',
      description: 'The body in zh-CN, for a request that asks for it (Accept-Language: zh-CN).',
      value: { code: 'NOT_FOUND', message: '找不到资源「resource」（编号 7）', solution: '请检查 resource 编号', params: { resource: 'resource', id: 7 } },
    });
    // zh-TW translates only the message, and is not reviewed: its solution is zh-CN's.
    expect(examples['NOT_FOUND (zh-TW)']!.description).toBe('The body in zh-TW, for a request that asks for it (Accept-Language: zh-TW). The translation is not reviewed yet.');
    expect(examples['NOT_FOUND (zh-TW)']!.value).toMatchObject({ message: '找不到資源「resource」（編號 7）', solution: '请检查 resource 编号' });
    expect(Object.keys(media('error/3.1/errors.yaml', 'TooManyRequests').examples)).toStrictEqual(['QUOTA', 'QUOTA (de)']);
    expect(Object.keys(media('error/3.1/errors.yaml', 'InternalServerError').examples)).toStrictEqual(['PLAIN', 'PLAIN (zh-CN)']);
  });

  it('types each code\'s params in its response schema: JSON types, required, descriptions', () => {
    for (const file of variants) {
      const notFound = narrowings(media(`error/${file}`, 'NotFound'));
      expect(notFound).toHaveLength(1);
      expect(notFound[0]).toMatchObject({ required: ['code', 'params'], properties: { code: { enum: ['NOT_FOUND'] } } });
      expect(notFound[0]!.properties.params).toMatchObject({
        type: 'object',
        required: ['resource', 'id'],
        properties: { resource: { type: 'string' }, id: { type: 'integer', description: 'The id that was looked up' } },
      });
      const quota = narrowings(media(`error/${file}`, 'TooManyRequests'))[0]!.properties.params!;
      expect(quota.properties).toStrictEqual({ ratio: { type: 'number' }, strict: { type: 'boolean' }, seconds: { type: 'integer' } });
      // 400 carries two codes with parameters and none without; 500 one without, so no params schema at all.
      expect(narrowings(media(`error/${file}`, 'BadRequest')).map((n) => n.properties.code.enum)).toStrictEqual([['KEYWORDS'], ['ESCAPES']]);
      expect(narrowings(media(`error/${file}`, 'InternalServerError'))).toMatchObject([{ required: ['code'], properties: { code: { enum: ['PLAIN'] } } }]);
    }
  });

  it('with body: problem, keeps the template as the title, says it filled in as the detail, and adds params as an extension member', () => {
    const document = load(join(out, 'problem/3.1/errors.yaml'));
    expect(Object.keys(document.components.schemas.Problem!.properties)).toContain('params');
    const examples = media('problem/3.1/errors.yaml', 'NotFound').examples;
    expect(examples['NOT_FOUND']!.value).toStrictEqual({
      type: 'https://example.com/errors#not-found',
      title: 'Resource "{resource}" with id {id} was not found',
      status: 404,
      detail: 'Resource "resource" with id 7 was not found',
      code: 'NOT_FOUND',
      solution: 'Check the resource id',
      params: { resource: 'resource', id: 7 },
    });
    expect(examples['NOT_FOUND (zh-CN)']!.value).toMatchObject({ title: '找不到资源「{resource}」（编号 {id}）', detail: '找不到资源「resource」（编号 7）' });
    const plain = media('problem/3.1/errors.yaml', 'InternalServerError').examples['PLAIN']!.value;
    expect(plain).not.toHaveProperty('detail');
    for (const narrowing of narrowings(media('problem/3.0/errors.json', 'NotFound'))) expect(narrowing.properties.status!.enum).toStrictEqual([404]);
  });

  it('lets Redocly catch an example whose parameter has the wrong type (the checks above are not vacuous)', async () => {
    const file = join(out, 'error/3.1/errors.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"id": 7\n');
    writeFileSync(join(out, 'wrong-type.yaml'), text.replace('"id": 7\n', '"id": "7"\n'));
    expect((await problems(join(out, 'wrong-type.yaml'))).join('\n')).toMatch(/no-invalid-media-type-examples: .*must be integer/);
    writeFileSync(join(out, 'missing.yaml'), text.replace(/\n *"id": 7\n/, '\n'));
    expect((await problems(join(out, 'missing.yaml'))).join('\n')).toContain("must have required property 'id'");
  });

  it('gives openapi-typescript a union per status whose members type each code\'s params', () => {
    runTool(process.execPath, [join(repoRoot, 'node_modules/openapi-typescript/bin/cli.js'), 'error/3.1/errors.yaml', '-o', 'api.ts'], { cwd: out });
    writeFileSync(
      join(out, 'check.ts'),
      [
        'import type { components } from "./api";',
        'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
        'type Body<S extends keyof components["responses"], C> = Extract<components["responses"][S]["content"]["application/json"], { code: C }>;',
        'type NotFound = Body<"NotFound", "NOT_FOUND">["params"];',
        'type Quota = Body<"TooManyRequests", "QUOTA">["params"];',
        'const notFound: [Equal<NotFound["resource"], string>, Equal<NotFound["id"], number>] = [true, true];',
        'const quota: [Equal<Quota["ratio"], number>, Equal<Quota["strict"], boolean>, Equal<Quota["seconds"], number>] = [true, true, true];',
        '// @ts-expect-error a string is not the integer id',
        'const wrongType: NotFound = { resource: "user", id: "7" };',
        '// @ts-expect-error the id is required',
        'const missing: NotFound = { resource: "user" };',
        'export { notFound, quota, wrongType, missing };',
        '',
      ].join('\n'),
    );
    runTool(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '--strict', '--noEmit', '--module', 'esnext', '--moduleResolution', 'bundler', 'check.ts'], { cwd: out });
  }, 120_000);
});
