import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/read.js';
import { proto } from '../../src/lang/proto.js';
import { memberName } from '../../src/names/identifier.js';
import { errgen, tempDir } from '../helpers/cli.js';
import { grpcExtras } from './grpc-expected.js';
import { evolvedCatalog, expectedFrom, generateInto, hostileCatalog, seedCatalog } from './harness.js';

/** One node of `protoc --decode_raw` output: field number → values (numbers, strings, or nested messages). */
interface Raw {
  [field: string]: Array<number | string | Raw>;
}

/** Reads `protoc --decode_raw` text: `N: value` lines and `N {` … `}` blocks; strings are C-escaped. */
function parseRaw(text: string): Raw {
  const root: Raw = {};
  const stack: Raw[] = [root];
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const top = stack.at(-1)!;
    let m: RegExpExecArray | null;
    if (line === '}') stack.pop();
    else if ((m = /^(\d+) \{$/.exec(line))) {
      const child: Raw = {};
      (top[m[1]!] ??= []).push(child);
      stack.push(child);
    } else if ((m = /^(\d+): (-?\d+)$/.exec(line))) (top[m[1]!] ??= []).push(Number(m[2]));
    else if ((m = /^(\d+): "(.*)"$/.exec(line))) (top[m[1]!] ??= []).push(m[2]!);
    else throw new Error(`unexpected decode_raw line: ${line}`);
  }
  return root;
}

/** FNV-1a (32-bit) over UTF-8, written out independently of src/emit/code-number.ts. */
function fnvNumber(code: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(code)) {
    h = (h ^ b) >>> 0;
    h = Number((BigInt(h) * 16777619n) % 4294967296n);
  }
  return 1 + (h % 2147483646);
}

interface EnumValue {
  name: string;
  number: number;
  deprecated: boolean;
}

interface Compiled {
  source: string;
  values: EnumValue[];
  reservedNumbers: number[];
  reservedNames: string[];
  packageName: string;
}

/** Generates the .proto, has protoc compile it to a descriptor set (no warnings allowed), and reads the enum back. */
function compile(catalogText: string, options: { package: string }): Compiled {
  const dir = tempDir();
  const file = generateInto(dir, catalogText, 'protobuf', options);
  const root = join(dir, 'out', 'protobuf');
  const rel = relative(root, file);
  expect(rel).toBe(`${options.package.replace(/\./g, '/')}/error_code.proto`);
  const protoc = spawnSync('protoc', ['-I', '.', `--descriptor_set_out=${join(dir, 'set.pb')}`, rel], { cwd: root, encoding: 'utf8' });
  if ((protoc.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error('`protoc` was not found on PATH; install it (Debian: protobuf-compiler).');
  expect(protoc.stderr).toBe('');
  expect(protoc.status).toBe(0);
  const decoded = spawnSync('protoc', ['--decode_raw'], { cwd: dir, input: readFileSync(join(dir, 'set.pb')), encoding: 'utf8' });
  expect(decoded.stderr).toBe('');
  expect(decoded.status).toBe(0);
  const raw = parseRaw(decoded.stdout);
  const fileDesc = raw['1']![0] as Raw; // FileDescriptorSet.file
  const enumDesc = fileDesc['5']![0] as Raw; // FileDescriptorProto.enum_type
  expect(enumDesc['1']).toEqual(['ErrorCode']);
  const values = (enumDesc['2'] ?? []).map((v) => {
    const value = v as Raw; // EnumValueDescriptorProto: 1 name, 2 number, 3 options (1 deprecated)
    const opts = value['3']?.[0] as Raw | undefined;
    return { name: value['1']![0] as string, number: value['2']![0] as number, deprecated: opts?.['1']?.[0] === 1 };
  });
  const ranges = (enumDesc['4'] ?? []) as Raw[]; // EnumReservedRange: 1 start, 2 end (inclusive)
  for (const r of ranges) expect(r['1']).toEqual(r['2']);
  return {
    source: readFileSync(file, 'utf8'),
    values,
    reservedNumbers: ranges.map((r) => r['1']![0] as number),
    reservedNames: (enumDesc['5'] ?? []) as string[],
    packageName: fileDesc['2']![0] as string,
  };
}

/** The enum must hold the zero value, then one value per live code with its stable number; tombstones reserved. */
async function expectMatchesCatalog(compiled: Compiled, catalogText: string, numbers: Record<string, number> = {}): Promise<void> {
  const expected = await expectedFrom(catalogText);
  // `names: { proto: … }` overrides, read on their own.
  const overrides = new Map((await parseCatalog(catalogText, 'errors.yaml')).value.groups.flatMap((g) => g.codes).map((c) => [c.code, c.names?.['proto']]));
  expect(compiled.values).toEqual([
    { name: 'ERROR_CODE_UNSPECIFIED', number: 0, deprecated: false },
    ...expected.codes.map((c) => ({ name: memberName(c.code, proto, overrides.get(c.code)), number: numbers[c.code] ?? fnvNumber(c.code), deprecated: c.deprecated })),
  ]);
  expect(compiled.reservedNumbers).toEqual(expected.removed.map((code) => fnvNumber(code)));
  expect(compiled.reservedNames).toEqual(expected.removed.map((code) => `ERROR_CODE_${code}`));
}

describe('protobuf target', () => {
  it('compiles with protoc from the seed catalog, one value per code with a stable number', async () => {
    const text = readFileSync(seedCatalog, 'utf8');
    const compiled = compile(text, { package: 'errors.v1' });
    expect(compiled.source.split('\n')[0]).toBe('// Code generated by errgen. DO NOT EDIT.');
    expect(compiled.packageName).toBe('errors.v1');
    expect(compiled.values).toHaveLength(63);
    await expectMatchesCatalog(compiled, text);
    expect(compiled.source).toContain('\n  // FAILED_PRECONDITION: The resource is not available for current operation in the current state\n  // HTTP 400, 409; gRPC INVALID_ARGUMENT.');
  });

  it('compiles the hostile catalog: every code an ASCII value name, comments kept on one line', async () => {
    const text = readFileSync(hostileCatalog, 'utf8');
    const compiled = compile(text, { package: 'acme.errors.v1' });
    await expectMatchesCatalog(compiled, text);
    for (const name of ['ERROR_CODE_404_PAGE_MISSING', 'ERROR_CODE_SELF', 'ERROR_CODE_AUTH_TOKEN_EXPIRED', 'ERROR_CODE_NOT_FOUND_YET', 'ERROR_CODE_GROESSE_2']) {
      expect(compiled.values.map((v) => v.name)).toContain(name);
    }
    expect(compiled.source).toContain('  // MULTI_LINE: first line second line third tabbed\n');
  });

  it('reserves numbers and names of tombstones, marks deprecations, honours explicit numbers, and keeps numbers when codes are added or reordered', async () => {
    const text = evolvedCatalog + grpcExtras;
    const compiled = compile(text, { package: 'errors.v1' });
    await expectMatchesCatalog(compiled, text, { ALREADY_THERE: 7 });
    expect(compiled.reservedNames).toEqual(['ERROR_CODE_GONE_FOREVER']);
    expect(compiled.source).toContain('  // Deprecated. Since 2.0: Split by plan. Use PLAN_LIMIT instead.\n  ERROR_CODE_OLD_LIMIT = ');
    expect(compiled.source).toContain('  // HTTP 409; gRPC ALREADY_EXISTS. Solution: Use the existing one\n  ERROR_CODE_ALREADY_THERE = 7;\n');

    const before = new Map(compiled.values.map((v) => [v.name, v.number]));
    const lines = text.split('\n');
    const first = lines.indexOf('      - code: NOT_FOUND');
    const grown = [...lines.slice(0, first), '      - code: BRAND_NEW', '        status: 400', '        message: New', '        solution: ""', ...lines.slice(first)].join('\n');
    const after = compile(grown, { package: 'errors.v1' });
    await expectMatchesCatalog(after, grown, { ALREADY_THERE: 7 });
    for (const [name, number] of before) expect(after.values.find((v) => v.name === name)?.number, name).toBe(number);
  });

  it('names a code UNSPECIFIED apart from the zero value, and refuses values protoc takes for one (V_2, V2) unless one is renamed', async () => {
    const code = (name: string, extra = '') => `      - code: ${name}\n        status: 400\n        message: m\n        solution: s\n${extra}`;
    const base = `groups:\n  - title: T\n    codes:\n${code('UNSPECIFIED')}${code('HTTP2_ERROR')}${code('V_2')}`;
    // protoc compares values in PascalCase, without underscores: UNSPECIFIED_ would be the zero value.
    const renamed = `${base}${code('V2', '        names: { proto: ERROR_CODE_VERSION_2 }\n')}`;
    const compiled = compile(renamed, { package: 'errors.v1' });
    await expectMatchesCatalog(compiled, renamed);
    expect(compiled.values.map((v) => v.name)).toEqual(['ERROR_CODE_UNSPECIFIED', 'ERROR_CODE_UNSPECIFIED_ERROR', 'ERROR_CODE_HTTP2_ERROR', 'ERROR_CODE_V_2', 'ERROR_CODE_VERSION_2']);

    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), `${base}${code('V2')}${code('HTTP_2_ERROR')}`);
    const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'protobuf'], { cwd: dir });
    expect(result.code).toBe(1);
    const oneValue = 'which protoc takes for one value: it compares enum values in PascalCase, without underscores';
    expect(result.stderr).toContain(`errors.yaml:16:9: error: codes "V_2" and "V2" become the proto identifiers ERROR_CODE_V_2 and ERROR_CODE_V2, ${oneValue} (see also errors.yaml:12:9).`);
    expect(result.stderr).toContain(`errors.yaml:20:9: error: codes "HTTP2_ERROR" and "HTTP_2_ERROR" become the proto identifiers ERROR_CODE_HTTP2_ERROR and ERROR_CODE_HTTP_2_ERROR, ${oneValue} (see also errors.yaml:8:9).`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses two codes with one number, naming both', () => {
    const dir = tempDir();
    const clash = `${evolvedCatalog}${grpcExtras}      - code: ALSO_SEVEN\n        status: 400\n        message: Clash\n        solution: ""\n        number: 7\n`;
    writeFileSync(join(dir, 'errors.yaml'), clash);
    const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'protobuf'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('errors.yaml:34:9: error: codes "ALREADY_THERE" and "ALSO_SEVEN" both have the number 7 (see also errors.yaml:28:9).');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
