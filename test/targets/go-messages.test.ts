import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { generateInto, runTool } from './harness.js';
import { type MessageCase, messageCases, messagesCatalog, paramOrder, type Value } from './messages-harness.js';

/** Go without the network or the user's workspace: modules only from the local folder. */
const goEnv = { GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off', CGO_ENABLED: '0' };

/** What each code's functions are called after (`MessageNotFound`): written out, so a naming change shows here. */
const stems: Readonly<Record<string, string>> = { NOT_FOUND: 'NotFound', QUOTA: 'Quota', KEYWORDS: 'Keywords', ESCAPES: 'Escapes', PLAIN: 'Plain' };

/** A Go literal of a value: JSON strings are Go string literals for this text (no lone surrogates). */
function goLiteral(value: Value): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The two calls that give a case's message and solution: the typed functions, or MessageIn/SolutionIn for a code without parameters. */
function calls(c: MessageCase): [string, string] {
  const stem = stems[c.code] as string;
  const locale = JSON.stringify(c.requested);
  if ((paramOrder[c.code] ?? []).length === 0) return [`errcodes.Code${stem}.MessageIn(${locale})`, `errcodes.Code${stem}.SolutionIn(${locale})`];
  const args = [locale, ...c.args.map(goLiteral)].join(', ');
  return [`errcodes.Message${stem}(${args})`, `errcodes.Solution${stem}(${args})`];
}

/** Prints, as JSON, every case's message and solution, then what the untyped lookups give. */
const runProgram = (cases: readonly MessageCase[]) => `package main

import (
	"encoding/json"
	"os"

	"example.com/errgentest/errcodes"
)

func main() {
	var out struct {
		Cases   [][2]string \`json:"cases"\`
		Locales []string    \`json:"locales"\`
		Preview []string    \`json:"preview"\`
	}
	out.Cases = [][2]string{
${cases.map((c) => `\t\t{${calls(c).join(', ')}},`).join('\n')}
	}
	out.Locales = errcodes.Locales()
	out.Preview = []string{
		errcodes.CodeNotFound.MessageIn("de"),
		errcodes.CodeQuota.MessageIn("en"),
		errcodes.CodeQuota.SolutionIn("de-CH"),
		errcodes.Code("SOMETHING_NEW").MessageIn("de"),
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
`;

/** A program that calls one function wrongly: it must not compile. */
const wrongCall = (call: string) => `package main

import "example.com/errgentest/errcodes"

func main() {
	_ = ${call}
}
`;

/** Builds a command that must not compile, and returns what the compiler said. */
function buildFails(moduleDir: string, name: string, call: string): string {
  mkdirSync(join(moduleDir, 'cmd', name), { recursive: true });
  writeFileSync(join(moduleDir, 'cmd', name, 'main.go'), wrongCall(call));
  const result = spawnSync('go', ['build', `./cmd/${name}`], { cwd: moduleDir, env: { ...process.env, ...goEnv }, encoding: 'utf8' });
  if (result.error) throw result.error;
  expect(result.status, `go build ./cmd/${name} must fail`).not.toBe(0);
  return result.stderr;
}

describe('go target: typed message formatters', () => {
  const cases = messageCases();
  let moduleDir = '';
  let source = '';

  beforeAll(() => {
    const file = generateInto(tempDir(), messagesCatalog, 'go', { package: 'errcodes', typeName: 'Code' });
    moduleDir = dirname(dirname(file));
    source = readFileSync(file, 'utf8');
    writeFileSync(join(moduleDir, 'go.mod'), 'module example.com/errgentest\n\ngo 1.21\n');
    mkdirSync(join(moduleDir, 'cmd/run'), { recursive: true });
    writeFileSync(join(moduleDir, 'cmd/run/main.go'), runProgram(cases));
  });

  it('is gofmt-clean and vet-clean, and formats every case exactly: each locale, fallback, every type, hostile text', () => {
    expect(runTool('gofmt', ['-l', '.'], { cwd: moduleDir })).toBe('');
    runTool('go', ['vet', './...'], { cwd: moduleDir, env: goEnv });
    const out = JSON.parse(runTool('go', ['run', './cmd/run'], { cwd: moduleDir, env: goEnv })) as { cases: Array<[string, string]>; locales: string[]; preview: string[] };

    expect(out.cases).toEqual(cases.map((c) => [c.message, c.solution]));
    expect(out.locales).toEqual(['en', 'de', 'zh-CN', 'zh-TW', 'zh-HK']);
    // Without arguments a placeholder shows as written; literal braces read as one.
    expect(out.preview).toEqual(['Ressource "{resource}" mit ID {id} wurde nicht gefunden', 'Used {ratio} of {quota}; strict={strict}', '{seconds} s warten', '']);
  }, 240_000);

  it('declares each function with the typed parameters, Go-named, in the catalog order', () => {
    expect(source).toContain('\nfunc MessageNotFound(locale string, resource string, id int) string {\n\treturn CodeNotFound.format(locale, false, "resource", resource, "id", id)\n}\n');
    expect(source).toContain('\nfunc SolutionQuota(locale string, ratio float64, strict bool, seconds int) string {\n');
    expect(source).toContain(
      '\nfunc MessageKeywords(locale string, type_ string, class string, locale_ string, func_ string, self string, default_ string, params_ string, string_ string) string {\n',
    );
    // A code without placeholders gets no functions: MessageIn formats it.
    expect(source).not.toContain('func MessagePlain');
  });

  it('does not compile a call with a missing or mistyped argument', () => {
    expect(buildFails(moduleDir, 'missing', 'errcodes.MessageNotFound("en", "user")')).toContain('not enough arguments in call to errcodes.MessageNotFound');
    expect(buildFails(moduleDir, 'mistyped', 'errcodes.MessageNotFound("en", "user", "42")')).toContain(
      'cannot use "42" (untyped string constant) as int value in argument to errcodes.MessageNotFound',
    );
    expect(buildFails(moduleDir, 'swapped', 'errcodes.SolutionQuota("en", true, 1.5, 0)')).toContain('cannot use true (untyped bool constant) as float64 value in argument to errcodes.SolutionQuota');
  }, 240_000);
});
