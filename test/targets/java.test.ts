import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { type Expected, evolvedCatalog, expectedFrom, generateInto, hostileCatalog, runTool, seedCatalog, unknownProbes } from './harness.js';

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
                + ",\\"message\\":" + json(c.message()) + ",\\"solution\\":" + json(c.solution()) + ",\\"deprecated\\":" + deprecated + "}");
        }
        StringJoiner parsed = new StringJoiner(",", "[", "]");
        for (String probe : probes) {
            Optional<${typeName}> found = ${typeName}.fromCode(probe);
            parsed.add("{\\"input\\":" + json(probe) + ",\\"code\\":" + (found.isPresent() ? json(found.get().code()) : "null") + "}");
        }
        System.out.println("{\\"codes\\":" + codes + ",\\"parsed\\":" + parsed + ",\\"null\\":" + ${typeName}.fromCode(null).isPresent() + "}");
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\\\') {
                out.append('\\\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                out.append(String.format("\\\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }
}
`;

interface Dump {
  codes: Array<{ code: string; status: number; statuses: number[]; message: string; solution: string; deprecated: boolean }>;
  parsed: Array<{ input: string; code: string | null }>;
  null: boolean;
}

interface Built {
  readonly source: string;
  readonly dump: Dump;
  readonly expected: Expected;
  readonly probes: readonly string[];
}

/** Generates the enum, compiles it with every lint as an error, and runs the dump program. */
async function buildAndRun(catalogText: string, options: { package: string; typeName: string }): Promise<Built> {
  const dir = tempDir();
  const file = generateInto(dir, catalogText, 'java', options);
  expect(relative(join(dir, 'out/java'), file)).toBe(`${options.package.replace(/\./g, '/')}/${options.typeName}.java`);
  const mainFile = join(dir, 'Main.java');
  writeFileSync(mainFile, dumpProgram(options.package, options.typeName));
  mkdirSync(join(dir, 'classes'));
  // The generated source is UTF-8; Java 17's javac otherwise reads the platform encoding.
  runTool('javac', ['-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-d', 'classes', file, mainFile], { cwd: dir });

  const expected = await expectedFrom(catalogText);
  const probes = [...expected.codes.map((c) => c.code), ...Object.keys(expected.aliases), ...expected.removed, ...unknownProbes];
  const stdout = runTool('java', ['-cp', 'classes', 'Main'], { cwd: dir, input: probes.map((p) => `${p}\n`).join('') });
  return { source: readFileSync(file, 'utf8'), dump: JSON.parse(stdout) as Dump, expected, probes };
}

/** The run-time metadata must be the catalog's, byte for byte; fromCode accepts exactly the known codes and aliases. */
function expectMatchesCatalog({ dump, expected, probes }: Built): void {
  expect(dump.codes).toEqual(expected.codes);
  const known = new Set(expected.codes.map((c) => c.code));
  expect(dump.parsed).toEqual(probes.map((input) => ({ input, code: known.has(input) ? input : (expected.aliases[input] ?? null) })));
  expect(dump.null).toBe(false);
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
    const built = await buildAndRun(evolvedCatalog, { package: 'com.example.api', typeName: 'ApiError' });
    expectMatchesCatalog(built);
    expect(built.source).toContain('\npublic enum ApiError {\n');
    expect(built.source).toContain('     * @deprecated Since 2.0. Split by plan. Use PLAN_LIMIT instead.\n     */\n    @Deprecated(since = "2.0")\n    OLD_LIMIT(');
    expect(built.source).toContain('     * @deprecated Do not use it in new code.\n     */\n    @Deprecated\n    LEGACY(');
    expect(built.source).not.toContain('GONE_FOREVER');
  });
});
