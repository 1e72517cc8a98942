import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { errgen, tempDir } from '../helpers/cli.js';
import { type Expected, evolvedCatalog, expectedFrom, hostileCatalog, seedCatalog, unknownProbes } from './harness.js';
import { messagesCatalog } from './messages-harness.js';
import { exampleValues, paramsOf, rowsOf } from './openapi-expected.js';

interface Schema {
  $defs: Record<string, unknown>;
  $comment: string;
}

/** Generates the schema and compiles it with Ajv in strict mode (unknown keywords and bad schemas fail). */
async function load(catalogText: string): Promise<{ schema: Schema; ajv: Ajv2020; expected: Expected; text: string; params: ParamsOf }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'errors.yaml'), catalogText);
  // No config: the target has no options, and its default output path is part of what is tested.
  const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'jsonschema'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const text = readFileSync(join(dir, 'out/jsonschema/error.schema.json'), 'utf8');
  const schema = JSON.parse(text) as Schema;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addSchema(schema as object, 'error.schema.json');
  return { schema, ajv, expected: await expectedFrom(catalogText), text, params: paramsFor(catalogText) };
}

/** What a body of a code must carry beside code and message: `{ params }` with sample values when the code has parameters. */
type ParamsOf = (code: string) => { params?: Record<string, unknown> };

function paramsFor(catalogText: string): ParamsOf {
  const rows = rowsOf(catalogText);
  return (code) => {
    const first = rows.find((r) => r.code === code);
    return first && paramsOf(first).length > 0 ? { params: exampleValues(first) } : {};
  };
}

function validator(ajv: Ajv2020, ref: string): (body: unknown) => boolean {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref}`);
  return (body) => validate(body) as boolean;
}

/** Every live code and alias is accepted in a body; tombstones, unknown codes and malformed bodies are not. */
function expectBodies(ajv: Ajv2020, expected: Expected, params: ParamsOf): void {
  const body = validator(ajv, 'error.schema.json');
  for (const c of expected.codes) {
    expect(body({ code: c.code, message: c.message, ...params(c.code) }), c.code).toBe(true);
    expect(body({ code: c.code, message: c.message, solution: c.solution, requestId: 'extra fields are allowed', ...params(c.code) }), c.code).toBe(true);
    // A code with parameters must carry them.
    if (params(c.code).params) expect(body({ code: c.code, message: c.message }), `${c.code} without params`).toBe(false);
  }
  for (const [alias, code] of Object.entries(expected.aliases)) expect(body({ code: alias, message: 'm', ...params(code) }), alias).toBe(true);
  const known = new Set([...expected.codes.map((c) => c.code), ...Object.keys(expected.aliases)]);
  for (const code of [...expected.removed, ...unknownProbes.filter((p) => !known.has(p))]) expect(body({ code, message: 'm' }), code).toBe(false);
  const first = expected.codes[0]!;
  expect(body({ code: first.code, ...params(first.code) })).toBe(false);
  expect(body({ message: 'no code' })).toBe(false);
  expect(body({ code: first.code, message: 42 })).toBe(false);
  expect(body({ code: first.code, message: 'm', solution: null })).toBe(false);
  expect(body([first.code])).toBe(false);
}

/** Each error status's definition accepts exactly the codes (and their aliases) listed with that status. */
function expectStatuses(ajv: Ajv2020, schema: Schema, expected: Expected, params: ParamsOf, names: Record<number, string>): void {
  const statuses = [...new Set(expected.codes.flatMap((c) => c.statuses))].filter((s) => s >= 400);
  expect(Object.keys(schema.$defs).sort()).toEqual(['ErrorCode', ...statuses.map((s) => names[s])].sort());
  for (const status of statuses) {
    const body = validator(ajv, `error.schema.json#/$defs/${names[status]}`);
    for (const c of expected.codes) {
      const allowed = c.statuses.includes(status);
      expect(body({ code: c.code, message: c.message, ...params(c.code) }), `${status} ${c.code}`).toBe(allowed);
      for (const [alias, code] of Object.entries(expected.aliases)) if (code === c.code) expect(body({ code: alias, message: 'm', ...params(code) })).toBe(allowed);
    }
    const carried = expected.codes.find((c) => c.statuses.includes(status))!.code;
    expect(body({ code: carried, ...params(carried) })).toBe(false);
  }
}

describe('jsonschema target', () => {
  it('is a valid 2020-12 schema that accepts the seed catalog bodies and narrows each status', async () => {
    const { schema, ajv, expected, params } = await load(readFileSync(seedCatalog, 'utf8'));
    expect(schema.$comment).toMatch(/^Generated by errgen from errors\.yaml\./);
    expectBodies(ajv, expected, params);
    expectStatuses(ajv, schema, expected, params, {
      400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 429: 'TooManyRequests',
      499: 'ClientClosedRequest', 500: 'InternalServerError', 501: 'NotImplemented', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout',
    });
  });

  it('matches hostile codes exactly, as constants', async () => {
    const { schema, ajv, expected, text, params } = await load(readFileSync(hostileCatalog, 'utf8'));
    expectBodies(ajv, expected, params);
    expectStatuses(ajv, schema, expected, params, { 400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound', 409: 'Conflict', 422: 'UnprocessableEntity', 499: 'ClientClosedRequest' });
    expect(text).toContain('"const": "auth.token-expired"');
    expect(text).toContain('"description": "first line\\nsecond line\\r\\nthird\\ttabbed"');
  });

  it('accepts aliases as deprecated constants, marks deprecated codes, leaves tombstones out', async () => {
    const { schema, ajv, expected, text, params } = await load(evolvedCatalog);
    expectBodies(ajv, expected, params);
    expectStatuses(ajv, schema, expected, params, { 400: 'BadRequest', 404: 'NotFound', 429: 'TooManyRequests' });
    const codes = (schema.$defs['ErrorCode'] as { anyOf: Array<Record<string, unknown>> }).anyOf;
    expect(codes.find((c) => c['const'] === 'OLD_LIMIT')).toMatchObject({ deprecated: true, $comment: 'HTTP 429; gRPC RESOURCE_EXHAUSTED' });
    expect(codes.find((c) => c['const'] === 'NOTFOUND')).toEqual({ const: 'NOTFOUND', description: 'Old spelling of NOT_FOUND.', deprecated: true });
    expect(codes.find((c) => c['const'] === 'PLAN_LIMIT')).not.toHaveProperty('deprecated');
    expect(text).not.toContain('GONE_FOREVER');
  });

  it('types each code\'s params: required for codes that have them (aliases too), with their JSON types', async () => {
    const withAlias = messagesCatalog.replace("      - code: NOT_FOUND\n", "      - code: NOT_FOUND\n        aliases: [NOTFOUND]\n");
    expect(withAlias).not.toBe(messagesCatalog);
    const { ajv, expected, params } = await load(withAlias);
    expectBodies(ajv, expected, params);
    const body = validator(ajv, 'error.schema.json');
    const notFound = (p: unknown) => body({ code: 'NOT_FOUND', message: 'm', params: p });
    expect(notFound({ resource: 'user', id: 7 })).toBe(true);
    expect(notFound({ resource: 'user', id: 7.5 })).toBe(false);
    expect(notFound({ resource: 'user', id: '7' })).toBe(false);
    expect(notFound({ resource: 'user' })).toBe(false);
    expect(notFound('resource=user')).toBe(false);
    expect(body({ code: 'NOTFOUND', message: 'm' })).toBe(false);
    expect(body({ code: 'NOTFOUND', message: 'm', params: { resource: 'user', id: 7 } })).toBe(true);
    const quota = (p: unknown) => body({ code: 'QUOTA', message: 'm', params: p });
    expect(quota({ ratio: 0.5, strict: false, seconds: 3 })).toBe(true);
    expect(quota({ ratio: 0.5, strict: 'false', seconds: 3 })).toBe(false);
    expect(quota({ ratio: '0.5', strict: false, seconds: 3 })).toBe(false);
    // A code without parameters needs none, and the per-status definitions keep the params rules.
    expect(body({ code: 'PLAIN', message: 'm' })).toBe(true);
    expect(validator(ajv, 'error.schema.json#/$defs/NotFound')({ code: 'NOT_FOUND', message: 'm' })).toBe(false);
  });
});
