import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errgen, tempDir } from './helpers/cli.js';
import type { Catalog, CatalogCode } from '../src/catalog/model.js';
import { parameterName, viewLocalized, viewLocales, viewParams, viewTemplate, viewTemplateInParts } from '../src/emit/view-messages.js';
import { languages } from '../src/lang/index.js';
import { fallbackChain, knownLocales } from '../src/messages/locales.js';
import { paramsOf } from '../src/messages/params.js';
import { cellMatchesTemplate, escapeTemplate, fill, parseTemplate, plainText } from '../src/messages/template.js';

const entry = (extra: Partial<CatalogCode>): CatalogCode => ({ code: 'X', status: 400, message: '', solution: '', ...extra });

describe('message templates', () => {
  it('splits text and placeholders, and lists each name once in order of use', () => {
    const parsed = parseTemplate('{a} and {b_2}, again {a}');
    expect(parsed.parts).toEqual([{ param: 'a' }, { text: ' and ' }, { param: 'b_2' }, { text: ', again ' }, { param: 'a' }]);
    expect(parsed.params).toEqual(['a', 'b_2']);
    expect(parsed.problems).toEqual([]);
  });

  it('gives a view of a template without placeholders by the general rule', () => {
    const params = viewParams(entry({ message: '{id}', params: { id: 'integer' } }), languages);
    const template = fc.array(fc.constantFrom('a', ' ', '{', '}', '{{', '}}', '{id}', '{other}', '{ id }', '错'), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(template, fc.boolean(), (text, withParams) => {
        expect(viewTemplate(text, withParams ? params : [])).toEqual(viewTemplateInParts(text, withParams ? params : []));
      }),
      { numRuns: 500 },
    );
  });

  it('reads doubled braces as literal ones, also around a placeholder', () => {
    expect(parseTemplate('{{x}} {{{y}}}').parts).toEqual([{ text: '{x} {' }, { param: 'y' }, { text: '}' }]);
    expect(fill('{{{y}}}', () => 'Y')).toBe('{Y}');
  });

  it('keeps a stray brace as text and reports where it is', () => {
    const parsed = parseTemplate('a { b } {1x} {');
    expect(parsed.params).toEqual([]);
    expect(parsed.parts).toEqual([{ text: 'a { b } {1x} {' }]);
    expect(parsed.problems.map((p) => p.offset)).toEqual([2, 6, 8, 11, 13]);
    expect(parsed.problems[0]?.message).toMatch(/starts no placeholder/);
    expect(parsed.problems[1]?.message).toMatch(/ends no placeholder/);
  });

  it('fills placeholders and leaves text without braces alone', () => {
    expect(fill('The parameter {argument} is not supported', (n) => `<${n}>`)).toBe('The parameter <argument> is not supported');
    expect(parseTemplate('').parts).toEqual([]);
    expect(parseTemplate('plain').parts).toEqual([{ text: 'plain' }]);
  });

  it('escapes literal text so it reads back as itself', () => {
    for (const text of ['{x}', '}{', '{{', 'a {b} c}}']) expect(fill(escapeTemplate(text), () => 'FILLED')).toBe(text);
  });

  it('matches a Markdown cell that writes the placeholders as their names', () => {
    expect(plainText('{param} cannot be null')).toBe('param cannot be null');
    expect(cellMatchesTemplate('param cannot be null', '{param} cannot be null')).toBe(true);
    expect(cellMatchesTemplate('{param} cannot be null', '{param} cannot be null')).toBe(true);
    expect(cellMatchesTemplate('value cannot be null', '{param} cannot be null')).toBe(false);
    // Without placeholders only the exact text matches: `{{` is not the same text as `{`.
    expect(cellMatchesTemplate('{x}', '{{x}}')).toBe(false);
  });
});

describe('parameters', () => {
  it('puts declared parameters first, then undeclared placeholders of message and solution as strings', () => {
    const params = paramsOf(entry({ message: '{b} {a}', solution: '{c} {b}', params: { a: 'integer', z: { type: 'boolean', description: 'Z' } } }));
    expect(params.map((p) => [p.name, p.type, p.declared])).toEqual([
      ['a', 'integer', true],
      ['z', 'boolean', true],
      ['b', 'string', false],
      ['c', 'string', false],
    ]);
    expect(params.map((p) => p.example)).toEqual([42, true, 'b', 'c']);
  });

  it('names parameters per language without keywords or the formatters own locals', () => {
    const byId = (name: string) => Object.fromEntries(languages.map((l) => [l.id, parameterName(name, l)]));
    expect(byId('resource_id')).toMatchObject({ ts: 'resourceID', go: 'resourceID', java: 'resourceID', python: 'resource_id', rust: 'resource_id' });
    expect(byId('type')).toMatchObject({ ts: 'type', go: 'type_', rust: 'type_' });
    expect(byId('locale')).toMatchObject({ ts: 'locale_', go: 'locale_', java: 'locale_', python: 'locale_', rust: 'locale_' });
    expect(byId('arguments').ts).toBe('arguments_');
  });
});

describe('locales', () => {
  const catalog: Catalog = {
    locales: { default: 'en', supported: ['zh-CN', 'zh-HK'], fallback: { 'zh-HK': 'zh-TW', 'zh-TW': 'zh-CN', a: 'b', b: 'a' } },
    groups: [{ title: 'G', codes: [entry({ messages: { fr: { message: 'x' }, 'zh-TW': { message: 'y' } } })] }],
  };

  it('knows the default first, then the supported ones, then every other translated locale sorted', () => {
    expect(knownLocales(catalog)).toEqual(['en', 'zh-CN', 'zh-HK', 'fr', 'zh-TW']);
    expect(knownLocales({ groups: [] })).toEqual(['en']);
  });

  it('falls back along configured fallbacks, then parent tags, and ends at the default', () => {
    expect(fallbackChain('zh-HK', catalog)).toEqual(['zh-HK', 'zh-TW', 'zh-CN', 'zh', 'en']);
    expect(fallbackChain('sr-Latn-RS', catalog)).toEqual(['sr-Latn-RS', 'sr-Latn', 'sr', 'en']);
    expect(fallbackChain('a', catalog)).toEqual(['a', 'b', 'en']);
  });

  it('gives each locale the nearest translation, field by field, and says where it came from', () => {
    const code = entry({
      message: 'Not {x}',
      solution: 'Fix {x}',
      messages: { 'zh-CN': { message: '不是 {x}', solution: '修复 {x}' }, 'zh-TW': { message: '不是 {x}!', reviewed: false } },
    });
    const params = viewParams(code, languages);
    const locales = viewLocales({ ...catalog, groups: [{ title: 'G', codes: [code] }] });
    const texts = viewLocalized(code, params, locales, 'en').map((l) => [l.locale, l.message.example, l.solution.example, l.messageFrom, l.translated, l.reviewed]);
    expect(texts).toEqual([
      ['en', 'Not x', 'Fix x', 'en', true, true],
      ['zh-CN', '不是 x', '修复 x', 'zh-CN', true, true],
      ['zh-HK', '不是 x!', '修复 x', 'zh-TW', false, false],
      ['zh-TW', '不是 x!', '修复 x', 'zh-TW', true, false],
    ]);
  });

  it('leaves a placeholder the code does not have as literal text in the parts', () => {
    const params = viewParams(entry({ message: '{a}' }), languages);
    const view = viewTemplate('{a} and {b}', params);
    expect(view.parts.map((p) => [p.text, p.param?.name ?? null])).toEqual([
      ['', 'a'],
      [' and {b}', null],
    ]);
    expect(view.example).toBe('a and {b}');
  });
});

describe('generate with placeholders', () => {
  it('refuses two placeholders that one language would name alike, naming the code and the language', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'errors.yaml'),
      ['groups:', '  - title: G', '    codes:', '      - code: CLASH', '        status: 400', "        message: '{user_id} {userId}'", "        solution: ''", ''].join('\n'),
    );
    const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('errors.yaml:4:9: error: CLASH: placeholders {user_id} and {userId} both become the go parameter userID');
    expect(result.stderr).toContain('Rename one of the placeholders');
    // check reports it as a finding among the others instead of stopping.
    const checked = errgen(['check', '--catalog', 'errors.yaml', '--out-dir', 'out', '--format', 'json'], { cwd: dir });
    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.stdout) as { findings: Array<{ rule: string; message: string; line: number }> };
    expect(report.findings.filter((f) => f.rule === 'identifier-collision').map((f) => [f.line, f.message])).toEqual([
      [4, 'CLASH: placeholders {user_id} and {userId} both become the go parameter userID'],
    ]);
  });

  it('refuses two codes with placeholders whose Java formatters would share a name', () => {
    const dir = tempDir();
    const code = (name: string) => [`      - code: ${name}`, '        status: 400', "        message: 'Bad {x}'", "        solution: ''"];
    writeFileSync(join(dir, 'errors.yaml'), ['groups:', '  - title: G', '    codes:', ...code('A_B1'), ...code('A_B_1'), ''].join('\n'));
    const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('errors.yaml:8:9: error: codes "A_B1" and "A_B_1" both get the java formatter aB1Message');
  });

  it('refuses overrides that give two codes one Go or Python formatter, or a Go formatter a constant\'s name', () => {
    const dir = tempDir();
    const code = (name: string, message: string, names = '') => [`      - code: ${name}`, '        status: 400', `        message: '${message}'`, "        solution: ''", ...(names ? [`        names: ${names}`] : [])];
    const entries = [
      ...code('A_ONE', 'One {x}', '{ go: NotFound, python: NOT__FOUND }'),
      ...code('NOT_FOUND', 'Two {y}'),
      ...code('C_THREE', 'Three {y}', '{ go: Three }'),
      ...code('D_FOUR', 'Four', '{ go: MessageThree }'),
    ];
    writeFileSync(join(dir, 'errors.yaml'), ['groups:', '  - title: G', '    codes:', ...entries, ''].join('\n'));
    const result = errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'go,python'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'errors.yaml:9:9: error: codes "A_ONE" and "NOT_FOUND" both get the go formatter MessageNotFound (see also errors.yaml:4:9). Give one of them another go name under `names: { go: ... }` in the catalog. [identifier-collision]',
      'errors.yaml:13:9: error: the go formatter MessageThree of "C_THREE" has the go name of "D_FOUR" (see also errors.yaml:18:9). Give one of them another go name under `names: { go: ... }` in the catalog. [identifier-collision]',
      'errors.yaml:9:9: error: codes "A_ONE" and "NOT_FOUND" both get the python formatter not_found_message (see also errors.yaml:4:9). Give one of them another python name under `names: { python: ... }` in the catalog. [identifier-collision]',
      'errgen: cannot generate from errors.yaml',
    ]);
    // Go writes formatters only for codes with placeholders: without any, the same names are fine there.
    writeFileSync(join(dir, 'errors.yaml'), ['groups:', '  - title: G', '    codes:', ...code('A_ONE', 'One', '{ go: NotFound }'), ...code('NOT_FOUND', 'Two'), ''].join('\n'));
    expect(errgen(['generate', '--catalog', 'errors.yaml', '--out-dir', 'out', '--only', 'go'], { cwd: dir }).code).toBe(0);
  });

  it('says which parameter types there are when a declaration names none of them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), ['groups:', '  - title: G', '    codes:', '      - code: A', '        status: 400', "        message: 'x {n}'", "        solution: ''", '        params: { n: int }', ''].join('\n'));
    const result = errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('8:22    error    groups[0].codes[0].params.n (in A) must be one of string, integer, number, boolean, or an object (did you mean "integer"?)  catalog-schema');
  });
});
