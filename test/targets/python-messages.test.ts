import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { generateInto, runTool, seedCatalog } from './harness.js';
import { type MessageCase, messageCases, messagesCatalog, paramOrder, requestedLocales, seedFormatterExpectations, type Value } from './messages-harness.js';

/**
 * The python target's message formatters, proven on the shared messages catalog: the module and a
 * script calling every case pass mypy --strict, each call returns exactly the expected message and
 * solution, and wrong calls fail mypy.
 */

/** Numbers JavaScript writes in every layout it has: exponents both ways, -0, the extremes. */
const edgeNumbers = [1e21, 1.5e300, 1e-7, 0.000001, -0, 5e-324, 123456789012345680000, 2 ** 53, 1 / 3, Number.NaN, Infinity, -Infinity];

const toolchainTimeout = 180_000;

/** A value as a Python literal of the parameter's type (`100` for a number is `100.0`, a float). */
function literal(value: Value, type: string): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return JSON.stringify(value); // a JSON string is a Python string literal
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : 'float("-inf")';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return type === 'number' && !/[.e]/.test(text) ? `${text}.0` : text;
}

/** The function prefix of a harness code: `NOT_FOUND` → `not_found`. */
const functionOf = (code: string) => code.toLowerCase();

/** A typed call for one case: positional values in parameter order, the locale by keyword. */
function call(c: MessageCase, kind: 'message' | 'solution'): string {
  const args = (paramOrder[c.code] ?? []).map((p, i) => literal(c.args[i] as Value, p.type));
  return `${functionOf(c.code)}_${kind}(${[...args, `locale=${JSON.stringify(c.requested)}`].join(', ')})`;
}

const env = (dir: string) => ({ PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', MYPY_CACHE_DIR: join(dir, '.mypy_cache') });
const mypy = ['--strict', '--python-version', '3.10', '--no-error-summary'];

/** Runs mypy, which must fail, and returns its errors: `[line, message]`. */
function mypyErrors(file: string, cwd: string, dir: string): Array<[number, string]> {
  const result = spawnSync('mypy', [...mypy, '--no-pretty', '--show-error-codes', file], { cwd, env: { ...process.env, ...env(dir) }, encoding: 'utf8' });
  if (result.error) throw result.error;
  expect(result.status, `mypy must fail:\n${result.stdout}${result.stderr}`).toBe(1);
  return result.stdout
    .split('\n')
    .map((line) => /^[^:]+:(\d+): error: (.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => [Number(m[1]), m[2] as string]);
}

describe('python target: typed message formatters', () => {
  const dir = tempDir();
  let pkg = '';
  const cases = messageCases();

  beforeAll(() => {
    pkg = dirname(generateInto(dir, messagesCatalog, 'python', { module: 'error_codes', typeName: 'ErrorCode' }));
  });

  it('takes exactly each code’s parameters, typed, in order, with the locale by keyword', () => {
    const source = readFileSync(join(pkg, 'error_codes.py'), 'utf8');
    expect(source).toContain('\ndef not_found_message(\n    resource: str,\n    id: int,\n    *,\n    locale: str | None = None,\n) -> str:\n');
    expect(source).toContain('\ndef quota_solution(\n    ratio: float,\n    strict: bool,\n    seconds: int,\n    *,\n');
    // Keywords and the formatter's own `locale` get a `_`; `self` and `default` are plain names in a function.
    expect(source).toContain('\n    type_: str,\n    class_: str,\n    locale_: str,\n    func: str,\n    self: str,\n    default: str,\n    params_: str,\n    string: str,\n');
    expect(source).toContain('\ndef plain_message(*, locale: str | None = None) -> str:\n');
  });

  it('passes mypy --strict with a script calling every case, and returns exactly the expected texts', () => {
    const script = `from __future__ import annotations

import json

from error_codes import (
    LOCALES,
    ErrorCode,
    ${Object.keys(paramOrder)
      .map((code) => `${functionOf(code)}_message,\n    ${functionOf(code)}_solution,`)
      .join('\n    ')}
    resolve_locale,
)

results: list[list[str]] = [
${cases.map((c) => `    [${call(c, 'message')}, ${call(c, 'solution')}],`).join('\n')}
]
edge = [quota_message(ratio, True, 0) for ratio in [${edgeNumbers.map((n) => literal(n, 'number')).join(', ')}]]
resolved = {tag: resolve_locale(tag) for tag in ${JSON.stringify(Object.keys(requestedLocales))}}
templates = [ErrorCode.QUOTA.message_in("de-AT"), ErrorCode.QUOTA.message_in(), ErrorCode.PLAIN.solution_in("zh-HK")]
without_locale = [plain_message(), not_found_solution("user", 42)]
print(json.dumps({"results": results, "edge": edge, "resolved": resolved, "locales": list(LOCALES), "templates": templates, "withoutLocale": without_locale}))
`;
    writeFileSync(join(pkg, 'cases.py'), script);
    runTool('mypy', [...mypy, 'error_codes.py', 'cases.py'], { cwd: pkg, env: env(dir) });
    const report = JSON.parse(runTool('python3', ['-X', 'dev', '-W', 'error', 'cases.py'], { cwd: pkg, env: env(dir) })) as Record<string, unknown>;

    expect(report['results']).toStrictEqual(cases.map((c) => [c.message, c.solution]));
    expect(report['edge']).toStrictEqual(edgeNumbers.map((n) => `Used ${String(n)} of {quota}; strict=true`));
    expect(report['resolved']).toStrictEqual(requestedLocales);
    expect(report['locales']).toStrictEqual(['en', 'de', 'zh-CN', 'zh-TW', 'zh-HK']);
    // The templates themselves, braces and placeholders as written; PLAIN's zh-HK solution falls back to the default's, empty.
    expect(report['templates']).toStrictEqual(['{ratio} von {{quota}} verbraucht; strikt={strict}', 'Used {ratio} of {{quota}}; strict={strict}', '']);
    expect(report['withoutLocale']).toStrictEqual(['No placeholders here', 'Check the user id']);
  }, toolchainTimeout);

  it('fails mypy --strict on a missing, mistyped or extra argument and a positional locale', () => {
    const wrong: ReadonlyArray<{ call: string; says: string }> = [
      { call: 'not_found_message("user")', says: 'Missing positional argument "id" in call to "not_found_message"' },
      { call: 'not_found_message("user", "42")', says: 'Argument 2 to "not_found_message" has incompatible type "str"; expected "int"' },
      { call: 'quota_solution(1.5, "yes", 1)', says: 'Argument 2 to "quota_solution" has incompatible type "str"; expected "bool"' },
      { call: 'quota_message("1.5", True, 1)', says: 'Argument 1 to "quota_message" has incompatible type "str"; expected "float"' },
      { call: 'not_found_message("user", 42, "de")', says: 'Too many positional arguments for "not_found_message"' },
      { call: 'plain_message(extra=1)', says: 'Unexpected keyword argument "extra" for "plain_message"' },
      { call: 'not_found_message(resource="user", id=42, locale=7)', says: 'Argument "locale" to "not_found_message" has incompatible type "int"; expected "str | None"' },
    ];
    const header = 'from error_codes import not_found_message, plain_message, quota_message, quota_solution';
    writeFileSync(join(pkg, 'wrong.py'), [header, ...wrong.map((w) => w.call)].join('\n') + '\n');
    const errors = mypyErrors('wrong.py', pkg, dir);
    expect(errors.map(([line]) => line)).toStrictEqual(wrong.map((_, i) => i + 2));
    // The message, not mypy's error code in brackets: its category for a call has changed between versions.
    errors.forEach(([, text], i) => expect(text).toContain(wrong[i]!.says));
  }, toolchainTimeout);

  it('raises a TypeError naming the parameter and its type on a mistyped call without mypy', () => {
    // mypyAccepts: bool is an int subclass to mypy too; only the run-time check catches these.
    const wrong: ReadonlyArray<{ call: string; says: string; mypyAccepts?: true }> = [
      { call: 'not_found_message("user", "42")', says: "argument 'id' must be int, not str" },
      { call: 'not_found_message("user", True)', says: "argument 'id' must be int, not bool", mypyAccepts: true },
      { call: 'not_found_message("user", 4.0)', says: "argument 'id' must be int, not float" },
      { call: 'not_found_message(None, 42)', says: "argument 'resource' must be str, not NoneType" },
      { call: 'quota_message("1.5", True, 1)', says: "argument 'ratio' must be int or float, not str" },
      { call: 'quota_message(False, True, 1)', says: "argument 'ratio' must be int or float, not bool", mypyAccepts: true },
      { call: 'quota_solution(1.5, 1, 1)', says: "argument 'strict' must be bool, not int" },
      { call: 'quota_solution(1.5, True, None)', says: "argument 'seconds' must be int, not NoneType" },
    ];
    const script = `import json
from typing import Any, Callable

from error_codes import not_found_message, quota_message, quota_solution


def error(call: Callable[[], Any]) -> str:
    try:
        call()
    except TypeError as e:
        return str(e)
    return "no TypeError"


print(json.dumps([
${wrong.map((w) => `    error(lambda: ${w.call}),${w.mypyAccepts ? '' : '  # type: ignore[arg-type]'}`).join('\n')}
    quota_message(3, False, 2),  # an int is a number
]))
`;
    writeFileSync(join(pkg, 'untyped.py'), script);
    runTool('mypy', [...mypy, '--warn-unused-ignores', 'untyped.py'], { cwd: pkg, env: env(dir) });
    const report = JSON.parse(runTool('python3', ['-X', 'dev', '-W', 'error', 'untyped.py'], { cwd: pkg, env: env(dir) })) as unknown[];
    expect(report).toStrictEqual([...wrong.map((w) => w.says), 'Used 3 of {quota}; strict=false']);
  }, toolchainTimeout);
});

describe('python target on the seed catalog', () => {
  it('formats its Chinese translations, falling back to English', () => {
    const dir = tempDir();
    const pkg = dirname(generateInto(dir, readFileSync(seedCatalog, 'utf8'), 'python', { module: 'error_codes', typeName: 'ErrorCode' }));
    writeFileSync(
      join(pkg, 'seed.py'),
      `import json

from error_codes import argument_not_support_message, argument_not_support_solution, argument_wrong_format_message, not_found_message

print(json.dumps([
    argument_not_support_message("page_size", locale="zh-CN"),
    argument_not_support_solution("page_size", locale="zh_cn"),
    argument_not_support_message("page_size"),
    argument_wrong_format_message("page_size", "an integer", locale="zh-CN"),
    not_found_message(locale="zh-Hans-CN"),
]))
`,
    );
    runTool('mypy', [...mypy, 'error_codes.py', 'seed.py'], { cwd: pkg, env: env(dir) });
    expect(JSON.parse(runTool('python3', ['seed.py'], { cwd: pkg, env: env(dir) }))).toStrictEqual(seedFormatterExpectations());
  }, toolchainTimeout);
});
