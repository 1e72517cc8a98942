import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errgen } from '../helpers/cli.js';
import { expectedGrpc, grpcExtras, grpcNumbers } from './grpc-expected.js';
import { hostileCatalog, runTool, seedCatalog } from './harness.js';
import { tsc, tsStrictFlags } from './toolchains.js';

/**
 * The typescript target, proven by the real compiler: generated code type-checks under the strictest
 * flags in both styles, and a program compiled against it prints back the catalog byte for byte.
 */

const styles = ['enum', 'const'] as const;

/** Codes with aliases and deprecations, which neither the seed nor the hostile fixture has. */
const lifecycleCatalog = `
groups:
  - title: Lifecycle
    codes:
      - code: NEW_CODE
        status: 404
        message: Current spelling
        solution: ""
        aliases: [OLD_CODE, old-code]
      - code: OLD_THING
        status: 410
        message: Going away
        solution: Use NEW_CODE
        deprecated: { since: "2.0", reason: "merged into NEW_CODE */ see", replacement: NEW_CODE }
      - code: PLAIN_DEPRECATED
        status: 400
        message: Just deprecated
        solution: ""
        deprecated: true
      - code: GONE
        status: 400
        message: Removed long ago
        solution: ""
        removed: true
${grpcExtras}`;

const catalogs = {
  seed: readFileSync(seedCatalog, 'utf8'),
  hostile: readFileSync(hostileCatalog, 'utf8'),
  lifecycle: lifecycleCatalog,
};

interface CatalogEntry {
  code: string;
  status: number;
  message: string;
  solution: string;
  removed?: unknown;
  aliases?: string[];
}

/** What the generated metadata must say, derived from the catalog independently of errgen. */
async function expectedInfo(catalogText: string) {
  const grpc = await expectedGrpc(catalogText);
  const catalog = parse(catalogText) as { groups: Array<{ title: string; codes: CatalogEntry[] }> };
  const info: Record<string, { status: number; statuses: number[]; message: string; solution: string; group: string; grpcStatus: string; grpcCode: number }> = {};
  const aliases: Record<string, string> = {};
  for (const group of catalog.groups) {
    for (const entry of group.codes) {
      if (entry.removed) continue;
      const known = info[entry.code];
      if (known) {
        if (!known.statuses.includes(entry.status)) known.statuses.push(entry.status);
        continue;
      }
      const grpcStatus = grpc.get(entry.code)!;
      info[entry.code] = {
        status: entry.status,
        statuses: [entry.status],
        message: entry.message,
        solution: entry.solution,
        group: group.title,
        grpcStatus,
        grpcCode: grpcNumbers[grpcStatus]!,
      };
      for (const alias of entry.aliases ?? []) aliases[alias] = entry.code;
    }
  }
  return { info, aliases };
}

/** Temporary folders made in beforeAll hooks, kept until the file's last test. */
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'errgen-ts-'));
  tempDirs.push(dir);
  return dir;
}


/** Writes the catalog and a config with one target per style, runs `errgen generate`, returns the output folder. */
function generate(dir: string, catalogText: string): string {
  writeFileSync(join(dir, 'errors.yaml'), catalogText);
  writeFileSync(
    join(dir, 'errgen.config.yaml'),
    ['catalog: errors.yaml', 'outDir: out', 'targets:', ...styles.map((style) => `  ts-${style}: { kind: typescript, output: ${style}/error-codes.ts, options: { style: ${style} } }`)].join('\n'),
  );
  const result = errgen(['generate'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return join(dir, 'out');
}

/** A client program: prints what the generated module answers, as JSON. */
function driver(probes: readonly string[], statuses: readonly number[]): string {
  return `import { codesForStatus, errorCodeInfo, httpStatusOf, isErrorCode, parseErrorCode, type ErrorCode } from "./error-codes.js";

const codes = Object.keys(errorCodeInfo) as ErrorCode[];
const parsed: Record<string, string | null> = {};
for (const probe of ${JSON.stringify(probes)}) parsed[probe] = parseErrorCode(probe) ?? null;
const byStatus: Record<string, ErrorCode[]> = {};
for (const status of ${JSON.stringify(statuses)}) byStatus[status] = codesForStatus(status);
const statusOf: Record<string, number> = {};
for (const code of codes) statusOf[code] = httpStatusOf(code);
console.log(JSON.stringify({
  info: errorCodeInfo,
  parsed,
  guards: [isErrorCode(42), isErrorCode(undefined), isErrorCode("toString"), isErrorCode("__proto__")],
  byStatus,
  statusOf,
}));
`;
}

describe.each(Object.entries(catalogs))('typescript target, %s catalog', (name, catalogText) => {
  let info: Awaited<ReturnType<typeof expectedInfo>>['info'] = {};
  let aliases: Record<string, string> = {};
  let statuses: number[] = [];
  let out = '';
  beforeAll(async () => {
    ({ info, aliases } = await expectedInfo(catalogText));
    statuses = [...new Set(Object.values(info).flatMap((i) => i.statuses))];
    out = generate(tempDir(), catalogText);
  });

  it('type-checks under the strictest flags in both styles, the const style also with --erasableSyntaxOnly', () => {
    runTool(process.execPath, [tsc, ...tsStrictFlags, '--noEmit', ...styles.map((style) => `${style}/error-codes.ts`)], { cwd: out });
    runTool(process.execPath, [tsc, ...tsStrictFlags, '--erasableSyntaxOnly', '--noEmit', 'const/error-codes.ts'], { cwd: out });
  });

  it('answers, compiled and run, exactly what the catalog says: every string byte for byte, unknown codes undefined, aliases resolved', () => {
    const probes = ['SOMETHING_NEW', '', 'toString', ...Object.keys(info), ...Object.keys(aliases)];
    for (const style of styles) writeFileSync(join(out, style, 'driver.ts'), driver(probes, statuses));
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
    runTool(process.execPath, [tsc, ...tsStrictFlags, '--module', 'nodenext', '--target', 'es2022', '--rootDir', '.', '--outDir', 'js', ...styles.map((style) => `${style}/driver.ts`)], { cwd: out });
    copyFileSync(join(out, 'package.json'), join(out, 'js/package.json'));

    const expectedParsed: Record<string, string | null> = { SOMETHING_NEW: null, '': null, toString: null };
    for (const code of Object.keys(info)) expectedParsed[code] = code;
    Object.assign(expectedParsed, aliases);
    for (const style of styles) {
      const report = JSON.parse(runTool(process.execPath, [`js/${style}/driver.js`], { cwd: out })) as Record<string, unknown>;
      expect(report['info']).toStrictEqual(info);
      if (name === 'lifecycle') expect((report['info'] as typeof info)['ALREADY_THERE']).toMatchObject({ grpcStatus: 'ALREADY_EXISTS', grpcCode: 6 });
      expect(report['parsed']).toStrictEqual(expectedParsed);
      expect(report['guards']).toStrictEqual([false, false, false, false]);
      expect(report['byStatus']).toStrictEqual(
        Object.fromEntries(statuses.map((s) => [s, Object.keys(info).filter((code) => info[code]!.statuses.includes(s))])),
      );
      expect(report['statusOf']).toStrictEqual(Object.fromEntries(Object.entries(info).map(([code, i]) => [code, i.status])));
    }
  });
});

describe('typescript target, member documentation', () => {
  it('marks deprecated codes with @deprecated, reason and replacement, as the TypeScript compiler reads it', () => {
    const file = join(generate(tempDir(), lifecycleCatalog), 'enum/error-codes.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const members = new Map<string, ts.EnumMember>();
    source.forEachChild((node) => {
      if (ts.isEnumDeclaration(node)) for (const member of node.members) members.set(member.name.getText(source), member);
    });
    const deprecation = (name: string) => {
      const tag = ts.getJSDocDeprecatedTag(members.get(name)!);
      return tag === undefined ? undefined : (ts.getTextOfJSDocComment(tag.comment) ?? '');
    };
    expect([...members.keys()]).toStrictEqual(['NewCode', 'OldThing', 'PlainDeprecated', 'AlreadyThere']);
    expect(deprecation('NewCode')).toBeUndefined();
    expect(deprecation('OldThing')).toBe('Since 2.0: merged into NEW_CODE *\\/ see. Use NEW_CODE instead.');
    expect(deprecation('PlainDeprecated')).toBe('');
  });
});
