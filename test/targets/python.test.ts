import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { grpcExtras, grpcNumbers, expectedGrpc } from './grpc-expected.js';
import { canonicalOf, codesByStatus, evolvedCatalog, type Expected, expectedFrom, generateInto, hostileCatalog, probesFor, runTool, seedCatalog } from './harness.js';

/** Prints everything the generated module knows, and what it makes of the probes on stdin, as JSON. Itself checked by mypy --strict. */
const dumpScript = (module: string, typeName: string) => `from __future__ import annotations

import json
import sys

from ${module} import ${typeName}, codes_for_status


def describe(code: ${typeName}) -> dict[str, object]:
    return {
        "code": code.value,
        "str": str(code),
        "format": f"{code}",
        "equalsWire": code == code.value,
        "status": code.status,
        "statuses": list(code.statuses),
        "message": code.message,
        "solution": code.solution,
        "grpcStatus": code.grpc_status,
        "grpcCode": code.grpc_code,
        "deprecated": code.deprecated,
    }


def constructed(value: str) -> str | None:
    try:
        return ${typeName}(value).value
    except ValueError:
        return None


def main() -> None:
    probes: list[str] = json.load(sys.stdin)
    parsed: list[dict[str, str | None]] = []
    for probe in probes:
        code = ${typeName}.parse(probe)
        parsed.append({"input": probe, "code": None if code is None else code.value, "constructed": constructed(probe)})
    statuses = sorted({s for code in ${typeName} for s in code.statuses})
    out = {
        "codes": [describe(code) for code in ${typeName}],
        "parsed": parsed,
        "byStatus": {str(s): [code.value for code in codes_for_status(s)] for s in statuses},
        "unknownStatus": [code.value for code in codes_for_status(999)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
`;

interface Dump {
  codes: Array<Record<string, unknown>>;
  parsed: Array<{ input: string; code: string | null; constructed: string | null }>;
  byStatus: Record<string, string[]>;
  unknownStatus: string[];
}

interface Built {
  readonly source: string;
  readonly dump: Dump;
  readonly expected: Expected;
  readonly grpc: Map<string, string>;
  readonly probes: readonly string[];
}

/** Generates the module, proves it with mypy --strict (with a script that uses all of it), and runs the script. */
async function buildAndRun(catalogText: string, options: { module: string; typeName: string }): Promise<Built> {
  const dir = tempDir();
  const file = generateInto(dir, catalogText, 'python', options);
  const pkgDir = dirname(file);
  expect(relative(dir, file)).toBe(`out/python/${options.module}.py`);
  writeFileSync(join(pkgDir, 'dump.py'), dumpScript(options.module, options.typeName));

  const env = { PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', MYPY_CACHE_DIR: join(dir, '.mypy_cache') };
  runTool('mypy', ['--strict', '--python-version', '3.10', '--no-error-summary', `${options.module}.py`, 'dump.py'], { cwd: pkgDir, env });
  runTool('python3', ['-W', 'error', '-m', 'py_compile', `${options.module}.py`], { cwd: pkgDir, env });

  const expected = await expectedFrom(catalogText);
  const probes = probesFor(expected);
  const stdout = runTool('python3', ['-X', 'dev', '-W', 'error', 'dump.py'], { cwd: pkgDir, env, input: JSON.stringify(probes) });
  return { source: readFileSync(file, 'utf8'), dump: JSON.parse(stdout) as Dump, expected, grpc: await expectedGrpc(catalogText), probes };
}

/** The run-time metadata must be the catalog's, byte for byte; lookups accept exactly the known codes and aliases. */
function expectMatchesCatalog({ dump, expected, grpc, probes }: Built): void {
  expect(dump.codes).toEqual(
    expected.codes.map((c) => ({
      code: c.code,
      str: c.code,
      format: c.code,
      equalsWire: true,
      status: c.status,
      statuses: c.statuses,
      message: c.message,
      solution: c.solution,
      grpcStatus: grpc.get(c.code),
      grpcCode: grpcNumbers[grpc.get(c.code)!],
      deprecated: c.deprecated,
    })),
  );
  const canonicalFor = canonicalOf(expected);
  expect(dump.parsed).toEqual(
    probes.map((input) => {
      const canonical = canonicalFor(input);
      return { input, code: canonical ?? null, constructed: canonical ?? null };
    }),
  );
  expect(dump.byStatus).toEqual(codesByStatus(expected));
  expect(dump.unknownStatus).toEqual([]);
}

/** mypy's first run builds its cache of typeshed: allow for it. */
const toolchainTimeout = 180_000;

describe('python target', () => {
  it('passes mypy --strict and reports the seed catalog exactly', async () => {
    const built = await buildAndRun(readFileSync(seedCatalog, 'utf8'), { module: 'error_codes', typeName: 'ErrorCode' });
    expect(built.source.split('\n')[0]).toBe('# Generated by errgen. DO NOT EDIT.');
    expect(built.source).toContain('\nclass ErrorCode(str, enum.Enum):\n');
    expect(built.source).toContain('\n    NOT_FOUND = "NOT_FOUND"\n');
    expect(built.dump.codes).toHaveLength(62);
    expect(built.dump.codes.find((c) => c['code'] === 'FAILED_PRECONDITION')?.['statuses']).toEqual([400, 409]);
    expect(built.dump.codes.find((c) => c['code'] === 'CANCELLED')?.['grpcStatus']).toBe('CANCELLED');
    expectMatchesCatalog(built);
  }, toolchainTimeout);

  it('keeps every hostile string byte-identical and turns hostile codes into valid member names', async () => {
    const built = await buildAndRun(readFileSync(hostileCatalog, 'utf8'), { module: 'error_codes', typeName: 'ErrorCode' });
    expectMatchesCatalog(built);
    for (const line of ['    E_404_PAGE_MISSING = "404_PAGE_MISSING"', '    SELF = "self"', '    CLASS = "class"', '    AUTH_TOKEN_EXPIRED = "auth.token-expired"']) {
      expect(built.source).toContain(`\n${line}\n`);
    }
    // Text that Python would read as an escape stays text: a doubled backslash, never `\N{` or `\u` live.
    expect(built.source).toContain(String.raw`and \\u0041 is not A"`);
  }, toolchainTimeout);

  it('parses aliases to the canonical code, rejects tombstones, marks deprecations, carries gRPC overrides, honours module and typeName', async () => {
    const built = await buildAndRun(evolvedCatalog + grpcExtras, { module: 'api_errors', typeName: 'ApiError' });
    expectMatchesCatalog(built);
    expect(built.source).toContain('\nclass ApiError(str, enum.Enum):\n');
    expect(built.source).toContain('        "RESOURCE_MISSING": ApiError.NOT_FOUND,\n');
    expect(built.source).toContain('    #: Deprecated. Since 2.0: Split by plan. Use PLAN_LIMIT instead.\n    OLD_LIMIT = "OLD_LIMIT"\n');
    expect(built.source).toContain('    #: Deprecated.\n    LEGACY = "LEGACY"\n');
    expect(built.dump.codes.find((c) => c['code'] === 'ALREADY_THERE')).toMatchObject({ grpcStatus: 'ALREADY_EXISTS', grpcCode: 6 });
    expect(built.source).not.toContain('GONE_FOREVER');
  }, toolchainTimeout);
});
