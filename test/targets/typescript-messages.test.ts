import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errgen, tempDir } from '../helpers/cli.js';
import { runTool, seedCatalog } from './harness.js';
import { tsc, tsStrictFlags } from './toolchains.js';
import { formatIcu } from './icu-reference.js';
import { type MessageCase, messageCases, messagesCatalog, paramOrder, requestedLocales, type Value } from './messages-harness.js';

/**
 * The typescript target's message formatters and the messages-json locale bundles, proven on the
 * shared messages catalog: generated code compiles under the strictest flags, every call in
 * messageCases() returns exactly the expected message and solution, wrong calls do not compile, and
 * each bundle's ICU patterns format to the same strings.
 */

const styles = ['enum', 'const'] as const;

/** The enum member (or const key) of a harness code, as the naming engine writes it: `NOT_FOUND` → `NotFound`. */
function member(code: string): string {
  return `ErrorCode.${code.toLowerCase().replace(/(?:^|_)([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
}

/** A typed call for one case: the params object as a literal (none for a code without parameters). */
function call(c: MessageCase): string {
  const params = paramOrder[c.code]?.length ? JSON.stringify(c.values) : 'undefined';
  return `formatMessage(${member(c.code)}, ${params}, ${JSON.stringify(c.requested)})`;
}

/** Runs tsc and returns its diagnostics by file line: `[line, "TS2345", full text]`, continuation lines included. */
function compileErrors(args: readonly string[], cwd: string): Array<[number, string, string]> {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd, encoding: 'utf8' });
  expect(result.status, 'tsc must fail').not.toBe(0);
  const errors: Array<[number, string, string]> = [];
  for (const line of result.stdout.split('\n')) {
    const head = /^[^(]+\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (head) errors.push([Number(head[1]), head[2] as string, head[3] as string]);
    else if (line.startsWith(' ') && errors.length > 0) errors[errors.length - 1]![2] += `\n${line.trim()}`;
  }
  return errors;
}

describe('typescript target: typed message formatters', () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  const cases = messageCases();

  beforeAll(() => {
    writeFileSync(join(dir, 'errors.yaml'), messagesCatalog);
    writeFileSync(
      join(dir, 'errgen.config.yaml'),
      [
        'catalog: errors.yaml',
        'outDir: out',
        'targets:',
        ...styles.map((style) => `  ts-${style}: { kind: typescript, output: ${style}/error-codes.ts, options: { style: ${style} } }`),
        '  messages-json:',
      ].join('\n'),
    );
    const result = errgen(['generate'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('type-checks under the strictest flags in both styles, the const style also with --erasableSyntaxOnly', () => {
    runTool(process.execPath, [tsc, ...tsStrictFlags, '--noEmit', ...styles.map((style) => `${style}/error-codes.ts`)], { cwd: out });
    runTool(process.execPath, [tsc, ...tsStrictFlags, '--erasableSyntaxOnly', '--noEmit', 'const/error-codes.ts'], { cwd: out });
  });

  it('returns, compiled and run, exactly the expected message and solution for every case, in both styles', () => {
    const driver = `import { ErrorCode, formatMessage, locales, resolveLocale } from "./error-codes.js";

const results = [
${cases.map((c) => `  ${call(c)},`).join('\n')}
];
const resolved: Record<string, string> = {};
for (const tag of ${JSON.stringify(Object.keys(requestedLocales))}) resolved[tag] = resolveLocale(tag);
const withoutLocale = [formatMessage(ErrorCode.Plain), formatMessage(ErrorCode.NotFound, { resource: "user", id: 42 })];
// A code known only at run time takes any code's parameters: one left out prints as its placeholder.
const runtimeCode = [ErrorCode.NotFound][0] as ErrorCode;
const leftOut = formatMessage(runtimeCode, {});
console.log(JSON.stringify({ results, resolved, withoutLocale, locales, leftOut }));
`;
    for (const style of styles) writeFileSync(join(out, style, 'driver.ts'), driver);
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
    runTool(process.execPath, [tsc, ...tsStrictFlags, '--module', 'nodenext', '--target', 'es2022', '--rootDir', '.', '--outDir', 'js', ...styles.map((s) => `${s}/driver.ts`)], { cwd: out });
    copyFileSync(join(out, 'package.json'), join(out, 'js/package.json'));

    const english = (code: string) => cases.find((c) => c.code === code && c.requested === 'en' && (code !== 'NOT_FOUND' || c.values['id'] === 42))!;
    for (const style of styles) {
      const report = JSON.parse(runTool(process.execPath, [`js/${style}/driver.js`], { cwd: out })) as Record<string, unknown>;
      expect(report['results']).toStrictEqual(cases.map((c) => ({ message: c.message, solution: c.solution })));
      expect(report['resolved']).toStrictEqual(requestedLocales);
      expect(report['withoutLocale']).toStrictEqual(['PLAIN', 'NOT_FOUND'].map((code) => ({ message: english(code).message, solution: english(code).solution })));
      expect(report['locales']).toStrictEqual(['en', 'de', 'zh-CN', 'zh-TW', 'zh-HK']);
      const leftOut = report['leftOut'] as { message: string };
      expect(leftOut.message).toContain('{id}');
      expect(leftOut.message).toContain('{resource}');
      expect(leftOut.message).not.toContain('undefined');
    }
  });

  it('rejects at compile time a missing, mistyped or extra parameter and an unknown code, in both styles', () => {
    const wrong: ReadonlyArray<{ call: string; error: string; says: string }> = [
      { call: 'formatMessage(ErrorCode.NotFound, { resource: "user" }, "de");', error: 'TS2345', says: "Property 'id' is missing" },
      { call: 'formatMessage(ErrorCode.NotFound, { resource: "user", id: "42" });', error: 'TS2322', says: "Type 'string' is not assignable to type 'number'" },
      { call: 'formatMessage(ErrorCode.Quota, { ratio: 1.5, strict: "yes", seconds: 1 });', error: 'TS2322', says: "Type 'string' is not assignable to type 'boolean'" },
      { call: 'formatMessage(ErrorCode.NotFound, { resource: "user", id: 42, extra: 1 });', error: 'TS2353', says: "'extra' does not exist" },
      { call: 'formatMessage(ErrorCode.NotFound);', error: 'TS2554', says: 'Expected 2-3 arguments, but got 1' },
      { call: 'formatMessage(ErrorCode.Plain, { extra: 1 });', error: 'TS2322', says: "Type 'number' is not assignable to type 'never'" },
      { call: 'formatMessage(ErrorCode.NoSuchCode, {});', error: 'TS2339', says: "Property 'NoSuchCode' does not exist" },
      { call: 'formatMessage("NO_SUCH_CODE", {});', error: 'TS2345', says: 'Argument of type \'"NO_SUCH_CODE"\' is not assignable' },
      { call: 'export const params: ErrorCodeParams[typeof ErrorCode.NotFound] = { resource: "user" };', error: 'TS2741', says: "Property 'id' is missing" },
    ];
    const header = 'import { ErrorCode, formatMessage, type ErrorCodeParams } from "./error-codes.js";';
    for (const style of styles) {
      writeFileSync(join(out, style, 'wrong.ts'), [header, ...wrong.map((w) => w.call)].join('\n') + '\n');
      const errors = compileErrors([...tsStrictFlags, '--noEmit', '--module', 'nodenext', '--target', 'es2022', `${style}/wrong.ts`], out);
      expect(errors.map(([line, code]) => [line, code])).toStrictEqual(wrong.map((w, i) => [i + 2, w.error]));
      errors.forEach(([, , text], i) => expect(text).toContain(wrong[i]!.says));
    }
  });

  it('writes one ICU MessageFormat bundle per locale whose patterns format to the expected strings', () => {
    const bundles = new Map<string, Record<string, unknown>>();
    for (const locale of new Set(Object.values(requestedLocales))) {
      bundles.set(locale, JSON.parse(readFileSync(join(out, 'messages', `${locale}.json`), 'utf8')) as Record<string, unknown>);
    }
    for (const [locale, bundle] of bundles) {
      expect(Object.keys(bundle), locale).toStrictEqual(['$comment', ...Object.keys(paramOrder)]);
      expect(bundle['$comment']).toMatch(/^Generated by errgen from errors\.yaml/);
    }
    for (const c of cases) {
      const texts = bundles.get(requestedLocales[c.requested]!)![c.code] as { message: string; solution: string };
      const values = Object.fromEntries(Object.entries(c.values).map(([name, value]) => [name, formatJsValue(value)]));
      expect({ message: formatIcu(texts.message, values), solution: formatIcu(texts.solution, values) }, `${c.code} in ${c.requested}`).toStrictEqual({
        message: c.message,
        solution: c.solution,
      });
    }
  });
});

describe('typescript target on the seed catalog', () => {
  it('compiles in both styles and formats its Chinese translations, falling back to English', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), readFileSync(seedCatalog, 'utf8'));
    writeFileSync(
      join(dir, 'errgen.config.yaml'),
      ['catalog: errors.yaml', 'outDir: out', 'targets:', ...styles.map((style) => `  ts-${style}: { kind: typescript, output: ${style}/error-codes.ts, options: { style: ${style} } }`)].join('\n'),
    );
    expect(errgen(['generate'], { cwd: dir }).code).toBe(0);
    const out = join(dir, 'out');
    const driver = `import { ErrorCode, formatMessage } from "./error-codes.js";
console.log(JSON.stringify([
  formatMessage(ErrorCode.ArgumentNotSupport, { argument: "page_size" }, "zh-CN"),
  formatMessage(ErrorCode.ArgumentNotSupport, { argument: "page_size" }),
  formatMessage(ErrorCode.ArgumentWrongFormat, { argument: "page_size", format: "an integer" }, "zh-CN"),
  formatMessage(ErrorCode.NotFound, undefined, "zh-Hans-CN"),
]));
`;
    for (const style of styles) writeFileSync(join(out, style, 'driver.ts'), driver);
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
    runTool(process.execPath, [tsc, ...tsStrictFlags, '--module', 'nodenext', '--target', 'es2022', '--rootDir', '.', '--outDir', 'js', ...styles.map((s) => `${s}/driver.ts`)], { cwd: out });
    copyFileSync(join(out, 'package.json'), join(out, 'js/package.json'));

    // The expected texts, read from the catalog independently of errgen.
    const entries = (parse(readFileSync(seedCatalog, 'utf8')) as { groups: Array<{ codes: SeedEntry[] }> }).groups.flatMap((g) => g.codes);
    const entry = (code: string) => entries.find((e) => e.code === code)!;
    const zh = (code: string) => entry(code).messages?.['zh-CN'];
    const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
    const argument = { argument: 'page_size' };
    const expected = [
      { message: fill(zh('ARGUMENT_NOT_SUPPORT')!.message, argument), solution: zh('ARGUMENT_NOT_SUPPORT')!.solution },
      { message: fill(entry('ARGUMENT_NOT_SUPPORT').message, argument), solution: entry('ARGUMENT_NOT_SUPPORT').solution },
      { message: fill(entry('ARGUMENT_WRONG_FORMAT').message, { ...argument, format: 'an integer' }), solution: entry('ARGUMENT_WRONG_FORMAT').solution },
      // zh-Hans-CN has no match, nor has zh-Hans or zh: the default locale.
      { message: entry('NOT_FOUND').message, solution: entry('NOT_FOUND').solution },
    ];
    expect(expected[0]!.message).toBe('不支持参数 page_size');
    for (const style of styles) expect(JSON.parse(runTool(process.execPath, [`js/${style}/driver.js`], { cwd: out }))).toStrictEqual(expected);
  });
});

interface SeedEntry {
  code: string;
  message: string;
  solution: string;
  messages?: Record<string, { message: string; solution: string }>;
}

/** A value as a FormatJS caller passes it: FormatJS prints `false` as nothing, so booleans go as text (README says so). */
function formatJsValue(value: Value): string | number {
  return typeof value === 'boolean' ? String(value) : value;
}
