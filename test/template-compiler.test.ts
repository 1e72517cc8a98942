import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileTarget } from '../scripts/template-compiler.mjs';
import { parseCatalog, readCatalog } from '../src/catalog/read.js';
import { resolveGenerateOptions } from '../src/cli/resolve-options.js';
import { resolveTargets } from '../src/config/targets.js';
import { type GenerateInput, planOutputs, type ResolvedTarget } from '../src/emit/generate.js';
import { templateHelpers } from '../src/emit/helpers.js';
import * as templateRuntime from '../src/emit/template-runtime.js';
import { compileWithHandlebars, type Render, renderText } from '../src/emit/templates.js';
import { builtinTargets } from '../src/emit/targets.js';
import { repoRoot, tempDir } from './helpers/cli.js';
import { ciSeed } from './setup-fast-check.js';
import { messagesCatalog } from './targets/messages-harness.js';

/**
 * The built-in templates are compiled to plain JavaScript at build time (scripts/template-compiler.mjs)
 * instead of running through Handlebars' runtime. They must render exactly what Handlebars renders
 * from the same .hbs files: every built-in target is rendered both ways and compared byte for byte,
 * and small templates pin down each piece of Handlebars semantics the compiler reproduces.
 */

type Model = Record<string, unknown>;

/** Renders a catalog's every output with the compiled templates and with Handlebars, as two maps. */
function bothWays(catalog: Parameters<typeof planOutputs>[0], targets: readonly ResolvedTarget[]) {
  const render = (compile?: typeof compileWithHandlebars) =>
    new Map(planOutputs(catalog, targets, compile).map((output) => [output.path, output.render()]));
  return { compiled: render(), handlebars: render(compileWithHandlebars) };
}

function allTargets(dir: string): ResolvedTarget[] {
  return resolveTargets({
    targets: Object.fromEntries(builtinTargets.map((t) => [t.name, t.name === 'java' ? { options: { package: 'dev.example' } } : {}])),
    baseDir: dir,
    outDir: join(dir, 'out'),
    only: undefined,
    confineTo: undefined,
  });
}

async function catalogInput(text: string, name: string): Promise<GenerateInput> {
  const read = await parseCatalog(text, `${name}.yaml`);
  return { catalog: read.value, source: `${name}.yaml`, locate: (path) => read.locate(path) };
}

function expectSame({ compiled, handlebars }: ReturnType<typeof bothWays>) {
  expect([...compiled.keys()]).toEqual([...handlebars.keys()]);
  for (const [path, text] of handlebars) expect(compiled.get(path), path).toBe(text);
}

describe('built-in templates compiled to JavaScript render what Handlebars renders', () => {
  it("the project's own data with its config (16 outputs, translations, options)", async () => {
    const options = await resolveGenerateOptions({ config: join(repoRoot, 'errgen.config.yaml') }, { dryRun: true, force: false });
    const read = await readCatalog(options.catalog);
    const outputs = bothWays({ catalog: read.value, source: options.source, locate: (path) => read.locate(path) }, options.targets);
    expect(outputs.compiled.size).toBeGreaterThanOrEqual(16);
    expectSame(outputs);
  });

  it('a catalog with typed parameters, translations, fallbacks and hostile text, through every target', async () => {
    const outputs = bothWays(await catalogInput(messagesCatalog, 'messages'), allTargets(tempDir()));
    expect(outputs.compiled.size).toBe(builtinTargets.length - 2 + 2 * 5); // messages-json and java-properties: one file for each of 5 locales
    expectSame(outputs);
  });

  it('random catalogs, through every target', async () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '\\', '{x}', '*/', '\u2028', '错误', '</script>', ''));
    const catalog = fc.record({
      locales: fc.constantFrom(undefined, { default: 'en', supported: ['de'] }),
      groups: fc.array(
        fc.record({
          title: text.filter((t) => t.trim() !== ''),
          codes: fc.array(
            fc.record({ status: fc.integer({ min: 100, max: 599 }), message: text, solution: text, deprecated: fc.boolean(), german: fc.option(text) }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    const dir = tempDir();
    const samples = fc.sample(catalog, { numRuns: 8, seed: ciSeed });
    for (const [n, sample] of samples.entries()) {
      let i = 0;
      const yaml = stringify({
        ...(sample.locales ? { locales: sample.locales } : {}),
        groups: sample.groups.map((g) => ({
          title: g.title,
          codes: g.codes.map((c) => ({
            code: `CODE_${n}_${i++}`,
            status: c.status,
            message: c.message,
            solution: c.solution,
            ...(c.deprecated ? { deprecated: true } : {}),
            ...(sample.locales && c.german !== null ? { messages: { de: { message: c.german } } } : {}),
          })),
        })),
      });
      expectSame(bothWays(await catalogInput(yaml, `c${n}`), allTargets(dir)));
    }
  });
});

/** A template folder rendered with the compiled code and with Handlebars; each result is its text or its error message. */
function renderBoth(files: Record<string, string>, model: unknown) {
  const dir = join(tempDir(), 'tpl');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.hbs`), text);
  const helpers = templateHelpers();
  const factory = new Function(`return ${compileTarget(files, Object.keys(helpers), 'test')}`)() as (
    h: typeof helpers,
    rt: typeof templateRuntime,
  ) => Render;
  const outcome = (render: () => string) => {
    try {
      return { text: render() };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  return {
    compiled: outcome(() => renderText(factory(helpers, templateRuntime), model as object)),
    // Handlebars' own semantics, which the compiler keeps; a user's template also gets strict arguments.
    handlebars: outcome(() => renderText(compileWithHandlebars(join(dir, 'main.hbs'), { strictArguments: false }), model as object)),
  };
}

const cases: Array<{ name: string; files: Record<string, string>; model: Model; expected: { text: string } | { error: RegExp } }> = [
  {
    name: '#each over a list: @index, @first, @last, {{else}}, this',
    files: { main: '{{#each xs}}{{@index}}{{#if @first}}<{{/if}}{{this}}{{#if @last}}>{{/if}},{{else}}none{{/each}}|{{#each ys}}y{{else}}empty{{/each}}' },
    model: { xs: ['a', 'b', 'c'], ys: [] },
    expected: { text: '0<a,1b,2c>,|empty' },
  },
  {
    name: '#each over an object (@key), a Map, a sparse list, a string and a missing value',
    files: { main: '{{#each o}}{{@key}}={{this}}/{{@index}}{{#if @last}}!{{/if}} {{/each}}|{{#each m}}{{this.[1]}}{{/each}}|{{#each sparse}}{{@index}}{{/each}}|{{#each s}}x{{else}}s{{/each}}|{{#each missing}}x{{else}}m{{/each}}' },
    model: { o: { b: 1, a: 2 }, m: new Map([['k', 'v']]), sparse: [1, , 3], s: 'abc' }, // eslint-disable-line no-sparse-arrays
    expected: { text: 'b=1/0 a=2/1! |v|02|s|m' },
  },
  {
    name: '#if and #unless: empty lists, 0 with and without includeZero, functions, {{else if}} chains',
    files: { main: '{{#if zero}}a{{else}}b{{/if}}{{#if zero includeZero=true}}c{{/if}}{{#if empty}}d{{else if one}}e{{else}}f{{/if}}{{#unless empty}}g{{/unless}}{{#if fn}}h{{/if}}{{#unless text}}i{{else}}j{{/unless}}' },
    model: { zero: 0, empty: [], one: 1, fn: () => false, text: 'x' },
    expected: { text: 'bcegj' },
  },
  {
    name: '../ reads surrounding contexts, through #if (same context) and nested #each (new ones)',
    files: { main: '{{#each groups}}{{#each codes}}{{#if ok}}{{../title}}:{{code}}@{{../../name}} {{/if}}{{/each}}{{/each}}' },
    model: { name: 'root', groups: [{ title: 'G1', codes: [{ code: 'A', ok: true }, { code: 'B', ok: false }] }, { title: 'G2', codes: [{ code: 'C', ok: 1 }] }] },
    expected: { text: 'G1:A@root G2:C@root ' },
  },
  {
    name: '@root and @../index in nested loops and in a partial',
    files: { main: '{{#each rows}}{{#each cells}}{{@../index}}.{{@index}}{{> cell}}{{/each}};{{/each}}', cell: '[{{@root.label}}{{this}}{{@../index}}]' },
    model: { label: 'L', rows: [{ cells: ['a', 'b'] }, { cells: ['c'] }] },
    expected: { text: '0.0[La0]0.1[Lb0];1.0[Lc1];' },
  },
  {
    name: '#with, and #with of an empty value runs {{else}}',
    files: { main: '{{#with a}}{{b}}{{/with}}{{#with none}}x{{else}}{{c}}{{/with}}{{#with zero}}[{{this}}]{{/with}}' },
    model: { a: { b: 'B' }, none: null, c: 'C', zero: 0 },
    expected: { text: 'BC[0]' },
  },
  {
    name: 'partials: the surrounding context, a given one, named arguments, object contexts and standalone indentation',
    files: {
      main: 'start\n  {{> block}}\n{{> inline this}}|{{> inline other}}|{{> inline tag="T"}}|{{> obj (object v=1 w=name)}}\n    {{> block x=1}}\nend\n',
      block: 'line1 {{name}}\nline2\n',
      inline: '{{name}}{{#if tag}}:{{tag}}{{/if}}',
      obj: '{{w}}{{v}}',
    },
    model: { name: 'N', other: { name: 'O' } },
    expected: { text: 'start\n  line1 N\n  line2\nN|O|N:T|N1\n    line1 N\n    line2\nend\n' },
  },
  {
    name: "an indented partial: blank lines inside are indented, the line after a final break is not, text with no final break",
    files: {
      main: '<\n  {{> gaps}}\n\t{{> open}}\n>\n',
      gaps: '\na\n\n{{name}}\n\n',
      open: 'x\ny{{!-- no final break --}}',
    },
    model: { name: '$&' },
    expected: { text: '<\n  \n  a\n  \n  $&\n  \n\tx\n\ty>\n' },
  },
  {
    name: 'whitespace control and standalone blocks',
    files: { main: 'a  {{~#each xs~}}  [{{this}}]  {{~/each~}}  b\n{{#if t}}\n  kept\n{{/if}}\n' },
    model: { xs: [1, 2], t: true },
    expected: { text: 'a[1][2]b\n  kept\n' },
  },
  {
    name: 'helpers: arguments, subexpressions, named arguments (their key order too), lookup, a function value',
    files: { main: '{{concat a "-" (concat b "+")}}|{{json (object x=1 y=a z=(eq a "A"))}}|{{lookup (lookup list 1) "n"}}|{{lookup nothing "n"}}|{{fn}}|{{json 0}}' },
    model: { a: 'A', b: 'B', list: [{ n: 1 }, { n: 2 }], fn() { return `called:${String((this as Model)['a'])}`; } },
    expected: { text: 'A-B+|{"z":true,"y":"A","x":1}|2||called:A|0' },
  },
  {
    name: 'null and undefined values print nothing; false and numbers print as text',
    files: { main: '[{{n}}][{{u}}][{{f}}][{{z}}][{{list}}]' },
    model: { n: null, u: undefined, f: false, z: 0, list: [1, 2] },
    expected: { text: '[][][false][0][1,2]' },
  },
  {
    name: 'strict mode: a missing field fails, naming it and its line:column',
    files: { main: 'ok\n  {{#each xs}}{{missing}}{{/each}}' },
    model: { xs: [{}] },
    expected: { error: /^"missing" not defined in \[object Object\] - 2:16$/ },
  },
  {
    name: 'strict mode: a missing @index outside a loop, and inherited properties read as missing',
    files: { main: '{{#if a}}{{@index}}{{/if}}' },
    model: { a: true },
    expected: { error: /^"index" not defined in \[object Object\] - 1:11$/ },
  },
  {
    name: 'strict mode does not check a helper argument or a block condition',
    files: { main: '{{#if missing}}x{{/if}}{{concat "a" missing2}}' },
    model: {},
    expected: { error: /helper "concat" expects text, got undefined/ },
  },
  {
    name: 'inverted sections: {{^each}}, {{^if}}, {{^with}}, {{^unless}}',
    files: { main: '{{^each xs}}no xs{{/each}}|{{^each ys}}no ys{{/each}}|{{^if a}}not a{{/if}}|{{^with b}}no b{{/with}}|{{^unless c}}c{{/unless}}' },
    model: { xs: [], ys: [1], a: 0, b: null, c: 1 },
    expected: { text: 'no xs||not a|no b|c' },
  },
  {
    name: "a partial starts its own ../ depths; @root inside #with; includeZero on #unless",
    files: { main: '{{#each groups}}{{> item (object g=this)}}{{/each}}|{{#with inner}}{{@root.top}}{{/with}}|{{#unless zero includeZero=true}}u{{else}}z{{/unless}}', item: '{{#each g.codes}}{{../g.name}}{{this}}{{/each}}' },
    model: { top: 'T', inner: { x: 1 }, zero: 0, groups: [{ name: 'a', codes: [1, 2] }, { name: 'b', codes: [3] }] },
    expected: { text: 'a1a2b3|T|z' },
  },
  {
    name: 'a long loop (its text set aside in pieces) keeps its order, with partials and nested loops',
    files: { main: '{{#each rows}}{{> row}}{{/each}}', row: '{{#each cells}}<{{this}}:{{@../index}}>{{/each}}{{label}}\n' },
    model: { rows: Array.from({ length: 3000 }, (_, i) => ({ label: `row ${i} ${'x'.repeat(i % 7)}`, cells: [i, 'é', i * 2] })) },
    expected: {
      text: Array.from({ length: 3000 }, (_, i) => `<${i}:${i}><é:${i}><${i * 2}:${i}>row ${i} ${'x'.repeat(i % 7)}\n`).join(''),
    },
  },
  {
    name: 'object() with no named arguments gives an empty context of its own',
    files: { main: '{{> p (object)}}{{> p (object)}}', p: '{{json this}}' },
    model: {},
    expected: { text: '{}{}' },
  },
  {
    name: 'helpers called with no value up to four, with and without named arguments',
    files: { main: '[{{concat}}][{{concat "a"}}][{{concat "a" "b" "c" "d"}}][{{eq 1 1}}][{{eq 1}}][{{eq 1 1 2}}][{{json "a" 2 3}}][{{padEnd "x" 3}}][{{json (object k=(concat "v" n))}}]' },
    model: { n: 2 },
    expected: { text: '[][a][abcd][true][false][true]["a"][x  ][{"k":"v2"}]' },
  },
  {
    name: 'an inherited property is not read',
    files: { main: '[{{#with o}}{{toString}}{{/with}}][{{o.constructor}}]' },
    model: { o: {} },
    expected: { text: '[][]' },
  },
];

describe('the template compiler keeps Handlebars semantics', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { compiled, handlebars } = renderBoth(c.files, c.model);
      if ('text' in c.expected) expect(handlebars).toEqual(c.expected);
      else expect(handlebars.error).toMatch(c.expected.error);
      expect(compiled).toEqual(handlebars);
    });
  }

  it('joins two numbers in a row as text, where Handlebars adds them (a deliberate difference)', () => {
    const { compiled, handlebars } = renderBoth({ main: '{{a}}{{b}}|{{a}}-{{b}}' }, { a: 1, b: 2 });
    expect(handlebars).toEqual({ text: '3|1-2' });
    expect(compiled).toEqual({ text: '12|1-2' });
  });

  it('calls a helper of fixed values directly, any other with its values and its options', () => {
    const given: unknown[][] = [];
    const general = (...args: unknown[]) => given.push(args);
    const options = { name: 'h', hash: {} };
    for (let count = 0; count <= 4; count++) templateRuntime.withValues(general, options)(...['a', 'b', 'c', 'd'].slice(0, count));
    expect(given).toEqual([[options], ['a', options], ['a', 'b', options], ['a', 'b', 'c', options], ['a', 'b', 'c', 'd', options]]);
    const helpers = templateHelpers();
    const padEnd = helpers['padEnd'] as Parameters<typeof templateRuntime.withValues>[0];
    const own = templateRuntime.withValues(padEnd, options);
    expect(own).toBeTypeOf('function');
    expect(own).toBe(padEnd[templateRuntime.valuesOnly]);
    expect(own('x', 3)).toBe('x  ');
    expect(padEnd('x', 3, options)).toBe('x  ');
  });

  it('fails the build on what it does not support, naming the file, line and column', () => {
    const helpers = Object.keys(templateHelpers());
    const compile = (main: string) => () => compileTarget({ main, part: '' }, helpers, 'templates/x');
    expect(compile('{{#each xs as |x|}}{{x}}{{/each}}')).toThrow(/^templates\/x\/main\.hbs:1:1: block parameters/);
    expect(compile('a\n {{nope 1}}')).toThrow(/^templates\/x\/main\.hbs:2:4: the unknown helper nope/);
    expect(compile('{{#> part}}x{{/part}}')).toThrow(/main\.hbs:1:1: a partial block/);
    expect(compile('{{> (concat "p")}}')).toThrow(/main\.hbs:1:1: a dynamic partial name/);
    expect(compile('{{> other}}')).toThrow(/the partial other, which is not a \.hbs file beside main\.hbs/);
    expect(compile('{{log "x"}}')).toThrow(/the log helper/);
    expect(compile('{{#concat a}}x{{/concat}}')).toThrow(/the block \{\{#concat\}\}/);
    expect(compile('{{#if}}x{{/if}}')).toThrow(/#if with 0 arguments/);
    expect(() => compileTarget({ main: '{{#if}}' }, helpers, 'templates/x')).toThrow(/^templates\/x\/main\.hbs: Parse error/);
  });
});
