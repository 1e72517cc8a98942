import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import { mergeIntoCatalog } from '../src/catalog/merge.js';
import { localeTagsOf, mergeTranslations } from '../src/catalog/merge-translations.js';
import { markOutdatedTranslations } from '../src/catalog/outdated-translations.js';
import { parseCatalog } from '../src/catalog/read.js';
import { recordsDocument } from '../src/catalog/records-document.js';
import { serializeCatalog } from '../src/catalog/write.js';
import { defaultHeaderSynonyms } from '../src/markdown/columns.js';
import { extractErrorTables } from '../src/markdown/error-tables.js';
import { readTables } from '../src/markdown/read-tables.js';
import { extractTranslatedRows } from '../src/markdown/translation-tables.js';
import { spellingOf } from '../src/messages/locales.js';

/**
 * A re-import merges into a plain catalog (one errgen wrote) as records (records-document.ts)
 * instead of yaml's parsed document. Differential: the same merges, on the same inputs, through
 * both documents must give the same text, summaries and warnings.
 *
 * FUZZ_RUNS sets the number of runs (npm run fuzz runs many more).
 */
const runs = Number(process.env['FUZZ_RUNS'] ?? 60);

const file = 'errors.yaml';
const schemaLine = ' yaml-language-server: $schema=https://unpkg.com/errgen@0/schemas/catalog.schema.json';

/** A catalog as errgen writes it. */
function plainCatalog(value: object, comment = true): string {
  const document = new Document(value);
  if (comment) document.commentBefore = schemaLine;
  return serializeCatalog(document);
}

interface Inputs {
  readonly page?: string;
  readonly translations?: ReadonlyArray<{ readonly locale: string; readonly page: string }>;
  readonly prune?: boolean;
}

/** Everything one import's merges give, from the document `documentOf` makes of the catalog. */
async function merged(catalogText: string, inputs: Inputs, documentOf: (read: Awaited<ReturnType<typeof parseCatalog>>) => Document) {
  const read = await parseCatalog(catalogText, file);
  const document = documentOf(read);
  const prune = inputs.prune ?? false;
  const tables = inputs.page === undefined ? undefined : extractErrorTables(await readTables(inputs.page, 'errors.md'), 'errors.md', defaultHeaderSynonyms, 'errors').tables;
  // Codes starting with Z were last imported from another page: out of this import's scope.
  const summary = tables && mergeIntoCatalog(document, tables, { prune, inScope: (code) => !code.startsWith('Z') });
  const translations = inputs.translations ?? [];
  const tags = translations.length > 0 ? localeTagsOf(document) : [];
  const translated = [];
  for (const t of translations) {
    const rows = extractTranslatedRows(await readTables(t.page, `${t.locale}.md`), `${t.locale}.md`, defaultHeaderSynonyms).rows;
    translated.push(mergeTranslations(document, rows, { locale: spellingOf(t.locale, tags), defaultLocale: 'en', prune }));
  }
  const rewritten = new Map(translated.flatMap((t) => [...t.rewritten]));
  const outdated = markOutdatedTranslations(summary?.retexted ?? [], rewritten, 'en');
  // Always written, edited or not: both documents must also write the catalog back unchanged.
  // The two documents' nodes differ in what yaml keeps of the text: compare the values they hold.
  return {
    text: serializeCatalog(document),
    summary: summary && { ...summary, retexted: summary.retexted.map((r) => ({ ...r, node: r.node.toJSON() as unknown })) },
    tags,
    translated: translated.map((t) => ({ ...t, rewritten: [...t.rewritten].map(([node, fields]) => [node.toJSON() as unknown, [...fields]]) })),
    outdated,
  };
}

async function expectSameMerges(catalogText: string, inputs: Inputs): Promise<Awaited<ReturnType<typeof merged>>> {
  const parsed = await merged(catalogText, inputs, (read) => read.document);
  const records = await merged(catalogText, inputs, (read) => {
    const document = recordsDocument(read.value, catalogText);
    expect(document, 'a plain catalog is merged into as records').toBeDefined();
    return document as Document;
  });
  expect(records).toEqual(parsed);
  return records;
}

const table = (title: string, rows: ReadonlyArray<readonly string[]>, header = ['Code', 'Status', 'Message', 'Solution']) =>
  [`## ${title}`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '-').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join('\n');

const handWritten = {
  locales: { default: 'en', supported: ['de', 'fr'] },
  groups: [
    {
      title: 'Accounts',
      description: 'Everything about accounts.\nTwo lines.',
      codes: [
        { code: 'A', status: 404, message: 'Account {id} not found', solution: 'Check the id', fields: { Owner: 'payments' }, messages: { de: { message: 'Konto {id} fehlt', solution: 'Prüfen', reviewed: true } } },
        { code: 'B', status: 400, message: 'true', solution: '404', messages: { de: { message: 'Falsch' }, fr: { message: 'Faux', solution: 'Vérifier' } } },
        { code: 'C', status: 409, message: 'line one\nline two', solution: 'has "quotes"', grpc: 'ABORTED' },
        { code: 'D', status: 500, message: 'a: b', solution: ' leading space', removed: true },
        { code: 'E', status: 503, message: 'blank\n  \nline', solution: "it's", removed: { since: '2.0' } },
        { code: 'A', status: 410, message: 'Second A', solution: '' },
        { code: 'ZED', status: 418, message: 'Another page owns me', solution: 'x' },
      ],
    },
    { title: 'true', columns: ['message', 'code', 'status', 'solution', 'Owner'], codes: [{ code: 'T', status: 401, message: '- dash', solution: '#hash', fields: { Owner: 'auth' } }] },
    { title: 'Empty', codes: [] },
  ],
};

describe('re-import: merging into records gives what merging into the parsed document gives', () => {
  const catalog = plainCatalog(handWritten);

  it('accepts only catalogs whose records write them back byte for byte', async () => {
    expect(recordsDocument((await parseCatalog(catalog, file)).value, catalog)).toBeDefined();
    for (const text of [plainCatalog(handWritten, false), catalog.replace('# yaml', '# Ours.\n# yaml')]) {
      expect(recordsDocument((await parseCatalog(text, file)).value, text)).toBeDefined();
    }
    const refused = [
      catalog.replace('      - code: B\n', '      # hand-written\n      - code: B\n'),
      catalog.replace('      - code: B\n', '\n      - code: B\n'),
      catalog.replace('solution: Check the id', "solution: 'Check the id'"),
      catalog.replace('message: "true"', "message: 'true'"),
      catalog.replace('status: 404', 'status: 0x194'),
      catalog.replace('removed: true', 'removed: True'),
      catalog.replace('  supported:\n    - de\n    - fr\n', '  supported: [de, fr]\n'),
      catalog.replace('        grpc: ABORTED\n', '        grpc: ABORTED\n        aliases:\n          - OLD_C\n'),
      catalog.replace('\n\nlocales:', '\nlocales:'), // a comment on the mapping, not the document
    ];
    for (const text of refused) {
      expect(text, text).not.toBe(catalog);
      expect(recordsDocument((await parseCatalog(text, file)).value, text), text).toBeUndefined();
    }
  });

  it('changes, adds, moves, keeps and prunes entries the same way', async () => {
    const page =
      table('Accounts', [
        ['NEW', '400', 'Brand new', 'Do it'],
        ['A', '404', 'Account {id} not found', 'Check the id'],
        ['C', '409', 'now one line', 'has "quotes"'],
        ['B', '400', 'now plain', '404'],
        ['A', '411', 'Second A', ''],
      ]) +
      '\n' +
      table('Renamed', [['T', '401', '- dash', '#hash', 'identity']], ['Code', 'Status', 'Message', 'Solution', 'Owner']) +
      '\n' +
      table('Empty', [['F', '402', 'First of its group', 'Pay']]);
    for (const prune of [false, true]) {
      const result = await expectSameMerges(catalog, { page, prune });
      expect(result.summary).toMatchObject({ added: 2, changed: 4, unchanged: 1, pruned: prune, edited: true });
      expect(result.text).toContain('message: "now plain"'); // B's message keeps its double quotes, as the parsed node does
      expect(result.text).toContain('Owner: identity'); // T changed in an extra column only
      expect(result.text).toMatch(/\n {4}codes:\n {6}- code: F\n/); // an empty `codes: []` takes its first entry as a block, as other groups hold theirs
    }
  });

  it('writes nothing new when nothing changed, and keeps a hand-written template', async () => {
    const page = table('Accounts', [
      ['A', '404', 'Account id not found', 'Check the id'],
      ['B', '400', 'true', '404'],
      ['A', '410', 'Second A', ''],
    ]);
    const result = await expectSameMerges(catalog, { page });
    expect(result.summary).toMatchObject({ changed: 0, unchanged: 3, edited: false });
  });

  it('merges translations, adds locales and prunes them the same way', async () => {
    const de = table('Konten', [
      ['A', '404', 'Konto {id} fehlt noch', 'Prüfen'],
      ['B', '401', 'Falsch', ''],
      ['C', '409', 'Neu', 'Lösung'],
      ['NOPE', '400', 'Nicht da', ''],
    ]);
    const it = table('Conti', [['T', '401', 'Non autorizzato', '']]);
    for (const prune of [false, true]) {
      await expectSameMerges(catalog, { translations: [{ locale: 'DE', page: de }, { locale: 'it', page: it }, { locale: 'fr', page: table('Comptes', []) }], prune });
      await expectSameMerges(catalog, { page: table('Accounts', [['A', '404', 'changed', 'Check the id']]), translations: [{ locale: 'de', page: de }], prune });
    }
  });
});

// Strings that yaml writes in every style: plain, quoted, block, and plain look-alikes of other types.
const catalogText = fc.oneof(
  fc.constantFrom('true', 'null', '404', '1.5', '', ' x', 'x ', 'a: b', 'x #y', '- d', '#h', '"q"', "it's", 'a\nb', 'a\n \nb', 'tail\n', '@at', '%p', '{name}', 'é 错误', '---', 'z'),
  fc.string({ maxLength: 8 }),
);
// Cells a Markdown table reads back as written (no pipes, backslashes, line breaks or emphasis).
const cellText = fc.constantFrom('true', 'null', '404', 'a: b', 'x #y', '"q"', "it's", '@at', '%p', '{name}', 'é 错误', 'Plain words', 'z', '- d');
const code = fc.constantFrom('A', 'B', 'C', 'D', 'ZED');
const entry = fc.record(
  {
    code,
    status: fc.integer({ min: 100, max: 599 }),
    message: fc.oneof(catalogText, cellText),
    solution: fc.oneof(catalogText, cellText),
    fields: fc.dictionary(fc.constantFrom('Owner', 'Team', 'true'), fc.oneof(catalogText, cellText), { maxKeys: 2 }),
    messages: fc.dictionary(fc.constantFrom('de', 'fr'), fc.record({ message: catalogText, solution: catalogText, reviewed: fc.boolean() }, { requiredKeys: ['message'] }), { maxKeys: 2 }),
    removed: fc.boolean(),
  },
  { requiredKeys: ['code', 'status', 'message', 'solution'] },
);
const group = fc.record({ title: fc.constantFrom('Alpha', 'true', 'Beta errors'), codes: fc.array(entry, { maxLength: 5 }) });

/** A page made from the catalog's entries (some kept, some changed, some dropped) and new rows. */
const rowFor = (e: { code: string; status: number; message: string; solution: string; fields?: Record<string, string> }) =>
  fc.tuple(fc.boolean(), cellText, fc.integer({ min: 100, max: 599 }), fc.boolean(), fc.boolean()).map(([keep, text, status, drop, keepOwner]) => {
    if (drop) return undefined;
    const cell = (s: string | undefined) => (s !== undefined && /^[^|\\\n*_`<>[\]&]*$/.test(s) && s.trim() === s && s !== '' ? s : text);
    const owner = keepOwner ? cell(e.fields?.['Owner']) : text;
    return keep ? [e.code, String(e.status), cell(e.message), cell(e.solution), owner] : [e.code, String(status), text, cell(e.solution), owner];
  });

describe('property: random plain catalogs and pages merge the same through records and parsed documents', () => {
  it('gives the same text, summaries and warnings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(group, { minLength: 1, maxLength: 3 }).chain((groups) =>
          fc.record({
            groups: fc.constant(groups),
            rows: fc.tuple(...groups.map((g) => fc.tuple(...g.codes.map(rowFor)))),
            added: fc.array(fc.tuple(code, fc.integer({ min: 100, max: 599 }), cellText, cellText), { maxLength: 3 }),
            translated: fc.array(fc.tuple(code, cellText, cellText), { maxLength: 4 }),
            prune: fc.boolean(),
            comment: fc.boolean(),
            owner: fc.boolean(),
          }),
        ),
        async ({ groups, rows, added, translated, prune, comment, owner }) => {
          const text = plainCatalog({ groups: groups.map((g) => ({ ...g, codes: g.codes.map((e) => ({ ...e, removed: e.removed || undefined })) })) }, comment);
          const read = await parseCatalog(text, file).catch(() => undefined);
          fc.pre(read !== undefined); // e.g. two groups with one title
          // With an Owner column, each row's fifth cell is its `fields.Owner`; without, it is left out.
          const header = ['Code', 'Status', 'Message', 'Solution', ...(owner ? ['Owner'] : [])];
          const cells = (r: readonly string[]) => r.slice(0, header.length);
          const page = groups
            .map((g, i) =>
              table(g.title, [...(rows[i] ?? []).filter((r): r is string[] => r !== undefined), ...(i === 0 ? added.map(([c, s, m, so]) => [c, String(s), m, so, m]) : [])].map(cells), header),
            )
            .join('\n');
          const de = table('Fehler', translated.map(([c, m, s]) => [c, '', m, s]));
          await expectSameMerges(text, { page, translations: [{ locale: 'de', page: de }], prune });
        },
      ),
      { numRuns: runs },
    );
  }, 600_000);
});
