import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ciSeed } from './setup-fast-check.js';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseCatalog } from '../src/catalog/read.js';
import { resolveTargets } from '../src/config/targets.js';
import { InputError } from '../src/diagnostics.js';
import { generate } from '../src/emit/generate.js';
import { builtinTargets } from '../src/emit/targets.js';
import { repoRoot, tempDir } from './helpers/cli.js';
import { runTool } from './targets/harness.js';

/**
 * Random valid catalogs — codes and texts full of what breaks generators: quotes, backslashes, `*\/`,
 * `${`, backticks, `{{`, NUL, U+2028, emoji — through every built-in target. The TypeScript, Go and Java
 * outputs are compiled (tsc --strict, gofmt + go vet + go build, javac -Xlint:all -Werror), every
 * catalog batched into one compiler run per language; the TypeScript output is also run, and must
 * give back every message and solution byte for byte.
 *
 * FUZZ_CATALOGS sets how many catalogs (npm run fuzz runs more); FUZZ_SEED replays a failure.
 */
const count = Number(process.env['FUZZ_CATALOGS'] ?? 6);
const seed = Number(process.env['FUZZ_SEED'] ?? (process.env['CI'] === 'true' ? ciSeed : Date.now() % 2 ** 31));

const nasty = ['"', "'", '\\', '\\\\', '\\u0000', '\0', '\n', '\r\n', '\t', '\u2028', '\u2029', '*/', '/*', '//', '${', '`', '{{', '}}', '{{{', '"); drop table x; --', '<!--', '-->', '<script>', '&amp;', '%s', '#', '\u007f', '\u001b', '\uFEFF', '🚀', '👩‍💻', '错误', 'ü', '\u0301', ' '];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);
// Codes: the wire value is arbitrary text; a distinct last word keeps identifiers apart, so a
// collision (which errgen refuses, by design) stays rare.
const codeHead = fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,12}$/), text);
const entry = fc.record({
  head: codeHead,
  status: fc.integer({ min: 100, max: 599 }),
  message: text,
  solution: text,
  deprecated: fc.boolean(),
});
const catalogArbitrary = fc.array(fc.record({ title: text.filter((t) => t.trim() !== ''), codes: fc.array(entry, { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 3 });

const suffix = (i: number) => `Q${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;

function catalogText(groups: ReadonlyArray<{ title: string; codes: ReadonlyArray<{ head: string; status: number; message: string; solution: string; deprecated: boolean }> }>): string {
  let i = 0;
  return stringify({
    groups: groups.map((g) => ({
      title: g.title,
      codes: g.codes.map((c) => ({ code: `${c.head}_${suffix(i++)}`, status: c.status, message: c.message, solution: c.solution, ...(c.deprecated ? { deprecated: true } : {}) })),
    })),
  });
}

const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
const goEnv = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off', CGO_ENABLED: '0' };

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ending)).map((f) => join(dir, f));
}

describe('property: random valid catalogs → every built-in target compiles', () => {
  it(`generates and compiles ${count} random catalogs (seed ${seed})`, async () => {
    // FUZZ_KEEP=1 keeps the folder, to read a failure's catalogs and outputs.
    const dir = process.env['FUZZ_KEEP'] === '1' ? mkdtempSync(join(tmpdir(), 'errgen-fuzz-')) : tempDir();
    const catalogs = fc.sample(catalogArbitrary, { numRuns: count, seed }).map(catalogText);
    const compiled: Array<{ index: number; text: string }> = [];
    for (const [index, text] of catalogs.entries()) {
      const name = `c${index}`;
      writeFileSync(join(dir, `${name}.yaml`), text);
      const read = await parseCatalog(text, `${name}.yaml`);
      const targets = resolveTargets({
        targets: Object.fromEntries(builtinTargets.map((t) => [t.name, t.name === 'java' ? { options: { package: name } } : {}])),
        baseDir: dir,
        outDir: join(dir, name),
        only: undefined,
        confineTo: undefined,
      });
      let files: Map<string, string>;
      try {
        files = generate({ catalog: read.value, source: `${name}.yaml`, locate: (path) => read.locate(path) }, targets);
      } catch (error) {
        // Two codes that would share an identifier are refused, by design, at a place in the catalog.
        if (!(error instanceof InputError)) throw new Error(`seed ${seed}, catalog ${name}.yaml: ${String(error)}`);
        for (const d of error.diagnostics) expect(d.at?.file).toBe(`${name}.yaml`);
        continue;
      }
      expect([...files.keys()].length).toBe(builtinTargets.length);
      for (const [path, content] of files) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
        if (path.endsWith('.json')) expect(() => JSON.parse(content), `${path} (seed ${seed})`).not.toThrow();
        if (path.endsWith('.yaml')) expect(() => parse(content), `${path} (seed ${seed})`).not.toThrow();
      }
      compiled.push({ index, text });
    }
    expect(compiled.length, `seed ${seed}: every catalog hit an identifier collision`).toBeGreaterThan(0);
    const at = (what: string) => `${what} (FUZZ_SEED=${seed}; the catalogs are in ${dir})`;

    // TypeScript: strict type-check of every output at once, then run each and compare the texts.
    const tsFiles = filesUnder(dir, 'error-codes.ts');
    expect(tsFiles).toHaveLength(compiled.length);
    const strict = ['--strict', '--noUncheckedIndexedAccess', '--exactOptionalPropertyTypes', '--isolatedModules', '--noUnusedLocals', '--noEmit', '--target', 'es2022', '--module', 'nodenext'];
    expect(() => runTool(process.execPath, [tsc, ...strict, ...tsFiles], { cwd: dir }), at('tsc')).not.toThrow();
    for (const { index, text } of compiled) {
      const source = readFileSync(join(dir, `c${index}/typescript/error-codes.ts`), 'utf8');
      const js = join(dir, `c${index}/typescript/error-codes.mjs`);
      writeFileSync(js, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
      const module = (await import(pathToFileURL(js).href)) as { errorCodeInfo: Record<string, { message: string; solution: string; status: number }> };
      const firstRows = new Map<string, { message: string; solution: string; status: number }>();
      for (const e of (parse(text) as { groups: Array<{ codes: Array<{ code: string; message: string; solution: string; status: number }> }> }).groups.flatMap((g) => g.codes)) {
        if (!firstRows.has(e.code)) firstRows.set(e.code, { message: e.message, solution: e.solution, status: e.status });
      }
      const actual = Object.fromEntries(Object.entries(module.errorCodeInfo).map(([code, info]) => [code, { message: info.message, solution: info.solution, status: info.status }]));
      expect(actual, at(`c${index} at run time`)).toEqual(Object.fromEntries(firstRows));
    }

    // Go: one module, a package per catalog: gofmt-clean, vet-clean, builds.
    writeFileSync(join(dir, 'go.mod'), 'module example.com/fuzz\n\ngo 1.21\n');
    const goFiles = filesUnder(dir, '.go');
    expect(goFiles).toHaveLength(compiled.length);
    expect(runTool('gofmt', ['-d', ...goFiles.map((f) => relative(dir, f))], { cwd: dir }), at('gofmt -d')).toBe('');
    expect(() => runTool('go', ['vet', './...'], { cwd: dir, env: goEnv }), at('go vet')).not.toThrow();
    expect(() => runTool('go', ['build', './...'], { cwd: dir, env: goEnv }), at('go build')).not.toThrow();

    // Java: a package per catalog, one javac run, warnings as errors.
    const javaFiles = filesUnder(dir, '.java');
    expect(javaFiles).toHaveLength(compiled.length);
    expect(() => runTool('javac', ['-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-d', join(dir, 'classes'), ...javaFiles], { cwd: dir }), at('javac')).not.toThrow();
  }, 600_000);
});
