import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair, parseDocument, type Scalar, stringify, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { writeDocumentFast } from '../src/catalog/fast-write.js';
import { groupsOf, indexEntries, mergeIntoCatalog } from '../src/catalog/merge.js';
import { mergeTranslations } from '../src/catalog/merge-translations.js';
import { isPlainAsIs } from '../src/catalog/scalar-style.js';
import { catalogStyle, newCatalogDocument, serializeCatalog, serializeCatalogWithYaml } from '../src/catalog/write.js';
import { type CatalogStyle, paddedFlow } from '../src/catalog/yaml-hand-off.js';
import type { ImportedRow, ImportedTable } from '../src/markdown/error-tables.js';

/**
 * The fast catalog writer against the reference, yaml's own stringifier (serializeCatalogWithYaml):
 * the text must be the same, byte for byte, for hand-written hard cases, for the project's catalog,
 * for merged documents, and for random catalog-like documents full of hostile strings and comments.
 * Each side writes its own copy of the document, as both mark multi-line strings for double quotes.
 *
 * FUZZ_RUNS sets the number of random documents (npm run fuzz runs many more).
 */
const runs = Number(process.env['FUZZ_RUNS'] ?? 200);

/** Both writers on separate copies; `fast` is undefined when the fast writer left the document to yaml. */
function bothWriters(document: Document, style: CatalogStyle = paddedFlow): { reference: string; fast: string | undefined } {
  const reference = serializeCatalogWithYaml(document.clone(), style);
  return { reference, fast: writeDocumentFast(document.clone(), style) };
}

const unpaddedFlow: CatalogStyle = { flowCollectionPadding: false };

function expectSameText(document: Document): void {
  const { reference, fast } = bothWriters(document);
  expect(fast).toBe(reference);
}

const parse = (text: string) => parseDocument(text, { uniqueKeys: true, strict: true });

describe('isPlainAsIs', () => {
  it('accepts words and sentences yaml writes plain', () => {
    for (const s of ['A', 'NOT_FOUND', 'The api does not exist — «api» 名称无效', 'Use a:b or a#b', 'Über 🚀', '_x', 'Retry (later), please.', "it's", 'say "hi"']) {
      expect(isPlainAsIs(s), s).toBe(true);
      expect(stringify(s, { lineWidth: 0 })).toBe(`${s}\n`);
    }
  });

  it('refuses what yaml quotes or writes as a block, and what would read back as another type', () => {
    for (const s of ['', ' a', 'a ', 'a:', 'a: b', 'a #b', 'true', 'False', 'NULL', 'null', '1e3', '0x1F', '~', '- x', '? x', '@x', '`x', 'a\nb', 'a\tb', 'a\u0007', 'a\ud800', 'a\u2028%', 'a\u2029---', '---', '...x', '%x', "'a'", '"a"', '.inf', 'yes', 'No', 'ON', 'off', 'y']) {
      expect(isPlainAsIs(s), JSON.stringify(s)).toBe(false);
    }
  });

  it('is never wrong: a string it accepts is written by yaml exactly as it is', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        if (isPlainAsIs(s)) {
          expect(stringify(s, { lineWidth: 0 })).toBe(`${s}\n`);
          expect(stringify({ [s]: 1 }, { lineWidth: 0 })).toBe(`${s}: 1\n`);
          expect(stringify({ a: [{ [s]: s }] }, { lineWidth: 0, indentSeq: true })).toBe(`a:\n  - ${s}: ${s}\n`);
        }
      }),
      { numRuns: runs * 5 },
    );
  });
});

describe('the fast catalog writer', () => {
  it('writes the project catalog (flow mappings, comments, blank lines) as yaml does', () => {
    const document = parse(readFileSync(new URL('../data/errors.yaml', import.meta.url), 'utf8'));
    const { reference, fast } = bothWriters(document);
    expect(fast).toBe(reference);
  });

  it('writes hand-written hard cases as yaml does, and through its own path', () => {
    for (const text of hardCases) {
      const { reference, fast } = bothWriters(parse(text));
      expect(fast, text).toBe(reference);
      // Flow collections without padding, `[de]`, as a catalog written that way keeps them.
      const unpadded = bothWriters(parse(text), unpaddedFlow);
      expect(unpadded.fast, text).toBe(unpadded.reference);
    }
  });

  it('takes the flow style most of a catalog is written in', () => {
    const styleOf = (text: string) => catalogStyle(parseDocument(text), text);
    expect(catalogStyle(undefined, undefined)).toEqual(paddedFlow);
    expect(styleOf('locales:\n  supported: [de]\nx:\n  - code: A\n    names: {go: CodeA}\n    aliases: []\n')).toEqual(unpaddedFlow);
    expect(styleOf('locales:\n  supported: [ de ]\nnames: { go: CodeA }\nother: [de]\n')).toEqual(paddedFlow);
    expect(styleOf('groups:\n  - title: T\n    codes: []\n')).toEqual(paddedFlow);
    // Text that only looks like flow collections is not counted: a quoted message, a block scalar.
    expect(styleOf('a: [ x ]\nm: "see: [y] and - {z}"\nb: |\n  k: [w]\n  - [v]\n')).toEqual(paddedFlow);
    expect(styleOf('a: [x]\nm: "see: [ y ]"\n')).toEqual(unpaddedFlow);
  });

  it('keeps yaml\'s blank lines and comments after text ending in kept line breaks (`|+`)', () => {
    const kept = (document: Document) => {
      for (const node of nodesOf(document)) if (isScalar(node) && node.value === 'keep\n\n') node.type = 'BLOCK_LITERAL';
      return document;
    };
    const afterPair = kept(new Document({ a: 'keep\n\n', b: 'x', c: 'y' }));
    const [, b, c] = (afterPair.contents as YAMLMap<Scalar, unknown>).items.map((pair) => pair.key);
    Object.assign(b as Scalar, { spaceBefore: true, commentBefore: '\n after keep' });
    Object.assign(c as Scalar, { spaceBefore: true });
    const inSequence = kept(new Document({ list: ['keep\n\n', 'next', { m: 'keep\n\n' }, 'last'] }));
    for (const item of (inSequence.get('list') as YAMLSeq<Scalar>).items) item.spaceBefore = true;
    const atEnd = kept(new Document({ a: 'keep\n\n' }));
    atEnd.comment = '\n end';
    for (const document of [afterPair, inSequence, atEnd]) {
      const { reference, fast } = bothWriters(document);
      expect(fast).toBe(reference);
    }
  });

  it('leaves anchors, aliases, tags and complex keys to yaml', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '? [a, b]\n: c\n', 'a: !custom x\n', '? |\n  a\n: b\n']) {
      const document = parse(text);
      expect(writeDocumentFast(document.clone()), text).toBeUndefined();
      if (document.errors.length === 0) expect(serializeCatalog(document.clone())).toBe(serializeCatalogWithYaml(document.clone()));
    }
  });

  it('writes a fresh import and an edited catalog as yaml does', async () => {
    const fresh = await newCatalogDocument('errors.yaml');
    mergeIntoCatalog(fresh, [table('Errors', hostileRows), table('More', [row('B', 'x', 'y', [['Owner', 'team: a']])])], everyRowInScope);
    expectSameText(fresh);

    // An edited catalog: fields set on entries that lacked them are plain values, not nodes.
    const edited = parse(
      '# head\n\ngroups:\n  - title: Errors\n    codes:\n      # a comment\n      - code: A\n        status: 400\n        message: old\n\n      - code: B\n        status: 404\n        message: kept # trailing\n        solution: s\n',
    );
    mergeIntoCatalog(edited, [table('Errors', [row('A', 'new\n \nlines', 'raw\n \nvalue', [['Extra', 'true']]), row('C', '1e3', '- x')])], everyRowInScope);
    expectSameText(edited);
    expect(writeDocumentFast(edited.clone())).toBeDefined();
  });

  it('quotes every string a YAML 1.1 reader (PyYAML, Go yaml.v2) would read as a boolean, number or date', async () => {
    const ambiguous = ['yes', 'No', 'on', 'OFF', 'y', '2024-01-05', '1:20', '1_000', '0b101', '<<', '='];
    const rows = ambiguous.map((text, i) => row(`C${i}`, text, text, [[text, text]]));
    const fresh = await newCatalogDocument('errors.yaml');
    mergeIntoCatalog(fresh, [table('Errors', rows)], everyRowInScope);
    // An edited catalog: a hand-written plain `yes`, and values set on an entry (nodes, not records).
    const edited = parse('groups:\n  - title: Errors\n    codes:\n      - code: A\n        status: 400\n        message: old\n        description: yes\n');
    mergeIntoCatalog(edited, [table('Errors', [row('A', 'Off', 'n', [['Retryable', 'yes'], ['On', 'x']])])], everyRowInScope);
    for (const document of [fresh, edited]) {
      const { reference, fast } = bothWriters(document);
      expect(fast).toBe(reference);
      const strings = (node: unknown): unknown => (node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strings(v)])) : node);
      const asYaml12 = strings(parseDocument(reference).toJS());
      expect(strings(parseDocument(reference, { version: '1.1' }).toJS())).toEqual(asYaml12);
      expect(reference).not.toMatch(/: (?:yes|No|Off|n|On)$/m);
    }
    expect(serializeCatalog(edited)).toContain('        message: "Off"\n        description: "yes"\n        solution: "n"\n        fields:\n          Retryable: "yes"\n          "On": x\n');
  });

  it('writes what PyYAML, a YAML 1.1 reader, reads back as the same strings, and quotes nothing it would not misread', async () => {
    // Candidates yaml writes plain under YAML 1.2's core schema: the ones a 1.1 reader may misread.
    const candidates = [...new Set([
      'yes', 'No', 'on', 'OFF', 'y', 'n', 'Y', 'true', '~', '<<', '=', '2024-01-05', '2024-1-5', '2024-01-05 10:00:00.', '2024-01-05T10:00:00Z',
      '1:20', '0:20', '1_000', '0b101', '012', '1.5', '.5', '-.5', '.', 'E1001', 'e12345', 'E404', 'E3', '1e3', '0x1F', '0o17', '.inf', '-.NaN',
      'NOT_FOUND', 'Retry later', 'v2', '2FA', '+1', '-1', '1-2', '12:30:45', '1.2.3', '3.', '1,000',
      ...fc.sample(fc.array(fc.constantFrom(...pieces.filter((p) => !/[\n\r\u2028\u2029\u0085]/.test(p))), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')), { numRuns: 400, seed: 11 }),
    ])].filter((text) => text !== '' && !/^["']/.test(stringify(text, { lineWidth: 0 })));
    const pyyaml = spawnSync('python3', ['-c', [
      'import json, sys, yaml',
      // Whether PyYAML reads each text, written plain as a value, as that very string.
      'def itself(text):',
      '    try:',
      '        value = yaml.safe_load("k: " + text)["k"]',
      '    except yaml.YAMLError:',
      '        return False',
      '    return isinstance(value, str) and value == text',
      'print(json.dumps([itself(text) for text in json.load(sys.stdin)]))',
    ].join('\n')], { input: JSON.stringify(candidates), encoding: 'utf8' });
    expect(pyyaml.stderr).toBe('');
    const readPlainAsItself = JSON.parse(pyyaml.stdout) as boolean[];
    expect(readPlainAsItself).toHaveLength(candidates.length);

    const document = await newCatalogDocument('errors.yaml');
    mergeIntoCatalog(document, [table('Errors', candidates.map((text, i) => row(`C${i}`, text, text, [[`F${i}`, text]])))], everyRowInScope);
    const text = serializeCatalog(document.clone());
    expect(text).toBe(serializeCatalogWithYaml(document.clone()));
    const loaded = spawnSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin), default=repr))'], { input: text, encoding: 'utf8' });
    expect(loaded.stderr).toBe('');
    const codes = (JSON.parse(loaded.stdout) as { groups: Array<{ codes: Array<{ message: unknown; solution: unknown; fields: Record<string, unknown> }> }> }).groups[0]!.codes;
    const messageLine = new Map(text.split('\n').filter((line) => line.startsWith('        message: ')).map((line, i) => [i, line.slice('        message: '.length)]));
    candidates.forEach((candidate, i) => {
      const code = codes[i]!;
      expect([code.message, code.solution, code.fields[`F${i}`]], candidate).toEqual([candidate, candidate, candidate]);
      // Quoted only where PyYAML would misread it plain (E1001 stays E1001) or cannot read it (a tab),
      // or Go's yaml.v2 would: it reads the one-letter booleans of YAML 1.1 (y, n), PyYAML does not.
      const misread = !readPlainAsItself[i] || candidate.includes('\t') || /^[yYnN]$/.test(candidate);
      expect(messageLine.get(i), candidate).toBe(misread ? JSON.stringify(candidate) : candidate);
    });
  });

  it('adds new entries as records that become the nodes document.createNode makes when a merge needs them', async () => {
    const fresh = await newCatalogDocument('errors.yaml');
    const rows = [...hostileRows, row('N', 'n', 's', [['Owner', 'x'], ['2024', 'y'], ['Owner', 'z']])];
    mergeIntoCatalog(fresh, [table('Errors', rows)], everyRowInScope);
    const entries = rows.map(({ code, status, message, solution, extra }) => ({ code, status, message, solution, ...(extra.length > 0 ? { fields: Object.fromEntries(extra) } : {}) }));
    const codes = fresh.getIn(['groups', 0, 'codes'], true) as YAMLSeq;
    expect(codes.items).toEqual(entries);
    const written = serializeCatalog(fresh);
    indexEntries(groupsOf(fresh));
    expect(shape(codes)).toEqual(shape(fresh.createNode(entries)));
    expect(serializeCatalog(fresh)).toBe(written);
  });

  it('translates entries added in the same import: the translation merge sees them as nodes', async () => {
    const document = await newCatalogDocument('errors.yaml');
    mergeIntoCatalog(document, [table('Errors', [row('A', 'Bad thing', 'Retry'), row('B', 'Missing', 'Look')])], everyRowInScope);
    const summary = mergeTranslations(document, [{ code: 'A', message: '坏', solution: '重试', status: undefined, at, cells: {} }], { locale: 'zh-CN', defaultLocale: 'en', prune: false });
    expect(summary.added).toBe(1);
    expect(summary.notInCatalog).toBe(0);
    const text = serializeCatalog(document.clone());
    expect(text).toContain('      - code: A\n        status: 400\n        message: Bad thing\n        solution: Retry\n        messages:\n          zh-CN:\n            message: 坏\n');
    expect(text).toBe(serializeCatalogWithYaml(document.clone()));
  });

  it('writes new entries\' records as yaml writes their nodes, between entries with comments', async () => {
    const document = parse('groups:\n  - title: Errors\n    codes:\n      # first\n      - code: A # a\n        status: 400\n\n      # last\n      - code: Z\n        status: 400\n');
    mergeIntoCatalog(document, [table('Errors', [row('A', 'a', 'b'), ...hostileRows, row('K2', 'kept\n\n', 'x', [['Extra', 'kept\n\n']]), row('Z', 'z', 'z')])], everyRowInScope);
    // Records as createNode takes them: empty ones are `{}`, undefined values are left out.
    (document.getIn(['groups', 0, 'codes'], true) as YAMLSeq).items.push({ code: 'E', fields: {}, more: { a: undefined }, skip: undefined, n: null, yes: true }, {});
    const { reference, fast } = bothWriters(document);
    expect(fast).toBe(reference);
  });

  it('writes random catalog-like documents with hostile strings and comments as yaml does', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(catalogValue, decorations, fc.boolean(), (value, marks, padded) => {
        const document = new Document(value);
        decorate(document, marks);
        const built = bothWriters(document, padded ? paddedFlow : unpaddedFlow);
        expect(built.fast ?? built.reference).toBe(built.reference);
        if (built.fast !== undefined) fastRuns++;
        // The same text read back: scalars now carry their source style, comments sit where the parser put them.
        const reread = parse(built.reference);
        if (reread.errors.length > 0) return;
        const again = bothWriters(reread, padded ? paddedFlow : unpaddedFlow);
        expect(again.fast ?? again.reference).toBe(again.reference);
      }),
      { numRuns: runs },
    );
    // Most documents must have gone through the fast path, or this proved little.
    expect(fastRuns).toBeGreaterThan(runs / 2);
  });
});

const hardCases = [
  'a: 1\n',
  '# before\n\n# more before\na: 1 # after a\n\n# before b\nb: [ x, y ] # flow\nc: { k: v, l: [1, 2] }\n# end of map\n\n# document end\n',
  'a: |\n  keep\n\n\nb: x\n',
  'a: |+\n  keep\n\n# after keep\nb: x\n',
  'list:\n  - |+\n    keep\n\n  - next\n  - |-\n    strip\n  - >\n    folded\n    text\n',
  'a: "double"\nb: \'single\'\nc: "with \\t tab"\nd: "line\\nbreak"\ne: \'it\'\'s\'\n',
  'n: [0x1F, 0o17, 1e3, 1.50, .inf, -.inf, .nan, -0, 042, +12, 1_000]\nm:\n  - 0x1F\n  - 1.50\n  - 1e3\n  - -0\n  - .nan\n',
  'nulls: [~, null, Null, ""]\nt: ~\nu: null\nv:\nw: NULL\nb: [true, True, FALSE]\nx: True\n',
  'empty: {}\nlist: []\nnested:\n  - {}\n  - []\n  -\n',
  'nulls:\n  - # an empty item with a comment\n  - x\n  -\n  # before\n  - ~ # tilde\nk: # on a null value\nm: {} # empty\nn: []\n  # after an empty list\n',
  'plain: multi\n  line plain\nfolded: >-\n  a\n  b\n',
  'marker: "---"\nm2: "--- x"\nm3: "a\\n---\\nb"\nm4: "a\\n...\\n"\n',
  '%YAML 1.2\n---\na: 1\n',
  '---\na: 1\n...\n',
  '---\n# c\na: 1\n... # end\n',
  'seq:\n  # first\n  - a # a\n\n  - b\n  # last\n',
  'key with spaces: v\n"quoted: key": v\n\'#\': v\n"": empty key\n"multi\\nline key": v\n',
  'a:\n  # before value\n  b: 1\nc: # on key\n  d: 2\ne:\n\n  f: 3\n',
  'a: "  \\n  "\nb: "x\\n \\ny"\nc: " \\t\\n"\n',
  'ctrl: "\\x07bell \\u0000 \\e esc \\x7f"\nnel: "a\\x85b"\nls: "a\\u2028b"\nemoji: "🚀 ok"\nnbsp: "a\\u00a0b"\n',
  'long: ' + 'x'.repeat(3000) + '\n',
  'block: |\n  line1\n    indented\n  line3\n',
  'lead: |2\n    leading spaces\n  x\n',
  '"a\\u2028%": "b\\u2029---"\nk:\n  "c\\u2028...": d\n',
  'trail: "trailing\\n\\n"\ntrail2: "only\\n"\nspaces: "x  "\n',
  // Plain strings a YAML 1.1 reader reads as other types: both writers quote them.
  'y11: [yes, No, on, 2024-01-05, 1:20, 1_000, "="]\nk: yes\nOff: 1\nlist:\n  - n\n  - OFF\n  - <<\n',
];

// Strings and comments put together from the pieces yaml's quoting rules are about.
const pieces = [
  '', ' ', '  ', '\t', '\n', '\n\n', ' \n', '\n ', ':', ': ', ' #', '#', '-', '- ', '?', '? ', '@', '`', '"', "'", '|', '>', '%', '&', '*', '!',
  '[', ']', '{', '}', ',', '---', '...', 'true', 'True', 'null', 'NULL', '~', '0x1F', '1e3', '0o17', '.inf', '.nan', '-1', '+1', '1.5', '042', 'yes', '<<',
  'No', 'off', 'Y', '2024-01-05', '1:20', '1_000', '=',
  'é', '错误', '🚀', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\uFEFF', '\ud800', '\r', '\\', '{x}', 'a', 'word', 'The api',
];
const hostileString = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9_ ,.()'"-]{0,30}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('code', 'status', 'message', 'solution', 'zh-CN', 'Owner', 'x-y') }, { weight: 1, arbitrary: hostileString });
const scalar = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, -0, 0.5, 1e21) },
);
const entry = fc.record(
  {
    code: hostileString,
    status: fc.oneof(fc.integer({ min: 100, max: 599 }), hostileString),
    message: hostileString,
    solution: hostileString,
    fields: fc.dictionary(key, hostileString, { maxKeys: 3 }),
    aliases: fc.array(hostileString, { maxLength: 3 }),
    deprecated: fc.oneof(fc.boolean(), fc.record({ since: hostileString, reason: hostileString })),
    extra: fc.dictionary(key, scalar, { maxKeys: 2 }),
  },
  { requiredKeys: ['code', 'status', 'message', 'solution'] },
);
const catalogValue = fc.record(
  {
    locales: fc.record({ default: hostileString, supported: fc.array(hostileString, { maxLength: 2 }) }),
    groups: fc.array(fc.record({ title: hostileString, columns: fc.array(key, { maxLength: 4 }), codes: fc.array(entry, { maxLength: 4 }) }, { requiredKeys: ['title', 'codes'] }), {
      maxLength: 3,
    }),
  },
  { requiredKeys: ['groups'] },
);

/** Comments, blank lines and flow style put on nodes picked by index, so fast-check can shrink them. */
interface Mark {
  readonly at: number;
  readonly kind: 'comment' | 'commentBefore' | 'spaceBefore' | 'flow' | 'raw' | 'record' | 'docComment' | 'docCommentBefore';
  readonly text: string;
}
const commentText = fc.oneof(fc.constantFrom(' note', 'note', ' two\n lines', '', ' ', '\n', ' a # b', ' trailing '), hostileString.filter((s) => !/[\r\n\u2028\u2029\u0085]/.test(s)));
const decorations = fc.array(
  fc.record({ at: fc.nat(), kind: fc.constantFrom<Mark['kind']>('comment', 'commentBefore', 'spaceBefore', 'flow', 'raw', 'record', 'docComment', 'docCommentBefore'), text: commentText }),
  { maxLength: 6 },
);

/** Every node of a document (keys too), and every pair. */
function nodesOf(document: Document, pairs: Pair[] = []): Node[] {
  const nodes: Node[] = [];
  visit(document, (_key, node) => {
    if (isNode(node)) nodes.push(node);
    else if (isPair(node)) {
      pairs.push(node);
      if (isNode(node.key)) nodes.push(node.key);
    }
  });
  return nodes;
}

function decorate(document: Document, marks: readonly Mark[]): void {
  const pairs: Pair[] = [];
  const nodes = nodesOf(document, pairs);
  for (const mark of marks) {
    if (mark.kind === 'docComment') document.comment = mark.text;
    else if (mark.kind === 'docCommentBefore') document.commentBefore = mark.text;
    else if (mark.kind === 'record') {
      // A new entry as merge.ts adds it: a plain record among the nodes of a sequence.
      const seqs = nodes.filter((node): node is YAMLSeq => isSeq(node) && node.items.some(isMap));
      const seq = seqs[mark.at % Math.max(1, seqs.length)];
      const i = seq?.items.findIndex(isMap) ?? -1;
      if (seq && i >= 0) seq.items[i] = (seq.items[i] as YAMLMap).toJS(document);
    } else if (mark.kind === 'raw') {
      // A value set with map.set(key, value) is a plain value, not a node, until it is written.
      const pair = pairs[mark.at % Math.max(1, pairs.length)];
      if (pair && isScalar(pair.value)) pair.value = pair.value.value;
    } else {
      const node = nodes[mark.at % nodes.length] as Node;
      if (mark.kind === 'spaceBefore') node.spaceBefore = true;
      else if (mark.kind === 'flow') {
        if ('flow' in node) (node as { flow: boolean }).flow = true;
      } else node[mark.kind] = mark.text;
    }
  }
}

/** A node tree as plain data: class, style and value of every node, to compare trees built two ways. */
function shape(node: unknown): unknown {
  if (isPair(node)) return { pair: [shape(node.key), shape(node.value)] };
  if (!isNode(node)) return { raw: node };
  const { anchor, comment, commentBefore, spaceBefore, tag } = node;
  const common = { class: node.constructor.name, anchor, comment, commentBefore, spaceBefore, tag };
  if (isScalar(node)) return { ...common, value: node.value, type: node.type, format: node.format };
  if (isMap(node) || isSeq(node)) return { ...common, flow: node.flow, items: node.items.map(shape) };
  return common;
}

const at = { file: 'errors.md', line: 1, column: 1 };
const everyRowInScope = { prune: false, inScope: () => true };

function row(code: string, message: string, solution: string, extra: Array<[string, string]> = []): ImportedRow {
  return { code, status: 400, message, solution, extra, at, cells: {} };
}

function table(title: string, rows: ImportedRow[]): ImportedTable {
  const extras = rows.flatMap((r) => r.extra.map(([header]) => header));
  const columns = [{ field: 'code' }, { field: 'status' }, { field: 'message' }, { field: 'solution' }, ...[...new Set(extras)].map((extra) => ({ extra }))];
  return { title, titled: true, at, columns: columns as ImportedTable['columns'], rows };
}

const hostileRows = [
  row('A', 'plain text', 'Please retry'),
  row('B', ' leading space', 'trailing space '),
  row('C', 'colon: inside', 'hash #inside'),
  row('D', 'true', '0x1F'),
  row('E', 'two\nlines', 'blank\n \nline'),
  row('F', '"quoted"', "'single'"),
  row('G', '- dash', '? question'),
  row('H', '@at', '`tick'),
  row('I', 'tab\there', 'bell\u0007'),
  row('J', '🚀 emoji', '错误 {name}', [['Owner', '---'], ['Since', '1.50']]),
  row('K', '', '~'),
];
