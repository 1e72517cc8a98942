import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, tempDir } from './helpers/cli.js';

/** The lint and breaking-change rules for message placeholders, parameters and translations, through the CLI. */

interface Finding {
  rule: string;
  severity: string;
  code: string | null;
  file: string;
  line: number;
  column: number;
  message: string;
}

function check(dir: string, yaml: string, args: string[] = []): { code: number | null; findings: Finding[] } {
  writeFileSync(join(dir, 'errors.yaml'), yaml);
  const result = errgen(['check', '--catalog', 'errors.yaml', '--format', 'json', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
}

/** `line:column severity message` of one rule's findings: what a reader of the report sees. */
function reported(findings: readonly Finding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
}

/** A catalog of one group; `head` goes before `groups:` (e.g. a locales section). Lines are numbered from `head`. */
function catalog(head: string, codes: string): string {
  return `${head}groups:\n  - title: T\n    codes:\n${codes}`;
}

const locales = 'locales:\n  default: en\n  supported: [zh-CN]\n';

describe('errgen check: placeholder and parameter rules', () => {
  const dir = tempDir();

  it('placeholder-syntax points at each stray brace, in message, solution and translations; doubled braces and tombstones pass', () => {
    const bad = catalog(
      locales,
      [
        '      - code: LIMIT', // 7
        '        status: 429',
        '        message: "Limit {limit} reached, use {x"', // 9: the stray { is column 46
        '        solution: |', // 10
        '          Wait a bit', // 11
        '          and } retry', // 12: column 15
        '        params: { limit: integer }',
        '        messages:',
        '          zh-CN:',
        '            message: 已达上限 {limit} }', // 16: column 35
        '      - { code: NAME, status: 400, message: "Name { name } is bad", solution: s }', // 17: columns 51 and 58
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, bad);
    expect(reported(findings, 'placeholder-syntax')).toEqual([
      'errors.yaml:9:46 error the message of LIMIT has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit)',
      'errors.yaml:12:15 error the solution of LIMIT has a "}" that ends no placeholder',
      'errors.yaml:16:35 error the zh-CN message of LIMIT has a "}" that ends no placeholder',
      'errors.yaml:17:51 error the message of NAME has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit)',
      'errors.yaml:17:58 error the message of NAME has a "}" that ends no placeholder',
    ]);
    expect(code).toBe(1);

    const good = catalog(
      locales,
      [
        '      - code: LIMIT',
        '        status: 429',
        '        message: "Limit {limit} reached: write {{x}} for a set"',
        '        solution: "}} and {{ are braces"',
        '        params: { limit: integer }',
        '        messages: { zh-CN: { message: "已达上限 {limit}，{{集合}}" } }',
        '      - { code: OLD, status: 400, message: "stray {", solution: s, removed: true }',
        '',
      ].join('\n'),
    );
    expect(reported(check(dir, good).findings, 'placeholder-syntax')).toEqual([]);
  });

  it('the column of a stray brace counts quotes and escapes; a brace written as an escape points at its scalar', () => {
    const yaml = catalog(
      '',
      [
        "      - code: QUOTED", // 4
        '        status: 400',
        "        message: 'it''s {' ", // 6: the { is column 25
        '        solution: "\\x7b and \\"}\\""', // 7: { is written \x7b: the scalar's start, column 19; the } is column 31
        '',
      ].join('\n'),
    );
    expect(reported(check(dir, yaml).findings, 'placeholder-syntax')).toEqual([
      'errors.yaml:6:25 error the message of QUOTED has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit)',
      'errors.yaml:7:19 error the solution of QUOTED has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit)',
      'errors.yaml:7:31 error the solution of QUOTED has a "}" that ends no placeholder',
    ]);
  });

  it('placeholder-syntax states the name rule a rejected {0} or {größe} breaks: ASCII, not starting with a digit', () => {
    const yaml = catalog(
      '',
      [
        '      - code: NAMES', // 4
        '        status: 400',
        '        message: "Item {0} of size {größe} exceeds {max_size2}"', // 6: columns 24 and 36
        '        solution: s',
        '',
      ].join('\n'),
    );
    expect(reported(check(dir, yaml).findings, 'placeholder-syntax')).toEqual([
      'errors.yaml:6:24 error the message of NAMES has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit)',
      'errors.yaml:6:26 error the message of NAMES has a "}" that ends no placeholder',
      'errors.yaml:6:36 error the message of NAMES has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit)',
      'errors.yaml:6:42 error the message of NAMES has a "}" that ends no placeholder',
    ]);
  });

  it('unused-param reports a declared parameter no default-locale text uses; one used only in the solution is used', () => {
    const yaml = catalog(
      '',
      [
        '      - code: QUOTA', // 4
        '        status: 429',
        '        message: Quota of {limit} reached',
        '        solution: Retry after {seconds} seconds',
        '        params:',
        '          limit: integer',
        '          seconds: { type: integer }',
        '          limt: { type: integer, example: 3 }', // 11: a typo of limit, column 17
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, yaml);
    expect(reported(findings, 'unused-param')).toEqual(['errors.yaml:11:17 error QUOTA declares the parameter limt, which neither its message nor its solution uses']);
    expect(code).toBe(1);
  });

  it('undeclared-placeholder is off by default; switched on, it points at the first use of each undeclared placeholder', () => {
    const yaml = catalog(
      '',
      [
        '      - code: MISSING', // 4
        '        status: 404',
        '        message: "{kind} {id} is missing"', // 6: {id} is column 26
        '        solution: Create {id} or another {kind}', // 7
        '        params: { kind: string }',
        '',
      ].join('\n'),
    );
    expect(reported(check(dir, yaml).findings, 'undeclared-placeholder')).toEqual([]);
    const { findings, code } = check(dir, yaml, ['--rule', 'undeclared-placeholder=warn']);
    expect(reported(findings, 'undeclared-placeholder')).toEqual(['errors.yaml:6:26 warning the message of MISSING uses {id}, which `params` does not declare']);
    expect(code).toBe(0);
    const declared = yaml.replace('params: { kind: string }', 'params: { kind: string, id: integer }');
    expect(reported(check(dir, declared, ['--rule', 'undeclared-placeholder=error']).findings, 'undeclared-placeholder')).toEqual([]);
  });

  it('param-example reports an example that does not suit its type, at the example', () => {
    const yaml = catalog(
      '',
      [
        '      - code: TYPED', // 4
        '        status: 400',
        '        message: "{a} {b} {c} {d} {e}"',
        '        solution: s',
        '        params:',
        '          a: { type: integer, example: 1.5 }', // 9: column 40
        '          b: { type: boolean, example: "x" }', // 10
        '          c: { type: number, example: .nan }', // 11: column 39
        '          d: { example: 7 }', // 12: undeclared type = string; column 25
        '          e: { type: integer, example: 9007199254740993 }', // 13
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, yaml);
    expect(reported(findings, 'param-example')).toEqual([
      "errors.yaml:9:40 error the example of TYPED's integer parameter a is 1.5, expected an integer (at most 2^53 - 1 either side of 0)",
      `errors.yaml:10:40 error the example of TYPED's boolean parameter b is "x", expected true or false`,
      "errors.yaml:11:39 error the example of TYPED's number parameter c is NaN, expected a finite number",
      "errors.yaml:12:25 error the example of TYPED's string parameter d is 7, expected a string",
      "errors.yaml:13:40 error the example of TYPED's integer parameter e is 9007199254740992, expected an integer (at most 2^53 - 1 either side of 0)",
    ]);
    expect(code).toBe(1);
    const fine = yaml
      .replace('example: 1.5', 'example: 100')
      .replace('example: "x"', 'example: false')
      .replace('example: .nan', 'example: -0.25')
      .replace('example: 7', 'example: "7"')
      .replace('example: 9007199254740993', 'example: -9007199254740991');
    expect(reported(check(dir, fine).findings, 'param-example')).toEqual([]);
  });
});

describe('errgen check: translation rules', () => {
  const dir = tempDir();

  it('translation-placeholders compares placeholder sets by name, message with message and solution with solution', () => {
    const yaml = catalog(
      locales,
      [
        '      - code: RANGE', // 7
        '        status: 400',
        '        message: "{name} must be between {min} and {max}"',
        '        solution: Send a {name} of at least {min}',
        '        params: { name: string, min: integer, max: integer }',
        '        messages:',
        '          zh-CN:', // 13
        '            message: "{name} 须在 {max} 与 {min} 之间"', // 14: another order: fine
        '            solution: "发送不小于 {minimum} 的 {name}"', // 15: column 23
        '          de:',
        '            message: "{name} muss zwischen {min} und {mx} liegen"', // 17
        '          fr:',
        '            message: "{name} hors limites"', // 19
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, yaml);
    expect(reported(findings, 'translation-placeholders')).toEqual([
      'errors.yaml:15:23 error the zh-CN solution of RANGE lacks {min} (used by the en solution) and has {minimum} (not used by it)',
      'errors.yaml:17:22 error the de message of RANGE lacks {max} (used by the en message) and has {mx} (not used by it)',
      'errors.yaml:19:22 error the fr message of RANGE lacks {min}, {max}, which the en message uses',
    ]);
    expect(code).toBe(1);
    const extra = yaml.replace('"{name} hors limites"', '"{name} hors limites ({min}–{max}, {unit})"');
    expect(reported(check(dir, extra).findings, 'translation-placeholders')).toContain('errors.yaml:19:22 error the fr message of RANGE has {unit}, which the en message does not use');
    const fixed = extra.replace('{minimum}', '{min}').replace('{mx}', '{max}').replace(', {unit}', '');
    expect(reported(check(dir, fixed).findings, 'translation-placeholders')).toEqual([]);
  });

  const fallbackLocales = 'locales:\n  default: en\n  supported: [zh-CN, zh-HK]\n  fallback: { zh-HK: zh-TW }\n';

  it('missing-translation warns per supported locale; a translation the locale falls back to counts', () => {
    const yaml = catalog(
      fallbackLocales,
      [
        '      - { code: NONE, status: 400, message: m, solution: s }', // 8
        '      - code: TAIWAN', // 9
        '        status: 400',
        '        message: m',
        '        solution: s',
        '        messages:',
        '          zh-TW: { message: 消息 }', // 14: the messages mapping starts at column 11
        '      - { code: BOTH, status: 400, message: m, solution: s, messages: { zh-CN: { message: 消息 }, zh-HK: { message: 訊息 } } }',
        '      - { code: GONE, status: 400, message: m, solution: s, removed: true }',
        // A code listed twice is translated in its first entry, which generated code uses: its second says nothing.
        '      - { code: NONE, status: 409, message: m2, solution: s }',
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, yaml, ['--rule', 'duplicate-code=off']);
    expect(reported(findings, 'missing-translation')).toEqual([
      'errors.yaml:8:9 warning NONE has no zh-CN translation',
      'errors.yaml:8:9 warning NONE has no zh-HK translation (nor one in zh-TW, which zh-HK falls back to)',
      'errors.yaml:14:11 warning TAIWAN has no zh-CN translation',
    ]);
    expect(code).toBe(0);
  });

  it('missing-translation takes its severity from the config or --rule', () => {
    const yaml = catalog(locales, '      - { code: NONE, status: 400, message: m, solution: s }\n');
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\nlint:\n  rules:\n    missing-translation: error\n');
    writeFileSync(join(dir, 'errors.yaml'), yaml);
    const configured = errgen(['check', '--format', 'json'], { cwd: dir });
    expect(reported((JSON.parse(configured.stdout) as { findings: Finding[] }).findings, 'missing-translation')).toEqual(['errors.yaml:7:9 error NONE has no zh-CN translation']);
    expect(configured.code).toBe(1);
    const overridden = errgen(['check', '--format', 'json', '--rule', 'missing-translation=off'], { cwd: dir });
    expect((JSON.parse(overridden.stdout) as { findings: Finding[] }).findings).toEqual([]);
    expect(overridden.code).toBe(0);
    rmSync(join(dir, 'errgen.config.yaml'));
  });

  it('unreviewed-translation points at `reviewed: false`; a reviewed translation passes', () => {
    const yaml = catalog(
      locales,
      [
        '      - code: DRAFT', // 7
        '        status: 400',
        '        message: m',
        '        solution: s',
        '        messages:',
        '          zh-CN:',
        '            message: 消息',
        '            reviewed: false', // 14: column 23
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, yaml);
    expect(reported(findings, 'unreviewed-translation')).toEqual(['errors.yaml:14:23 warning the zh-CN translation of DRAFT is not reviewed yet (reviewed: false)']);
    expect(code).toBe(0);
    expect(reported(check(dir, yaml.replace('reviewed: false', 'reviewed: true')).findings, 'unreviewed-translation')).toEqual([]);
  });

  it('locale-config reports the default locale as supported, with a fallback or a translation, and fallback loops', () => {
    const yaml = catalog(
      [
        'locales:',
        '  default: en',
        '  supported: [de, en]', // 3: en is column 19
        '  fallback:',
        '    en: de', // 5
        '    zh: zh-TW', // 6: zh-TW falls back to its parent, zh: a loop
        '    de-AT: de-CH', // 7
        '    de-CH: de-AT', // 8
        '    pt-BR: en', // 9: straight to the default, skipping pt: fine
        '',
      ].join('\n'),
      [
        '      - code: DUP', // 13
        '        status: 400',
        '        message: m',
        '        solution: s',
        '        messages:',
        '          de: { message: n }',
        '          en: { message: m2 }', // 19: column 15
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, yaml);
    expect(reported(findings, 'locale-config')).toEqual([
      "errors.yaml:3:19 error locales.supported lists en, the default locale, whose texts are each code's message and solution",
      'errors.yaml:5:9 error locales.fallback gives the default locale en a fallback (de), but every code has its en texts',
      'errors.yaml:6:9 error locales.fallback loops: zh → zh-TW → zh',
      'errors.yaml:7:12 error locales.fallback loops: de-AT → de-CH → de-AT',
      'errors.yaml:19:15 error DUP has a translation into en, but en is the default locale: its texts are message and solution',
    ]);
    expect(code).toBe(1);
    const coherent = catalog('locales:\n  default: en\n  supported: [de, pt-BR]\n  fallback: { de-AT: de, pt-BR: en }\n', '      - { code: OK, status: 400, message: m, solution: s, messages: { de: { message: n }, pt-BR: { message: p } } }\n');
    expect(reported(check(dir, coherent).findings, 'locale-config')).toEqual([]);
  });

  it('locale-config reports tags that differ only in case, at the second spelling, once each', () => {
    const yaml = catalog(
      [
        'locales:',
        '  default: en',
        '  supported: [de, zh-Hant-TW]',
        '  fallback:',
        '    zh-hant-tw: zh-Hant', // 5: the key is the second spelling of zh-Hant-TW
        '',
      ].join('\n'),
      [
        '      - code: A', // 9
        '        status: 400',
        '        message: m',
        '        solution: s',
        '        messages:',
        '          DE: { message: n }', // 14: column 15
        '          EN: { message: e }', // 15: the default, spelt EN
        '      - { code: B, status: 400, message: m, solution: s, messages: { DE: { message: n } } }', // again: not reported twice
        '',
      ].join('\n'),
    );
    const { findings, code } = check(dir, yaml);
    expect(reported(findings, 'locale-config')).toEqual([
      'errors.yaml:5:17 error locales.fallback spells the locale zh-hant-tw, but locales.supported spells it zh-Hant-TW: language tags are case-insensitive, so these are one locale',
      'errors.yaml:14:15 error messages.DE of A spells the locale DE, but locales.supported spells it de: language tags are case-insensitive, so these are one locale',
      'errors.yaml:15:15 error messages.EN of A spells the locale EN, but locales.default spells it en: language tags are case-insensitive, so these are one locale',
    ]);
    expect(findings.find((f) => f.message.startsWith('messages.DE'))).toMatchObject({ code: 'A' });
    expect(code).toBe(1);
  });

  it('generate refuses a locale spelt in two cases (it would write two locales, each with part of the translations); check says it once, as the error it is for generate', () => {
    const project = tempDir();
    const codes = [
      '      - code: A', // 4
      '        status: 400',
      '        message: m',
      '        solution: s',
      '        messages:',
      '          zh-CN: { message: upper }', // 9
      '      - { code: B, status: 400, message: m, solution: s, messages: { zh-cn: { message: lower } } }', // 10
      '',
    ].join('\n');
    writeFileSync(join(project, 'errors.yaml'), catalog('', codes));
    // As a warning in lint, the clash would let check pass where generate fails.
    writeFileSync(join(project, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\nlint:\n  rules:\n    locale-config: warn\ntargets:\n  typescript:\n  java-properties:\n    options: { package: x.y }\n');
    const clash = 'messages.zh-cn of B spells the locale zh-cn, but messages.zh-CN of A spells it zh-CN: language tags are case-insensitive, so these are one locale';
    const generated = errgen(['generate'], { cwd: project });
    expect(generated.code).toBe(1);
    expect(generated.stderr).toContain(`errors.yaml:10:77: error: ${clash} (see also errors.yaml:9:18). Write one spelling everywhere; the usual one is zh-CN. [locale-config]\n`);
    expect(existsSync(join(project, 'out'))).toBe(false);
    const checked = errgen(['check', '--format', 'json'], { cwd: project });
    expect(checked.code).toBe(1);
    expect(reported((JSON.parse(checked.stdout) as { findings: Finding[] }).findings, 'locale-config')).toEqual([`errors.yaml:10:77 error ${clash}`]);
  });

  it('prints file:line:col in the human report', () => {
    const yaml = catalog('', '      - { code: BRACE, status: 400, message: "a } b", solution: s }\n');
    writeFileSync(join(dir, 'errors.yaml'), yaml);
    const result = errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir });
    expect(result.stdout).toContain('errors.yaml\n  4:49    error    the message of BRACE has a "}" that ends no placeholder  placeholder-syntax\n            Write {{ or }} for a literal brace.\n');
  });

  it('a stray brace in a Markdown cell: import warns at the cell, and check sends the fix to the page', () => {
    const project = tempDir();
    const page = (message: string) => `| Code | Status | Message | Solution |\n|---|---|---|---|\n| A_ONE | 400 | has {name} | s |\n| A_TWO | 400 | ${message} | s |\n`;
    writeFileSync(join(project, 'e.md'), page('has \\| pipe and {unclosed'));
    writeFileSync(join(project, 'errgen.config.yaml'), 'sources: [e.md]\ncatalog: errors.yaml\n');
    const imported = errgen(['import'], { cwd: project });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('e.md:4:17: warning: the message of A_TWO has a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit). Write {{ or }} for a literal brace. [placeholder-syntax]\n');
    const checkFindings = () => {
      const result = errgen(['check', '--format', 'json', '--rule', 'artifact-drift=off'], { cwd: project });
      return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: Array<Record<string, unknown>> }).findings };
    };
    const { code, findings } = checkFindings();
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'placeholder-syntax', code: 'A_TWO', hint: 'Write {{ or }} for a literal brace. This text comes from e.md:4: change it there, then run `errgen import`.' }),
    ]);
    // Its row gone from the page (not imported yet): no line to send the fix to, rather than a line that is now another row's.
    writeFileSync(join(project, 'e.md'), page('x').replace(/\| A_TWO .*\n/, ''));
    expect(checkFindings().findings.find((f) => f['rule'] === 'placeholder-syntax')).toMatchObject({ code: 'A_TWO', hint: 'Write {{ or }} for a literal brace.' });
    // Mended where the hint says: no warning, no finding.
    writeFileSync(join(project, 'e.md'), page('has \\| pipe and {{unclosed'));
    expect(errgen(['import'], { cwd: project }).stderr).toBe('');
    expect(checkFindings()).toEqual({ code: 0, findings: [] });
  });
});

describe('errgen check --against: parameter changes', () => {
  const dir = tempDir();
  const before = catalog(
    '',
    [
      '      - code: QUOTA',
      '        status: 429',
      '        message: "{resource} quota of {limit} reached"',
      '        solution: Retry in {seconds} seconds',
      '        params: { resource: string, limit: integer, seconds: integer }',
      '      - { code: PLAIN, status: 400, message: "{a} and {b}", solution: s }',
      '',
    ].join('\n'),
  );

  function against(after: string, args: string[] = []): { code: number | null; findings: Finding[] } {
    writeFileSync(join(dir, 'before.yaml'), before);
    return check(dir, after, ['--against', 'before.yaml', ...args]);
  }
  const paramRules = (findings: readonly Finding[]) => ['param-removed', 'param-type-changed', 'param-order-changed', 'param-added'].flatMap((rule) => reported(findings, rule).map((line) => `${rule} ${line}`));

  it('reports nothing when the parameters are the same, even written differently', () => {
    const same = before.replace('params: { resource: string, limit: integer, seconds: integer }', 'params:\n          resource: { description: what ran out }\n          limit: { type: integer, example: 10 }\n          seconds: integer');
    const { findings, code } = against(same);
    expect(paramRules(findings)).toEqual([]);
    expect(code).toBe(0);
  });

  it('reports a removed parameter, a changed type and a new order as errors, at the new catalog', () => {
    const after = catalog(
      '',
      [
        '      - code: QUOTA', // 4
        '        status: 429',
        '        message: "{limit} {resource} quota reached"',
        '        solution: Retry later',
        '        params: { limit: number, resource: string }', // 8: the params at column 17, limit's type at 26
        '      - { code: PLAIN, status: 400, message: "{a} and {b}", solution: s, params: { a: integer } }', // 9: a's type at 87
        '',
      ].join('\n'),
    );
    const { findings, code } = against(after);
    expect(paramRules(findings)).toEqual([
      'param-removed errors.yaml:8:17 error QUOTA no longer has the parameter seconds (integer, in before.yaml); calls that pass it no longer compile, and clients that read it from the error\'s details find nothing',
      'param-type-changed errors.yaml:8:26 error QUOTA\'s parameter limit is number, was integer (in before.yaml); callers and clients that read it as integer break',
      'param-type-changed errors.yaml:9:87 error PLAIN\'s parameter a is integer, was string (in before.yaml); callers and clients that read it as string break',
      'param-order-changed errors.yaml:8:17 error QUOTA takes its parameters in the order limit, resource, was resource, limit (in before.yaml); positional calls now pass values to the wrong parameters, silently where the types agree',
    ]);
    expect(code).toBe(1);
  });

  it('reports a new parameter as a warning, at its first use; config and --rule change its severity', () => {
    const after = before.replace('"{a} and {b}"', '"{a} and {b} in {c}"');
    const { findings, code } = against(after);
    expect(paramRules(findings)).toEqual(["param-added errors.yaml:9:62 warning PLAIN has a new parameter c (string, not in before.yaml); every call of its generated formatter must now pass it"]);
    expect(code).toBe(0);
    expect(paramRules(against(after, ['--rule', 'param-added=error']).findings)).toEqual([expect.stringMatching(/^param-added errors\.yaml:9:62 error /)]);
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\nbreaking:\n  rules:\n    param-added: off\n');
    const configured = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    expect(paramRules((JSON.parse(configured.stdout) as { findings: Finding[] }).findings)).toEqual([]);
  });
});

describe('errgen check --against: outdated translations', () => {
  const dir = tempDir();
  const before = catalog(
    locales,
    [
      '      - code: GONE', // 7
      '        status: 404',
      '        message: Not found',
      '        solution: Check the id',
      '        messages:',
      '          zh-CN: { message: 未找到, solution: 检查 ID }', // 12
      '      - code: BUSY', // 13
      '        status: 429',
      '        message: Busy',
      '        solution: Retry',
      '        messages:',
      '          zh-CN: { message: 忙 }', // 18
      '',
    ].join('\n'),
  );
  const outdated = (after: string, args: string[] = []) => {
    writeFileSync(join(dir, 'before.yaml'), before);
    const result = check(dir, after, ['--against', 'before.yaml', ...args]);
    return { code: result.code, lines: reported(result.findings, 'outdated-translation') };
  };

  it('warns at a translation whose default text changed while it did not', () => {
    const { lines, code } = outdated(before.replace('message: Not found', 'message: No such resource'));
    expect(lines).toEqual([
      'errors.yaml:12:29 warning the en message of GONE changed (in before.yaml), its zh-CN translation did not: it still translates the old text',
    ]);
    expect(code).toBe(0);
    expect(outdated(before.replace('message: Not found', 'message: No such resource'), ['--rule', 'outdated-translation=error']).code).toBe(1);
  });

  it('names the solution, at the translation\'s own solution; one that falls back to the default solution is not behind', () => {
    const after = before.replace('solution: Check the id', 'solution: Check the ID').replace('solution: Retry', 'solution: Retry later');
    expect(outdated(after).lines).toEqual([
      'errors.yaml:12:44 warning the en solution of GONE changed (in before.yaml), its zh-CN translation did not: it still translates the old text',
    ]);
  });

  it('is quiet when the translation changed too, is marked reviewed: false, or is new', () => {
    const retexted = before.replace('message: Not found', 'message: No such resource').replace('message: Busy', 'message: Too busy');
    expect(outdated(retexted.replace('message: 未找到', 'message: 资源不存在').replace('{ message: 忙 }', '{ message: 忙, reviewed: false }')).lines).toEqual([]);
    // Marked reviewed by someone after the change (the flag went from false to absent): its translation was looked at.
    writeFileSync(join(dir, 'before.yaml'), before.replace('{ message: 忙 }', '{ message: 忙, reviewed: false }'));
    const reviewed = check(dir, retexted.replace('message: 未找到', 'message: 资源不存在'), ['--against', 'before.yaml']);
    expect(reported(reviewed.findings, 'outdated-translation')).toEqual([]);
    const added = before.replace('message: Busy', 'message: Too busy').replace('          zh-CN: { message: 忙 }', '          zh-CN: { message: 忙 }\n          de: { message: Zu beschäftigt }');
    expect(outdated(added).lines).toEqual(['errors.yaml:18:29 warning the en message of BUSY changed (in before.yaml), its zh-CN translation did not: it still translates the old text']);
  });

  it('compares field by field: a translation edited in another field than the one that changed is still behind', () => {
    const after = before.replace('message: Not found', 'message: No such resource').replace('solution: 检查 ID', 'solution: 请检查 ID');
    expect(outdated(after).lines).toEqual([
      'errors.yaml:12:29 warning the en message of GONE changed (in before.yaml), its zh-CN translation did not: it still translates the old text',
    ]);
  });

  it('pairs a code listed twice by occurrence', () => {
    const twice = (first: string, second: string) =>
      catalog(locales, [
        `      - { code: DUP, status: 400, message: ${first}, solution: s, messages: { zh-CN: { message: 一 } } }`, // 7
        `      - { code: DUP, status: 409, message: ${second}, solution: s, messages: { zh-CN: { message: 二 } } }`, // 8
        '',
      ].join('\n'));
    writeFileSync(join(dir, 'before.yaml'), twice('one', 'two'));
    const { findings } = check(dir, twice('one', 'second'), ['--against', 'before.yaml']);
    expect(reported(findings, 'outdated-translation')).toEqual([
      'errors.yaml:8:95 warning the en message of DUP changed (in before.yaml), its zh-CN translation did not: it still translates the old text',
    ]);
  });
});

describe('errgen check --against: an ignore of a code that became an alias', () => {
  it('accepts the change under the old code, and once it landed says only that it is unused', () => {
    const dir = tempDir();
    const two = catalog('', '      - { code: NOT_FOUND, status: 404, message: m, solution: s }\n      - { code: MISSING, status: 404, message: m, solution: s }\n');
    const merged = catalog('', '      - { code: NOT_FOUND, status: 404, message: m, solution: s, aliases: [MISSING] }\n');
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\nbreaking:\n  ignore:\n    - { rule: identifier-changed, code: MISSING, reason: merged into NOT_FOUND }\n');
    writeFileSync(join(dir, 'before.yaml'), two);
    const accepted = check(dir, merged, ['--against', 'before.yaml']);
    expect(accepted.findings.filter((f) => f.rule === 'identifier-changed' || f.rule === 'unused-ignore')).toEqual([]);
    writeFileSync(join(dir, 'before.yaml'), merged);
    const landed = check(dir, merged, ['--against', 'before.yaml']);
    expect(landed.findings.filter((f) => f.rule === 'unused-ignore').map((f) => f.message)).toEqual([
      'breaking.ignore accepts identifier-changed for MISSING, but the catalog has no such change against before.yaml: left in place, it would accept the next one unreviewed',
    ]);
  });
});
