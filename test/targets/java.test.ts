import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { grpcExtras } from './grpc-expected.js';
import { canonicalOf, codesByStatus, expectedCodes, evolvedCatalog, generateInto, hostileCatalog, runTool, seedCatalog, type Built as BuiltTarget, dumpFor } from './harness.js';
import { javaJsonMethod } from './toolchains.js';

/**
 * Prints everything the generated enum knows, and what fromCode makes of each probe line on stdin,
 * as JSON. Everything outside printable ASCII is escaped, so the comparison does not depend on the
 * platform's console encoding.
 */
const dumpProgram = (pkg: string, typeName: string) => `import ${pkg}.${typeName};
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.StringJoiner;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        String[] probes = input.isEmpty() ? new String[0] : input.substring(0, input.length() - 1).split("\\n", -1);

        StringJoiner codes = new StringJoiner(",", "[", "]");
        for (${typeName} c : ${typeName}.values()) {
            StringJoiner statuses = new StringJoiner(",", "[", "]");
            c.statuses().forEach(s -> statuses.add(String.valueOf(s)));
            boolean deprecated = ${typeName}.class.getField(c.name()).isAnnotationPresent(Deprecated.class);
            codes.add("{\\"code\\":" + json(c.code()) + ",\\"status\\":" + c.status() + ",\\"statuses\\":" + statuses
                + ",\\"message\\":" + json(c.message()) + ",\\"solution\\":" + json(c.solution()) + ",\\"grpcStatus\\":" + json(c.grpcStatus()) + ",\\"grpcCode\\":" + c.grpcCode()
                + ",\\"deprecated\\":" + deprecated + "}");
        }
        StringJoiner parsed = new StringJoiner(",", "[", "]");
        for (String probe : probes) {
            Optional<${typeName}> found = ${typeName}.fromCode(probe);
            parsed.add("{\\"input\\":" + json(probe) + ",\\"code\\":" + (found.isPresent() ? json(found.get().code()) : "null") + "}");
        }
        java.util.Map<Integer, String> byStatus = new java.util.TreeMap<>();
        for (${typeName} c : ${typeName}.values()) {
            for (int s : c.statuses()) {
                StringJoiner listed = new StringJoiner(",", "[", "]");
                ${typeName}.codesForStatus(s).forEach(found -> listed.add(json(found.code())));
                byStatus.put(s, listed.toString());
            }
        }
        StringJoiner statuses = new StringJoiner(",", "{", "}");
        byStatus.forEach((s, listed) -> statuses.add("\\"" + s + "\\":" + listed));
        System.out.println("{\\"codes\\":" + codes + ",\\"parsed\\":" + parsed + ",\\"null\\":" + ${typeName}.fromCode(null).isPresent()
            + ",\\"byStatus\\":" + statuses + ",\\"unknownStatus\\":" + ${typeName}.codesForStatus(999).size() + "}");
    }

    private ${javaJsonMethod}}
`;

interface Dump {
  codes: Array<{ code: string; status: number; statuses: number[]; message: string; solution: string; grpcStatus: string; grpcCode: number; deprecated: boolean }>;
  parsed: Array<{ input: string; code: string | null }>;
  null: boolean;
  byStatus: Record<string, string[]>;
  unknownStatus: number;
}

type Built = BuiltTarget<Dump>;

interface JavaOptions {
  readonly package: string;
  readonly typeName: string;
  /** As written in the YAML config: quoted, since options are text. */
  readonly enumLimit?: string;
}

/** Generates the enum (or class), compiles it with every lint as an error, and runs the dump program. */
async function buildAndRun(catalogText: string, options: JavaOptions): Promise<Built> {
  const dir = tempDir();
  const file = generateInto(dir, catalogText, 'java', { ...options });
  expect(relative(join(dir, 'out/java'), file)).toBe(`${options.package.replace(/\./g, '/')}/${options.typeName}.java`);
  const mainFile = join(dir, 'Main.java');
  writeFileSync(mainFile, dumpProgram(options.package, options.typeName));
  mkdirSync(join(dir, 'classes'));
  // The generated source is UTF-8; Java 17's javac otherwise reads the platform encoding. javac runs
  // once per test, so its JVM skips the optimizing JIT: 10,000 codes take 40% less CPU.
  runTool('javac', ['-J-XX:TieredStopAtLevel=1', '-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-d', 'classes', file, mainFile], { cwd: dir });

  return dumpFor<Dump>(catalogText, file, (probes) => runTool('java', ['-cp', 'classes', 'Main'], { cwd: dir, input: probes.map((p) => `${p}\n`).join('') }));
}

/** The run-time metadata must be the catalog's, byte for byte; fromCode accepts exactly the known codes and aliases. */
function expectMatchesCatalog(built: Built): void {
  const { dump, expected, probes } = built;
  expect(dump.codes).toEqual(expectedCodes(built));
  const canonicalFor = canonicalOf(expected);
  expect(dump.parsed).toEqual(probes.map((input) => ({ input, code: canonicalFor(input) ?? null })));
  expect(dump.null).toBe(false);
  expect(dump.byStatus).toEqual(codesByStatus(expected));
  expect(dump.unknownStatus).toBe(0);
}

describe('java target', () => {
  it('compiles the seed catalog with -Xlint:all -Werror and reports its 62 codes exactly', async () => {
    const built = await buildAndRun(readFileSync(seedCatalog, 'utf8'), { package: 'dev.errgen.example', typeName: 'ErrorCode' });
    expect(built.source.split('\n').slice(0, 2)).toEqual(['// Generated by errgen from errors.yaml. Do not edit.', 'package dev.errgen.example;']);
    expect(built.source).toContain('\npublic enum ErrorCode {\n');
    expect(built.dump.codes).toHaveLength(62);
    expect(built.dump.codes.find((c) => c.code === 'FAILED_PRECONDITION')?.statuses).toEqual([400, 409]);
    expectMatchesCatalog(built);
  });

  it('keeps every hostile string byte-identical and turns hostile codes into valid identifiers', async () => {
    const built = await buildAndRun(readFileSync(hostileCatalog, 'utf8'), { package: 'errors', typeName: 'ErrorCode' });
    expectMatchesCatalog(built);
    for (const line of ['    E_404_PAGE_MISSING("404_PAGE_MISSING", ', '    AUTH_TOKEN_EXPIRED("auth.token-expired", ', '    PACKAGE("package", ']) {
      expect(built.source).toContain(line);
    }
  });

  it('maps aliases to the canonical code, rejects tombstones, annotates deprecations, honours package and typeName', async () => {
    const built = await buildAndRun(evolvedCatalog + grpcExtras, { package: 'com.example.api', typeName: 'ApiError' });
    expectMatchesCatalog(built);
    expect(built.dump.codes.find((c) => c.code === 'ALREADY_THERE')).toMatchObject({ grpcStatus: 'ALREADY_EXISTS', grpcCode: 6 });
    expect(built.source).toContain('\npublic enum ApiError {\n');
    expect(built.source).toContain('     * @deprecated Since 2.0: Split by plan. Use PLAN_LIMIT instead.\n     */\n    @Deprecated(since = "2.0")\n    OLD_LIMIT(');
    expect(built.source).toContain('     * @deprecated Do not use it in new code.\n     */\n    @Deprecated\n    LEGACY(');
    expect(built.source).not.toContain('GONE_FOREVER');
  });

  it('writes a final class instead when a catalog has more codes than enumLimit: hostile strings, aliases, deprecations', async () => {
    const hostile = await buildAndRun(readFileSync(hostileCatalog, 'utf8'), { package: 'errors', typeName: 'ErrorCode', enumLimit: '"0"' });
    expectMatchesCatalog(hostile);
    expect(hostile.source).toContain('\npublic final class ErrorCode implements\n        ErrorCodes0 {\n');
    expect(hostile.source).toContain('    ErrorCode E_404_PAGE_MISSING = ErrorCode.define(');

    const evolved = await buildAndRun(evolvedCatalog + grpcExtras, { package: 'com.example.api', typeName: 'ApiError', enumLimit: '"3"' });
    expectMatchesCatalog(evolved);
    expect(evolved.dump.codes.find((c) => c.code === 'ALREADY_THERE')).toMatchObject({ grpcStatus: 'ALREADY_EXISTS', grpcCode: 6 });
    expect(evolved.source).toContain('\ninterface ApiErrors0 {\n');
    expect(evolved.source).toContain('    @Deprecated(since = "2.0")\n    ApiError OLD_LIMIT = ApiError.define(1, "OLD_LIMIT", "OLD_LIMIT", "Old limit", "", "RESOURCE_EXHAUSTED", 8, new int[] {429});\n');
    expect(evolved.source).toContain('"Not found", "Check the id", "NOT_FOUND", 5, new int[] {404}, "RESOURCE_MISSING", "NOTFOUND");\n');
    expect(evolved.source).not.toContain('GONE_FOREVER');

    // Exactly enumLimit codes (the tombstone is not one) still make an enum.
    const atLimit = readFileSync(generateInto(tempDir(), evolvedCatalog, 'java', { package: 'errors', typeName: 'ErrorCode', enumLimit: '"4"' }), 'utf8');
    expect(atLimit).toContain('\npublic enum ErrorCode {\n');
  });
});

/**
 * A deterministic catalog of `count` codes (hostile-ish strings, names to fix up, codes listed
 * twice, aliases, deprecations, a tombstone), big enough that javac rejects it as an enum.
 */
function largeCatalog(count: number): string {
  const texts = [
    'She said "hi" \\ then \\u0041 */ /* // <b>&amp;</b> {{name}} ${x} %s',
    'first line\nsecond\r\nthird\ttabbed',
    '资源不存在 — ünïcödé 🚀👩‍💻 עברית \u202e reversed \u2028 separated',
    'nul\u0000 bell\u0007 del\u007f c1\u0085 bom\ufeff',
  ];
  // JSON strings are YAML flow scalars once the characters YAML forbids raw are escaped.
  const q = (text: string) => JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const lines = ['groups:'];
  for (let i = 0; i < count; i++) {
    if (i % 2500 === 0) lines.push(`  - title: ${q(`Group ${i / 2500 + 1} */ "quoted"`)}`, '    codes:');
    const code = i % 7 === 3 ? `svc.item-${i}` : i % 11 === 5 ? `${i}_LEADING_DIGIT` : `CODE_${i}`;
    const message = i % 5 === 0 ? `${texts[(i / 5) % texts.length] ?? ''} #${i}` : `Message ${i}`;
    const solution = i % 3 === 0 ? '' : `Solution ${i} "quoted"`;
    lines.push(`      - code: ${q(code)}`, `        status: ${400 + (i % 100)}`, `        message: ${q(message)}`, `        solution: ${q(solution)}`);
    if (i % 13 === 0) lines.push(`        aliases: [${q(`OLD_${i}`)}, ${q(`old.${i}`)}]`);
    if (i % 17 === 0) lines.push(`        deprecated: { since: ${q('2.0')}, reason: ${q(`Split #${i}.`)}, replacement: ${q(`CODE_${i + 1}`)} }`);
    else if (i % 19 === 0) lines.push('        deprecated: true');
    if (i % 9 === 0) lines.push(`      - code: ${q(code)}`, `        status: ${500 + (i % 4)}`, `        message: ${q(`Second listing of ${i}`)}`, '        solution: ""');
  }
  lines.push('      - code: REMOVED_FOREVER', '        status: 410', '        message: Gone', '        solution: ""', '        removed: { since: "1.0" }');
  return lines.join('\n') + '\n';
}

describe('java target at scale', () => {
  it(
    'compiles 10,000 codes as a final class in blocks of 1,000 with -Xlint:all -Werror and reports them exactly',
    async () => {
      const built = await buildAndRun(largeCatalog(10_000), { package: 'com.example.large', typeName: 'ErrorCode' });
      expectMatchesCatalog(built);
      expect(built.dump.codes).toHaveLength(10_000);

      // A sample, spelt out: first, last, either side of a block boundary, a code listed twice.
      const byCode = new Map(built.dump.codes.map((c) => [c.code, c]));
      expect(built.dump.codes[0]).toEqual({ code: 'CODE_0', status: 400, statuses: [400, 500], message: 'She said "hi" \\ then \\u0041 */ /* // <b>&amp;</b> {{name}} ${x} %s #0', solution: '', grpcStatus: 'INVALID_ARGUMENT', grpcCode: 3, deprecated: true });
      expect(built.dump.codes[9_999]).toEqual({ code: 'svc.item-9999', status: 499, statuses: [499, 503], message: 'Message 9999', solution: '', grpcStatus: 'CANCELLED', grpcCode: 1, deprecated: false });
      expect(built.dump.codes.slice(999, 1001).map((c) => c.code)).toEqual(['CODE_999', 'CODE_1000']);
      expect(byCode.get('svc.item-1004')?.message).toBe('Message 1004');
      expect(built.dump.parsed.find((p) => p.input === 'old.9997')).toEqual({ input: 'old.9997', code: 'CODE_9997' });
      expect(built.dump.parsed.find((p) => p.input === 'REMOVED_FOREVER')).toEqual({ input: 'REMOVED_FOREVER', code: null });
      expect(built.dump.parsed.find((p) => p.input === 'SOMETHING_NEW')).toEqual({ input: 'SOMETHING_NEW', code: null });

      // Ten blocks, each starting at its multiple of 1,000.
      const blocks = [...built.source.matchAll(/^interface ErrorCodes(\d+) \{\n[\s\S]*?ErrorCode\.define\((\d+),/gm)].map((m) => [m[1], m[2]]);
      expect(blocks).toEqual(Array.from({ length: 10 }, (_, k) => [String(k * 1000), String(k * 1000)]));
      expect(built.source).toContain('    ErrorCode SVC_ITEM_3 = ErrorCode.define(3, "SVC_ITEM_3", "svc.item-3", ');
    },
    600_000,
  );
});
