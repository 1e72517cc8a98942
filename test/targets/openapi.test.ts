import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errgen, repoRoot } from '../helpers/cli.js';
import { expectedGrpc } from './grpc-expected.js';
import { hostileCatalog, runTool, seedCatalog } from './harness.js';
import { load, narrowings, problems, type OpenApi, type Response } from './openapi-document.js';
import { exampleValues, filled, ownTranslations, paramsOf, type Row, rowsOf } from './openapi-expected.js';

/**
 * The openapi target, proven by established tools: the official OpenAPI JSON Schemas
 * (@seriousme/openapi-schema-validator), Redocly's linter (examples must match their schemas, every
 * $ref resolves) and openapi-typescript, whose types must name exactly the catalog's codes.
 */

const variants = [
  { version: '3.1', format: 'yaml' },
  { version: '3.0', format: 'yaml' },
  { version: '3.1', format: 'json' },
  { version: '3.0', format: 'json' },
] as const;
const fileOf = (v: (typeof variants)[number]) => `${v.version}/errors.${v.format}`;
/** The same four variants with `body: problem`, under problem/. */
const problemBase = 'https://api.example.com/docs/error-codes.html';

const lifecycleCatalog = `
groups:
  - title: Lifecycle
    codes:
      - code: NEW_CODE
        status: 404
        message: Current spelling
        solution: ""
        aliases: [OLD_CODE]
      - code: OLD_THING
        status: 410
        message: Going away
        solution: Use NEW_CODE
        deprecated: { since: "2.0", reason: merged into NEW_CODE, replacement: NEW_CODE }
      - code: TAKEN
        status: 409
        message: Already taken
        solution: ""
        grpc: ALREADY_EXISTS
      - code: NEW_CODE
        status: 409
        message: Second listing, its own message
        solution: Retry
`;
const catalogs = {
  seed: readFileSync(seedCatalog, 'utf8'),
  hostile: readFileSync(hostileCatalog, 'utf8'),
  lifecycle: lifecycleCatalog,
};

const distinct = <T>(list: readonly T[]): T[] => [...new Set(list)];

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Writes the catalog and a config with one openapi target per variant, runs `errgen generate`, returns the output folder. */
function generate(catalogText: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'errgen-openapi-'));
  tempDirs.push(dir);
  writeFileSync(join(dir, 'errors.yaml'), catalogText);
  const targets = variants.flatMap((v, i) => [
    `  openapi-${i}: { kind: openapi, output: ${fileOf(v)}, options: { version: "${v.version}", format: ${v.format} } }`,
    `  problem-${i}: { kind: openapi, output: problem/${fileOf(v)}, options: { version: "${v.version}", format: ${v.format}, body: problem, problemBaseUrl: "${problemBase}" } }`,
  ]);
  writeFileSync(join(dir, 'errgen.config.yaml'), ['catalog: errors.yaml', 'outDir: out', 'targets:', ...targets].join('\n'));
  const result = errgen(['generate'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return join(dir, 'out');
}

/** The example keys a response must have: each listed row's code, then "CODE (locale)" per own translation. */
function exampleKeys(catalogText: string, listed: readonly Row[], firstRow: (code: string) => Row): string[] {
  return listed.flatMap((row) => [row.code, ...ownTranslations(catalogText, firstRow(row.code)).map((tag) => `${row.code} (${tag})`)]);
}

function responseFor(document: OpenApi, status: number): [string, Response] | undefined {
  return Object.entries(document.components.responses).find(([, r]) => r.description.startsWith(`${status} `));
}

describe.each(Object.entries(catalogs))('openapi target, %s catalog', (_name, catalogText) => {
  const rows = rowsOf(catalogText);
  const codes = distinct(rows.map((r) => r.code));
  const firstRow = (code: string) => rows.find((r) => r.code === code)!;
  let out = '';
  beforeAll(() => {
    out = generate(catalogText);
  });

  it.each(variants)('OpenAPI $version as $format passes the OpenAPI schema and Redocly', async (variant) => {
    expect(await problems(join(out, fileOf(variant)))).toStrictEqual([]);
    const document = load(join(out, fileOf(variant)));
    expect(document.openapi).toBe(variant.version === '3.1' ? '3.1.0' : '3.0.3');
  });

  it('writes the same document as YAML and as JSON', () => {
    for (const version of ['3.1', '3.0']) {
      expect(load(join(out, version, 'errors.yaml'))).toStrictEqual(load(join(out, version, 'errors.json')));
    }
  });

  it('holds every code and string exactly as the catalog does, and a response per error status', () => {
    const document = load(join(out, '3.1/errors.yaml'));
    const errorCode = document.components.schemas.ErrorCode;
    expect(errorCode.enum).toStrictEqual(codes);
    expect(distinct(errorCode['x-enum-varnames'])).toHaveLength(codes.length);
    expect(errorCode['x-enum-descriptions']).toStrictEqual(
      codes.map((code) => firstRow(code).message + (firstRow(code).deprecated ? ' (deprecated)' : '')),
    );

    const statuses = distinct(rows.map((r) => r.status)).sort((a, b) => a - b);
    const errorStatuses = statuses.filter((s) => s >= 400);
    expect(Object.keys(document.components.responses)).toHaveLength(errorStatuses.length);
    for (const status of statuses.filter((s) => s < 400)) expect(responseFor(document, status)).toBeUndefined();
    for (const status of errorStatuses) {
      const [, response] = responseFor(document, status)!;
      const media = response.content['application/json'];
      const listed = rows.filter((r) => r.status === status);
      // The codes with parameters come first, one narrowing each; the rest keep ErrorCode's order. The examples follow the catalog's rows.
      const carried = codes.filter((code) => listed.some((r) => r.code === code));
      const withParams = carried.filter((code) => paramsOf(firstRow(code)).length > 0);
      expect(narrowings(media).flatMap((n) => n.properties.code.enum)).toStrictEqual([...withParams, ...carried.filter((code) => !withParams.includes(code))]);
      expect(Object.keys(media.examples)).toStrictEqual(exampleKeys(catalogText, listed, firstRow));
      for (const row of listed) {
        const example = media.examples[row.code]!;
        const first = firstRow(row.code);
        const params = paramsOf(first).length ? { params: exampleValues(first) } : {};
        expect(example.summary).toBe(filled(row.message, first));
        expect(example.value).toStrictEqual({ code: row.code, message: filled(row.message, first), ...(row.solution ? { solution: filled(row.solution, first) } : {}), ...params });
        expect(example.description === undefined).toBe(!row.deprecated);
      }
    }
  });

  it('carries each code\'s gRPC status, overrides included, in x-enum-grpc-statuses and on every example', async () => {
    const grpc = await expectedGrpc(catalogText);
    for (const file of ['3.1/errors.yaml', '3.0/errors.json', 'problem/3.1/errors.yaml']) {
      const document = load(join(out, file));
      expect(document.components.schemas.ErrorCode['x-enum-grpc-statuses']).toStrictEqual(codes.map((code) => grpc.get(code)));
      for (const response of Object.values(document.components.responses)) {
        const media = response.content['application/json'] ?? response.content['application/problem+json'];
        for (const example of Object.values(media.examples)) expect(example['x-grpc-status']).toBe(grpc.get(String(example.value['code'])));
      }
    }
  });

  it.each(variants)('with body: problem, OpenAPI $version as $format passes the OpenAPI schema and Redocly', async (variant) => {
    expect(await problems(join(out, 'problem', fileOf(variant)))).toStrictEqual([]);
    expect(load(join(out, 'problem', fileOf(variant)))).toStrictEqual(load(join(out, 'problem', variant.version, 'errors.yaml')));
  });

  it('with body: problem, answers with RFC 9457 problem details: a type per code linking to its docs anchor, the message as title', () => {
    const document = load(join(out, 'problem/3.1/errors.yaml'));
    expect(Object.keys(document.components.schemas)).toStrictEqual(['ErrorCode', 'Problem']);
    expect(document.components.schemas.Problem!.required).toStrictEqual(['type', 'title', 'status', 'code']);
    const hasParams = rows.some((r) => paramsOf(r).length > 0);
    expect(Object.keys(document.components.schemas.Problem!.properties)).toStrictEqual(['type', 'title', 'status', 'detail', 'instance', 'code', 'solution', ...(hasParams ? ['params'] : [])]);
    const anchors = new Map<string, string>();
    for (const status of distinct(rows.map((r) => r.status)).filter((s) => s >= 400)) {
      const [, response] = responseFor(document, status)!;
      expect(Object.keys(response.content)).toStrictEqual(['application/problem+json']);
      const media = response.content['application/problem+json'];
      for (const narrowing of narrowings(media)) expect(narrowing.properties.status!.enum).toStrictEqual([status]);
      const listed = rows.filter((r) => r.status === status);
      expect(Object.keys(media.examples)).toStrictEqual(exampleKeys(catalogText, listed, firstRow));
      for (const row of listed) {
        const { type, ...rest } = media.examples[row.code]!.value;
        const first = firstRow(row.code);
        const detail = filled(row.message, first);
        expect(rest).toStrictEqual({
          title: first.message,
          status,
          ...(detail === first.message ? {} : { detail }),
          code: row.code,
          ...(row.solution ? { solution: filled(row.solution, first) } : {}),
          ...(paramsOf(first).length ? { params: exampleValues(first) } : {}),
        });
        // One stable type per code, whichever status carries it: the docs page's anchor for the code.
        expect(type).toMatch(/^https:\/\/api\.example\.com\/docs\/error-codes\.html#[a-z0-9-]+$/);
        expect(anchors.get(row.code) ?? type).toBe(type);
        anchors.set(row.code, String(type));
      }
    }
    // Distinct codes get distinct types.
    expect(new Set(anchors.values()).size).toBe(anchors.size);
  });

  it('gives openapi-typescript types whose codes are exactly the catalog codes, per status too', () => {
    const document = load(join(out, '3.0/errors.json'));
    const union = (list: readonly string[]) => list.map((code) => JSON.stringify(code)).join(' | ');
    const checksFor = (media: string) => {
      const checks = [`const all: Equal<components["schemas"]["ErrorCode"], ${union(codes)}> = true;`];
      for (const status of distinct(rows.map((r) => r.status)).filter((s) => s >= 400)) {
        const [name] = responseFor(document, status)!;
        const carried = distinct(rows.filter((r) => r.status === status).map((r) => r.code));
        checks.push(`const s${status}: Equal<components["responses"][${JSON.stringify(name)}]["content"][${JSON.stringify(media)}]["code"], ${union(carried)}> = true;`);
        if (media === 'application/problem+json') {
          checks.push(`const n${status}: Equal<components["responses"][${JSON.stringify(name)}]["content"][${JSON.stringify(media)}]["status"], ${status}> = true;`);
        }
      }
      return checks;
    };
    const types = join(out, 'api.ts');
    const inputs = [
      ['3.1/errors.yaml', 'application/json'],
      ['3.0/errors.json', 'application/json'],
      ['problem/3.1/errors.yaml', 'application/problem+json'],
      ['problem/3.0/errors.json', 'application/problem+json'],
    ] as const;
    for (const [input, media] of inputs) {
      const checks = checksFor(media);
      runTool(process.execPath, [join(repoRoot, 'node_modules/openapi-typescript/bin/cli.js'), input, '-o', types], { cwd: out });
      writeFileSync(
        join(out, 'check.ts'),
        [
          'import type { components } from "./api";',
          'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
          ...checks,
          '',
        ].join('\n'),
      );
      runTool(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '--strict', '--noEmit', '--module', 'esnext', '--moduleResolution', 'bundler', 'check.ts'], { cwd: out });
    }
  }, 240_000);
});

describe('openapi target, validators', () => {
  it('reject a response example whose code its status does not carry (the checks above are not vacuous)', async () => {
    const out = generate(catalogs.seed);
    const broken = readFileSync(join(out, '3.1/errors.yaml'), 'utf8').replace('code: "UNAUTHENTICATED"', 'code: "NOT_FOUND"');
    writeFileSync(join(out, 'broken.yaml'), broken);
    expect((await problems(join(out, 'broken.yaml'))).join('\n')).toContain('no-invalid-media-type-examples');
  });
});

