import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinTemplatePath } from '../src/emit/targets.js';
import { compileTemplate, renderText } from '../src/emit/templates.js';
import { propertiesValue } from '../src/lang/java-properties.js';
import { languages } from '../src/lang/index.js';
import { escapedCell, markdownCell } from '../src/lang/markdown.js';
import { tempDir } from './helpers/cli.js';

/** A user's template folder (main.hbs and partials), compiled as errgen compiles it. */
function template(files: Record<string, string>) {
  const dir = join(tempDir(), 'tpl');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const render = compileTemplate(join(dir, 'main.hbs'));
  return (model: object) => renderText(render, model);
}

describe('template helpers', () => {
  it('object: a partial gets exactly the named arguments as its context', () => {
    const render = template({
      'main.hbs': '{{#each rows}}{{> cell (object row=this label=../label)}}{{/each}}',
      'cell.hbs': '[{{label}} {{row.code}}]',
    });
    expect(render({ label: 'code', rows: [{ code: 'A' }, { code: 'B' }] })).toBe('[code A][code B]');
  });

  it('object: a field of the surrounding context is not in the partial (strict mode says so)', () => {
    const render = template({ 'main.hbs': '{{#each rows}}{{> cell (object label="x")}}{{/each}}', 'cell.hbs': '{{code}}' });
    expect(() => render({ rows: [{ code: 'A' }] })).toThrow(/"code" not defined/);
  });

  it('object: refuses positional arguments', () => {
    const render = template({ 'main.hbs': '{{> cell (object rows)}}', 'cell.hbs': '' });
    expect(() => render({ rows: [] })).toThrow('helper "object" takes only named arguments (name=value)');
  });

  it('refuse a value of the wrong kind, saying what they expect and what they got', () => {
    const model = { code: 'NOT_FOUND', status: 404, statuses: [404], nothing: undefined, message: { parts: [{ text: 'x', param: null }] } };
    const failure = (main: string) => {
      try {
        template({ 'main.hbs': main })(model);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    const undefinedValue = 'undefined (a field with no value here, or an argument left out)';
    const refused: Array<[template: string, message: string]> = [
      ['{{reason "abc"}}', 'helper "reason" expects a whole number, got string "abc"'],
      ['{{padEnd code "x"}}', 'helper "padEnd" expects a whole number, got string "x"'],
      ['{{padEnd code "0x3"}}', 'helper "padEnd" expects a whole number, got string "0x3"'],
      ['{{padEnd code}}', `helper "padEnd" expects a whole number, got ${undefinedValue}`],
      ['{{json nothing}}', `helper "json" expects a value, got ${undefinedValue}`],
      ['{{json code "2"}}|{{json code "two"}}', 'helper "json" expects a whole number, got string "two"'],
      ['{{yamlJson nothing}}', `helper "yamlJson" expects a value, got ${undefinedValue}`],
      ['{{deprecationNote "yes"}}', 'helper "deprecationNote" expects a code\'s deprecated, got string "yes"'],
      ['{{deprecationNote this}}', 'helper "deprecationNote" expects a code\'s deprecated, got an object'],
      ['{{size 5}}', 'helper "size" expects a list, got number 5'],
      ['{{join code}}', 'helper "join" expects a list, got string "NOT_FOUND"'],
      ['{{mdTemplate code nothing}}', `helper "mdTemplate" expects a list, got ${undefinedValue}`],
      ['{{icuMessage code}}', 'helper "icuMessage" expects a message template (messageTemplate, or a localized message), got string "NOT_FOUND"'],
      ['{{pascal statuses}}', 'helper "pascal" expects text, got a list'],
      // A long value is cut.
      [`{{join "${'y'.repeat(60)}"}}`, `helper "join" expects a list, got string "${'y'.repeat(39)}…`],
    ];
    for (const [main, message] of refused) expect(failure(main), main).toBe(message);
    // What they accept: a number as text, a whole number written as text, a template.
    expect(failure('{{reason status}} {{reason "404"}} {{padEnd code "12"}}| {{size statuses}} {{icuMessage message}}')).toBe('no error');
    expect(template({ 'main.hbs': '{{reason "404"}} {{padEnd code "12"}}|{{javaString status}}' })(model)).toBe('Not Found NOT_FOUND   |"404"');
  });

  it('helpers give exactly the escapers\' text (flattened, not changed)', () => {
    const message = 'Résumé "quoted" \\ back\u2028slash — with a {placeholder}, a `tick` and a tab\there';
    const helperCalls = languages.map((language) => `{{${language.id}String m}}{{${language.id}Comment m}}`).join('');
    const render = template({ 'main.hbs': `${helperCalls}|{{mdCell m}}|{{propertiesValue m}}` });
    const expected = languages.map((language) => language.stringLiteral(message) + language.commentText(message)).join('');
    expect(render({ m: message })).toBe(`${expected}|${markdownCell(message)}|${propertiesValue(message)}`);
  });

  it('built-in templates (precompiled with plain property reads) still fail on a missing field, naming it and its place', () => {
    const render = compileTemplate(builtinTemplatePath('json'));
    expect(() => renderText(render, { defaultLocale: 'en', locales: [{ tag: 'en' }], groups: [{ title: 'Errors', codes: [{}] }] })).toThrow(/"source" not defined in \[object Object\] - 2:42/);
  });
  it('mdTemplate, templateSpans and join: their shortcuts for plain templates and lists of text give what the general rule gives', () => {
    const render = template({ 'main.hbs': '{{#each texts}}[{{mdTemplate this ../params}}|{{#each (templateSpans this ../params)}}<{{source}}>{{/each}}]{{/each}}{{join list}}/{{join plain " "}}' });
    const texts = ['', 'Not found', '| a * b _c_ `d` <e> & #f', '- starts a list', ' edges ', 'line\nbreak', 'id {id} here', 'literal {{x}}'];
    const params = [{ name: 'id', names: {} }];
    const spans = (t: string) => (t === 'id {id} here' ? ['id ', '{id}', ' here'] : t ? [t] : []);
    const cell = (t: string) => (t === 'id {id} here' ? escapedCell([{ text: 'id ', code: false }, { text: '{id}', code: true }, { text: ' here', code: false }]) : escapedCell([{ text: t, code: false }]));
    // `plain` takes join's shortcut (text and numbers only); `list` the general rule (null is printed).
    const plain = ['a', 2, -0, 1e21, NaN, ''];
    const expected = texts.map((t) => `[${cell(t)}|${spans(t).map((s) => `<${s}>`).join('')}]`).join('') + `a, 2, null, true/${plain.map(String).join(' ')}`;
    expect(render({ texts, params, list: ['a', 2, null, true], plain })).toBe(expected);
  });
});
