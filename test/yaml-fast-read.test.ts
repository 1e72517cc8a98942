import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, LineCounter, parseAllDocuments, stringify, type ToStringOptions } from 'yaml';
import { serializeCatalog } from '../src/catalog/write.js';
import { importCommand } from '../src/commands/import.js';
import { readYamlFast } from '../src/yaml/fast-read.js';
import { fastLocator } from '../src/yaml/fast-locate.js';
import { nodeLocator, parseYaml, yamlLimits } from '../src/yaml/parse.js';
import { repoRoot, tempDir } from './helpers/cli.js';

/**
 * The fast YAML reader against the yaml library, as a differential test: on every input it either
 * gives up (undefined) or gives exactly yaml's value, and then yaml reads the text without an error
 * or a warning, so the fast path never hides a diagnostic. What errgen writes must not make it give up.
 *
 * FUZZ_RUNS sets the number of runs of each property (npm run fuzz runs many more).
 */
const runs = Number(process.env['FUZZ_RUNS'] ?? 300);
/** A property's time limit, grown with the number of runs (a loaded machine reads slower, not differently). */
const timeout = 60_000 * Math.max(1, runs / 300);

/** What parseYaml's full path accepts: one document with content, no errors or warnings; and its value. */
function yamlRead(text: string): { clean: true; value: unknown } | { clean: false } {
  try {
    const documents = parseAllDocuments(text, { uniqueKeys: true, strict: true, prettyErrors: false });
    if (!Array.isArray(documents) || documents.length !== 1) return { clean: false };
    const document = documents[0]!;
    if (document.contents === null || document.errors.length > 0 || document.warnings.length > 0) return { clean: false };
    return { clean: true, value: document.toJS({ maxAliasCount: yamlLimits.maxAliasCount }) };
  } catch {
    return { clean: false }; // too deep for yaml's stack, an alias bomb
  }
}

/** Whether the fast reader read the text; when it did, it read what yaml reads, in the same key order, and places nodes where yaml does. */
function readsAsYaml(text: string): boolean {
  const fast = readYamlFast(text, yamlLimits.maxDepth);
  if (fast === undefined) return false;
  const full = yamlRead(text);
  expect(full.clean, `yaml does not accept what the fast reader read: ${JSON.stringify(text)}`).toBe(true);
  if (!full.clean) return true;
  expect(fast.value, JSON.stringify(text)).toStrictEqual(full.value);
  expect(JSON.stringify(fast.value), JSON.stringify(text)).toBe(JSON.stringify(full.value));
  // Every node's place, on texts of a size where walking every node stays quick.
  if (text.length < 20_000) locatesAsYaml(text, fast.value);
  return true;
}

type Path = Array<string | number>;

/** Every path into a value: its nodes, and one step past each collection's end (a place that is not there). */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    value.forEach((item, i) => pathsOf(item, [...path, i], out));
    out.push([...path, value.length], [...path, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
    out.push([...path, 'no such key'], [...path, 0]);
  }
  return out;
}

/**
 * fast-locate.ts against nodeLocator on yaml's document: for every node (and a character at the
 * start, middle and end of every string) it gives yaml's place, or undefined (ask yaml). How often
 * it says undefined for a node that has a value is returned, for tests that want it never to.
 */
function locatesAsYaml(text: string, value: unknown): number {
  const fast = fastLocator(text, 'f.yaml', yamlLimits.maxDepth);
  if (text.charCodeAt(0) !== 0xfeff) expect(fast, `the reader read it, so the locator must: ${JSON.stringify(text)}`).toBeDefined();
  if (!fast) return 0;
  const lineCounter = new LineCounter();
  const document = parseAllDocuments(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false })[0] as Document;
  const full = nodeLocator(document, lineCounter, 'f.yaml', text);
  let declined = 0;
  for (const path of pathsOf(value)) {
    const at = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
    const offsets = typeof at === 'string' && at.length > 0 ? [undefined, 0, at.length >> 1, at.length - 1] : [undefined];
    for (const offset of offsets) {
      const got = fast(path, offset);
      if (got === undefined) {
        if (at !== null && at !== undefined) declined++;
        continue;
      }
      expect(got, `${JSON.stringify(path)} offset ${offset} in ${JSON.stringify(text)}`).toEqual(full(path, offset));
    }
  }
  return declined;
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(dir, file));
}

describe('readYamlFast on the YAML in this repository', () => {
  const files = ['errgen.config.yaml', ...yamlFilesUnder('data'), ...yamlFilesUnder('test/fixtures'), ...yamlFilesUnder('generated/openapi')];

  it.each(files)('%s: gives up or reads what yaml reads', (file) => {
    readsAsYaml(readFileSync(join(repoRoot, file), 'utf8'));
  });

  it("places every node of errgen's own catalog and configuration without yaml's document", () => {
    for (const file of ['data/errors.yaml', 'errgen.config.yaml']) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      expect(locatesAsYaml(text, readYamlFast(text, yamlLimits.maxDepth)!.value), file).toBe(0);
    }
  });

  it("reads errgen's own catalog and configuration without giving up", () => {
    for (const file of ['data/errors.yaml', 'errgen.config.yaml']) {
      expect(readsAsYaml(readFileSync(join(repoRoot, file), 'utf8')), file).toBe(true);
    }
  });

  it('reads the catalogs and configurations shown in the README, or gives up where yaml would complain', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) if (yamlRead(block).clean) expect(readsAsYaml(block), block).toBe(true);
  });
});

describe('readYamlFast on a catalog written by errgen import', () => {
  it('reads a big imported page without giving up', async () => {
    const dir = tempDir();
    const messages = [
      'The parameter {argument} is not supported',
      'Quotes: "double" and \'single\'',
      'Colon: here, and # hash, and key: value',
      '错误 — «api» naïve café ✓ 🚀',
      '- looks like a list',
      '? looks like a key',
      '0x1F',
      '1e3',
      'true',
      'null',
      '~',
      'yes',
      '@at the start',
      '%percent',
      'two<br>lines',
      'three<br>  indented<br>lines',
      '<br>leading break',
      'a\\|pipe',
      'trailing colon:',
      '`code` and *stars*',
    ];
    const rows = Array.from({ length: 3000 }, (_, i) => `| E_${i} | ${400 + (i % 100)} | ${messages[i % messages.length]} ${i} | ${messages[(i * 7) % messages.length]} |`);
    const markdown = join(dir, 'errors.md');
    writeFileSync(markdown, ['## Errors', '', '| Code | Status | Message | Solution |', '|-|-|-|-|', ...rows, ''].join('\n'));
    const catalog = join(dir, 'errors.yaml');
    await importCommand({ sources: [markdown], catalog, prune: false }, { out: () => {}, err: () => {} });
    const text = readFileSync(catalog, 'utf8');
    expect(text).toContain('E_2999');
    expect(readsAsYaml(text)).toBe(true);
  });
});

/** Texts the reader must read (and read as yaml does): the subset it claims. */
const supported: readonly string[] = [
  'a: 1',
  'a: 1\nb: two\n',
  'key with spaces: value\nключ: значение\n错误: 值\n"quoted key": 1\n\'single key\': 2\n',
  'a: "x\\ty\\u00e9\\U0001F600\\x41\\"\\\\\\/\\0\\a\\b\\e\\f\\n\\r\\v\\N\\_\\L\\P\\ \\\t"\n',
  "a: 'it''s'\nb: ''\nc: \"\"\nd: \"  spaced  \"\ne: '  spaced  '\n",
  'a: b # comment\nc: b#c\nd: http://x.y:8080/p?q=1#frag\ne: -x\nf: ?x\ng: :x\nh: x:y\ni: a, b [c] {d}\n',
  'a: b\tc\nd:  b  \ne: b\t\nf: b\t# comment\n',
  'a: [x, y]\nb: []\nc: {}\nd: { e: 1, f: [2, 3], "g": \'h\' }\nstatuses: [400, 409]\nsources: [error-codes.md]\nsupported: [ zh-CN ]\n',
  'a: [ -1, -x, "a, b", \'c]\', x y, http://z ]\n',
  'a: |\n  x\n  y\n',
  'a: |-\n  x\n\n  y\n',
  'a: |+\n  x\n\n\nb: 1\n',
  'a: |+\n  x',
  'a: |+\n  x\n',
  'a: |+\n  x\n\n',
  'a: |\n\n  x\n',
  'a: |\n  # not a comment\n  x\n# a comment\nb: 1\n',
  'a: |2\n    x\n  y\n',
  'a: |-2\n   x\n  y\n',
  'a: |2+\n\n    x\n\n',
  'a: |\n  x\n    more\n  \tafter a tab\n',
  'a: >\n  x\n  y\n\n  z\n',
  'a: >-\n  x\n    more\n  z\n\n\n  w\n',
  'a: >+\n  folded\n  kept\n\n',
  'a: >\n  \tx\n  y\n',
  'a: |+\n  \nb: 1\n',
  'a: |+\n\n\nb: 1\n',
  'a: |\nb: 1\n',
  'a: |-\n  x\n  ---\n  ...\n  %\n',
  '- |\n  x\n- >+\n  y\n\n- |-\n  z\n',
  '- a: |\n    x\n  b: 1\n',
  '- a\n- b\n',
  '-\n  a: 1\n- \n  b: 2\n-\n- # comment\n  c: 3\n',
  '- - a\n  - b\n- c\n',
  '- - - deep\n',
  'a:\n- b\n- c\nd: e\n',
  '- a: 1\n  b: 2\n- c: 3\n',
  '-   a: 1\n    b: 2\n',
  '- a:\n  - b\n  c: d\n',
  'a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: nULL\n',
  'a: true\nb: True\nc: TRUE\nd: false\ne: yes\nf: on\ng: tRUE\nh: False\n',
  'a: 1e3\nb: 0o17\nc: +1\nd: .5\ne: 1_000\nf: 0x1F\ng: -0\nh: 1.0\ni: .inf\nj: -.Inf\nk: .NaN\nl: 0b101\nm: 017\nn: 1.5e-3\no: 12345678901234567890\np: 0x\nq: +.5\nr: 1.\ns: -1\nt: 0o8\nu: 0X1F\nv: +.inf\nw: .nan\nx: 1e\ny: 1.5E+3\nz: +0\n',
  '1: a\ntrue: b\nnull: c\n1.5: d\n0x10: e\n.inf: f\n~x: g\n-1: h\n1e3: i\n',
  'a: 🚀 naïve café «x»\nb: x\u2028y\u2029z\nc: \u00a0nbsp\u00a0\n',
  '# c\na: 1 # c\n# c\nb:\n  # c\n  c: 2\n    # deeper comment\n  d: 3\n# c\n',
  'a:\n  b: 1\n# at column 0\n  c: 2\n',
  '\ufeffa: 1\n',
  'a: 1\r\nb:\r\n  - c\r\n',
  'a: "line one\n  line two"\n',
  'a: "line one\n\n  line two\n\n\n  three  "\nb: 1\n',
  'a: "x\\\n  y\\\n   z"\n',
  'a: "x \\\n  \\ y"\n',
  "a: 'line one\n\n  line two\n  three'\n",
  '- "multi\n  line"\n- b\n',
  '__proto__: 1\nconstructor: 2\ntoString: 3\nhasOwnProperty: 4\n',
  '[a, b]\n',
  '{a: 1, b: [c]}\n',
  '  a: 1\n  b:\n    - c\n',
  'a: \ufeffb\n',
  'a: \x7f\x85\u009f\nb: "\x85"\n',
  'a: ---\nb: ... x\nc: "---"\n',
  'a#b: 1\na[b]: 2\n-x: 3\n?x: 4\n:x: 5\n',
  `${'k'.repeat(900)}: long key\n`,
];

/** Texts the reader may give up on, but must never read differently from yaml (nor accept when yaml complains). */
const hostile: readonly string[] = [
  '',
  '\n\n',
  '# only a comment\n',
  '---\na: 1\n',
  'a: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  '%YAML 1.2\n---\na: 1\n',
  'plain scalar',
  '"quoted scalar"',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: !x y\n',
  '? a\n: b\n',
  'a: 1\na: 2\n',
  '1: a\n"1": b\n',
  'null: a\n~: b\n',
  '.nan: a\n.NaN: b\n',
  'a:\n\t- b\n',
  'a:\tb\n',
  'a: b\n  c\n',
  'a: b\n\n  c\n',
  '- a\n  b\n',
  '"a\n b": 1\n',
  'a: [b,\n c]\n',
  'a: {b: 1, b: 2}\n',
  'a: [a: b]\n',
  '[a]: 1\n',
  'a: b: c\n',
  'a: - b\n',
  'a: -\n',
  'a: ?\n',
  'a: |x\n b\n',
  'a: |0\n b\n',
  'a: |++\n b\n',
  'a: |#c\n b\n',
  'a: | #c\n  b\n',
  'a: |\n    x\n  y\n',
  'a: |\n    indented\n  less\n',
  'a: |\n      \n  x\n',
  'a: |\n  x\n      \n',
  'a: |\nx\n',
  'a: |1\n  x\n',
  'a: |\n \tx\n',
  'a: "\\q"\n',
  'a: "\\x4"\n',
  'a: "\\UFFFFFFFF"\n',
  'a: "\\uD800"\n',
  'a: "unclosed\n',
  "a: 'unclosed\n",
  'a: "x"y\n',
  'a: "x"#c\n',
  'a: "line\nb: 1"\n',
  'a: @x\n',
  'a: `x\n',
  'a: %x\n',
  'a: ,x\n',
  'a: x #\n',
  '<<: {a: 1}\nb: 2\n',
  'a: 1\rb: 2\n',
  'a: \x01\n',
  '\ufeff\ufeffa: 1\n',
  '# c\n\ufeffa: 1\n',
  '\ufeff- a\n',
  '\ufeff  a: 1\n  b: 2\n',
  'a:\n  - b\n  c: d\n',
  '- a\nb: c\n',
  'a: 1\n b: 2\n',
  ' a: 1\nb: 2\n',
  'a:\n  b: 1\n c: 2\n',
  '- k: 1\n   j: 2\n',
  'a: [ ]\nb: [,]\nc: [a,]\n',
  'a: {a}\n',
  'a: {a: }\n',
  'a: {"a":1}\n',
  'a: {a:1}\n',
  'a: [a #c]\n',
  'a: [a]]\n',
  'a: {a: 1}}\n',
  'a: [a] b\n',
  'a: "\t"\n',
  'key : value\n',
  'a:b\n',
  'a :\n',
  `${'k'.repeat(1100)}: long key\n`,
  'a: |\n  x\n\tb: 1\n',
  'a: |\n  x\n \tb\n',
  '-\ta\n',
  'a: -\tb\n',
  '- - a\n  b: 1\n',
  'a: 1 # c\n  # c\n  b\n',
];

describe('readYamlFast on hand-written edge cases', () => {
  it.each(supported.map((text) => [JSON.stringify(text), text]))('reads %s as yaml does', (_name, text) => {
    expect(readsAsYaml(text)).toBe(true);
  });

  it.each(hostile.map((text) => [JSON.stringify(text), text]))('gives up on %s or reads it as yaml does', (_name, text) => {
    readsAsYaml(text);
  });

  it('places "nested too deeply" where the limit is passed, or where yaml stopped when the fast reader refuses the text', async () => {
    const deep = readFileSync(join(repoRoot, 'test/fixtures/hostile-inputs/yaml-deep-flow-nesting/errors.yaml'), 'utf8');
    const message = /^the YAML is nested too deeply/;
    const at = async (text: string) => {
      const result = await parseYaml(text, 'x.yaml', 'catalog');
      expect(Array.isArray(result)).toBe(true);
      const [problem] = result as Array<{ message: string; at: { line: number; column: number } }>;
      expect(problem!.message).toMatch(message);
      return [problem!.at.line, problem!.at.column];
    };
    expect(await at(deep)).toEqual([1, 72]); // the 64th [ after 'groups: '
    // A form feed in a comment makes the fast reader refuse the whole text: still the same error, not a crash.
    expect((await at(`#\f\n${deep}`))[0]).toBeGreaterThanOrEqual(1);
  });

  it('reads nesting up to the depth limit and gives up past it, so the full parser reports it', () => {
    const nested = (depth: number) => `${'- '.repeat(depth - 1)}- x\n`;
    expect(readsAsYaml(nested(yamlLimits.maxDepth))).toBe(true);
    expect(readYamlFast(nested(yamlLimits.maxDepth + 1), yamlLimits.maxDepth)).toBeUndefined();
    const flow = (depth: number) => `a: ${'['.repeat(depth - 1)}x${']'.repeat(depth - 1)}\n`;
    expect(readsAsYaml(flow(yamlLimits.maxDepth))).toBe(true);
    expect(readYamlFast(flow(yamlLimits.maxDepth + 1), yamlLimits.maxDepth)).toBeUndefined();
    expect(readYamlFast('['.repeat(100_000), yamlLimits.maxDepth)).toBeUndefined();
  });
});

// Text full of what YAML treats specially.
const nasty = ['"', "'", '\\', ':', ': ', ' :', '#', ' #', '-', '- ', '?', '? ', '|', '>', '[', ']', '{', '}', ',', '&', '*', '!', '%', '@', '`', '~', '\n', '\n\n', '\r\n', '\t', ' ', '  ', '---', '...', '\u2028', '\u0085', '\u0000', '\uFEFF', '🚀', '错误', 'ü', 'null', 'true', 'True', 'yes', '1e3', '0o17', '+1', '.5', '1_000', '0x1F', '.inf', '-0', '<<'];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(300), '\n', 'a\n', '\na', ' a\nb', 'a\n  \nb', 'a\n\tb') },
);
const scalar = fc.oneof({ weight: 6, arbitrary: text }, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const key = fc.oneof(fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,10}$/), text).filter((k) => k !== '<<' && k.length < 200);
const entry = fc.record(
  {
    code: fc.oneof(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/), text),
    status: fc.oneof(fc.integer({ min: 100, max: 599 }), scalar),
    message: text,
    solution: text,
    params: fc.dictionary(key, fc.record({ type: fc.constantFrom('string', 'number'), description: text, example: scalar }, { requiredKeys: ['type'] }), { maxKeys: 3 }),
    messages: fc.dictionary(fc.constantFrom('zh-CN', 'de', 'pt-BR'), fc.record({ message: text, solution: text }, { requiredKeys: [] }), { maxKeys: 2 }),
  },
  { requiredKeys: ['code', 'status', 'message'] },
);
const catalog = fc.record(
  {
    locales: fc.record({ default: fc.constantFrom('en', 'zh-CN'), supported: fc.array(fc.constantFrom('zh-CN', 'de'), { maxLength: 2 }) }),
    groups: fc.array(fc.record({ title: text, codes: fc.array(entry, { maxLength: 4 }) }), { maxLength: 3 }),
    // No `<<` key at any depth, as in `key`: the fast reader leaves a merge key to yaml (see the cases it gives up on).
    extra: fc.jsonValue({ maxDepth: 4 }).filter((value) => !hasMergeKey(value)),
  },
  { requiredKeys: ['groups'] },
);

function hasMergeKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasMergeKey);
  return value !== null && typeof value === 'object' && Object.entries(value).some(([k, v]) => k === '<<' || hasMergeKey(v));
}

/** Other ways to write YAML that a person or another tool might use. */
const otherStyles: readonly ToStringOptions[] = [
  {},
  { indent: 4, indentSeq: false },
  { lineWidth: 30, minContentWidth: 0 },
  { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
  { defaultStringType: 'QUOTE_SINGLE' },
  { blockQuote: 'folded' },
  { blockQuote: false },
  { collectionStyle: 'flow', lineWidth: 0 },
  { flowCollectionPadding: false, doubleQuotedMinMultiLineLength: 10 },
  { singleQuote: true, indent: 3 },
];

describe('property: readYamlFast on YAML written by yaml', () => {
  it('reads every catalog errgen writes, exactly as yaml reads it', () => {
    fc.assert(
      fc.property(catalog, (value) => {
        const text = serializeCatalog(new Document(value));
        expect(readsAsYaml(text), text).toBe(true);
      }),
      { numRuns: runs },
    );
  }, timeout);

  it('reads text written in other styles as yaml does, or gives up', () => {
    let read = 0;
    let gaveUp = 0;
    fc.assert(
      fc.property(catalog, fc.constantFrom(...otherStyles), (value, options) => {
        const texts = [new Document(value).toString({ lineWidth: 0, indent: 2, indentSeq: true }), stringify(value, options)];
        for (const text of texts) {
          if (readsAsYaml(text)) read++;
          else gaveUp++;
        }
      }),
      { numRuns: runs },
    );
    // Most of it is read: giving up on everything would pass the checks above and be useless.
    expect(read).toBeGreaterThan(gaveUp);
  }, timeout);
});

describe('property: readYamlFast on text that is not quite YAML', () => {
  const alphabet = ['a', 'b', '1', '0', ' ', ' ', '  ', '\n', '\n', ':', ': ', '- ', '-', '#', ' #', '"', "'", '\\', '|', '>', '|-', '|+', '|2', '[', ']', '{', '}', ', ', ',', '\t', '.', '~', '?', '&', '*', '!', '+', 'x', 'e', 'n', '\r\n', '\ufeff', '---', '...', '%', '<<', '\\n', '\\x4', '\\u00e9'];
  const characterSoup = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(''));
  // Lines shaped like YAML: an indentation, an indicator or key, and a value.
  const lineSoup = fc
    .array(
      fc.tuple(
        fc.constantFrom('', ' ', '  ', '   ', '    ', '      '),
        fc.constantFrom('', '- ', '-', '- - ', 'a: ', 'b:', 'a:', '"k": ', "'k': ", '1: ', '? ', ': ', '# ', '- a: ', 'a b: '),
        fc.array(fc.constantFrom(...alphabet, 'x', 'yz', '|', '|-', '>+', '"a', 'b"', "'", '[a, b]', '{a: 1}'), { maxLength: 4 }).map((parts) => parts.join('')),
      ),
      { maxLength: 8 },
    )
    .map((lines) => lines.map((parts) => parts.join('')).join('\n'));
  const soup = fc.oneof(characterSoup, lineSoup);

  it('gives up on random YAML-like text, or reads it as yaml does', () => {
    let read = 0;
    fc.assert(
      fc.property(soup, (text) => {
        if (readsAsYaml(text)) read++;
      }),
      { numRuns: runs * 5 },
    );
    expect(read).toBeGreaterThan(0);
  }, timeout);

  it("gives up on small edits of errgen's catalog, or reads them as yaml does", () => {
    const base = readFileSync(join(repoRoot, 'data/errors.yaml'), 'utf8').split('\n').slice(0, 60).join('\n');
    const edit = fc.record({ at: fc.nat({ max: base.length }), remove: fc.nat({ max: 3 }), insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 3 }) });
    let read = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = base;
        for (const { at, remove, insert } of edits) text = text.slice(0, at) + insert.join('') + text.slice(at + remove);
        if (readsAsYaml(text)) read++;
      }),
      { numRuns: runs * 5 },
    );
    expect(read).toBeGreaterThan(0);
  }, timeout);
});
