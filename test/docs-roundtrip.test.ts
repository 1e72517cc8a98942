import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeIntoCatalog } from '../src/catalog/merge.js';
import { type Catalog, type CatalogCode, type CatalogGroup, defaultColumns } from '../src/catalog/model.js';
import { parseCatalog } from '../src/catalog/read.js';
import { newCatalogDocument, serializeCatalog } from '../src/catalog/write.js';
import { InputError } from '../src/diagnostics.js';
import { generate } from '../src/emit/generate.js';
import { builtinTemplatePath } from '../src/emit/targets.js';
import { defaultHeaderSynonyms } from '../src/markdown/columns.js';
import { extractErrorTables } from '../src/markdown/error-tables.js';
import { readTables } from '../src/markdown/read-tables.js';
import { splitWords } from '../src/names/words.js';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';
import { messagesCatalog } from './targets/messages-harness.js';

/** The docs target, rendered in memory: the same engine `errgen generate` runs. */
function docsPage(catalog: Catalog): string {
  const target = { name: 'docs', template: builtinTemplatePath('docs'), output: 'docs.md', options: { title: 'Error codes' }, builtin: true, names: [] };
  const files = generate({ catalog, source: 'errors.yaml', locate: () => ({ file: 'errors.yaml', line: 1, column: 1 }) }, [target]);
  const page = files.get('docs.md') as string;
  // Text, as `errgen import` reads a file: it refuses one with a NUL byte (importPage reads a string).
  expect(page.includes('\0')).toBe(false);
  return page;
}

/**
 * `errgen import` into a new catalog, in memory: Markdown → rows → merged YAML → written text → parsed
 * back. The only tables import skips are the translation tables, one per language with its own texts.
 */
async function importPage(markdown: string, translationTables = 0): Promise<Catalog> {
  const found = extractErrorTables(await readTables(markdown, 'docs.md'), 'docs.md', defaultHeaderSynonyms, 'docs');
  expect(found.diagnostics).toEqual([]);
  expect(found.skipped).toHaveLength(translationTables);
  const document = await newCatalogDocument('errors.yaml');
  mergeIntoCatalog(document, found.tables, { prune: false, inScope: () => true });
  return (await parseCatalog(serializeCatalog(document), 'errors.yaml')).value;
}

/** U+0000 is the one character Markdown cannot carry: every parser reads it as U+FFFD. */
const survivable = (text: string) => text.replace(/\0/g, '\uFFFD');

/**
 * What a catalog should look like after docs → import: the imported fields only (no description,
 * deprecation, aliases or names), tombstones left out, NUL as U+FFFD, and one value per extra column.
 */
function importable(catalog: Catalog): Catalog {
  return {
    groups: catalog.groups.map((group): CatalogGroup => {
      const columns = group.columns ?? defaultColumns;
      const extra = columns.filter((c) => !(defaultColumns as readonly string[]).includes(c));
      const isDefault = columns.length === defaultColumns.length && columns.every((c, i) => c === defaultColumns[i]);
      return {
        title: group.title,
        ...(isDefault ? {} : { columns }),
        codes: group.codes
          .filter((c) => !c.removed)
          .map(
            (c): CatalogCode => ({
              code: survivable(c.code),
              status: c.status,
              message: survivable(c.message),
              solution: survivable(c.solution),
              ...(extra.length ? { fields: Object.fromEntries(extra.map((h) => [h, survivable(c.fields?.[h] ?? '')])) } : {}),
            }),
          ),
      };
    }),
  };
}

async function readCatalogFile(path: string): Promise<Catalog> {
  return (await parseCatalog(readFileSync(path, 'utf8'), path)).value;
}

describe('docs → import round trip', () => {
  it('gives back the seed catalog', async () => {
    const seed = await readCatalogFile(join(repoRoot, 'data/errors.yaml'));
    expect(await importPage(docsPage(seed), 1)).toEqual(importable(seed));
  });

  it('gives back the hostile catalog, except NUL, which becomes U+FFFD', async () => {
    const hostile = await readCatalogFile(join(repoRoot, 'test/fixtures/hostile/errors.yaml'));
    const imported = await importPage(docsPage(hostile));
    expect(imported).toEqual(importable(hostile));
    const control = imported.groups[0]?.codes.find((c) => c.code === 'CONTROL_CHARS');
    expect(control?.message).toBe('nul\uFFFD bell\x07 escape\x1b del\x7f');
    const multiLine = imported.groups[0]?.codes.find((c) => c.code === 'MULTI_LINE');
    expect(multiLine).toMatchObject({ message: 'first line\nsecond line\r\nthird\ttabbed', solution: 'line\u2028separator and paragraph\u2029separator' });
  });

  it('gives back the messages catalog: placeholders as code spans, translations in tables import skips', async () => {
    const catalog = (await parseCatalog(messagesCatalog, 'errors.yaml')).value;
    const page = docsPage(catalog);
    expect(page).toContain('| <a id="not-found"></a>NOT_FOUND | 404 | Resource "`{resource}`" with id `{id}` was not found | Check the `{resource}` id |');
    // Literal braces stay doubled, as the template writes them: the page reads back as the template.
    expect(page).toContain('| Used `{ratio}` of {{quota}}; strict=`{strict}` | Wait `{seconds}` s or raise the limit |');
    expect(page).toContain('  - `{id}`, integer: The id that was looked up (example: 7)');
    expect(page).toContain('| [NOT_FOUND](#not-found) (not reviewed) | 找不到資源「`{resource}`」（編號 `{id}`） | 请检查 `{resource}` 编号 |');
    expect(page).toContain('No code has its own text in zh-HK yet.');
    // de, zh-CN and zh-TW have texts of their own; zh-HK has none and no table.
    expect(await importPage(page, 3)).toEqual(importable(catalog));
  });

  it('keeps extra columns in their place, a deprecated code marked by a footnote, and retired codes out of the tables', async () => {
    const catalog: Catalog = {
      groups: [
        {
          title: 'Billing',
          description: 'Codes of the billing API.',
          columns: ['status', 'Since', 'code', 'message', 'solution'],
          codes: [
            { code: 'CARD_DECLINED', status: 402, message: 'Declined', solution: '', fields: { Since: 'v1' } },
            { code: 'OLD_CARD', status: 402, message: 'Old', solution: 'Use a new card', deprecated: { since: '2.0', replacement: 'CARD_DECLINED' } },
            { code: 'CARD_DECLINED', status: 409, message: 'Declined twice', solution: '', fields: { Since: 'v2' } },
            { code: 'GONE_CODE', status: 410, message: 'Gone', solution: '', removed: { since: '1.5', reason: 'merged into CARD_DECLINED' } },
          ],
        },
      ],
    };
    const page = docsPage(catalog);
    expect(page).toContain('| HTTP status | Since | Code | Message | Solution |');
    expect(page).toContain('| 402 | v1 | <a id="card-declined"></a>CARD_DECLINED | Declined |  |');
    expect(page).toContain('| 409 | v2 | CARD_DECLINED | Declined twice |  |');
    expect(page).toContain('<a id="old-card"></a>OLD_CARD[^old-card]');
    expect(page).toContain('[^old-card]: **Deprecated.** Since 2.0. Use CARD_DECLINED instead.');
    expect(page).toContain('## Retired codes');
    expect(page).toContain('- **GONE_CODE**, retired in 1.5: merged into CARD_DECLINED');
    expect(await importPage(page)).toEqual(importable(catalog));
  });

  it('gives an anchor that clashes with a heading a suffix, and a code listed twice one anchor', () => {
    const catalog: Catalog = {
      groups: [
        {
          title: 'Not found',
          codes: [
            { code: 'NOT_FOUND', status: 404, message: 'a', solution: '' },
            { code: 'GONE', status: 410, message: 'b', solution: '' },
            { code: 'NOT_FOUND', status: 410, message: 'c', solution: '' },
          ],
        },
      ],
    };
    const anchors = [...docsPage(catalog).matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(anchors).toEqual(['not-found-2', 'gone']);
  });

  describe('through the real CLI', () => {
    const dir = tempDir();
    it('generate --only docs, then import into data/errors.yaml, changes nothing: placeholders, params and translations stay', () => {
      const generated = errgen(['generate', '--catalog', 'data/errors.yaml', '--out-dir', dir, '--only', 'docs']);
      expect(generated.stderr).toBe('');
      expect(generated.code).toBe(0);
      const out = join(dir, 'errors.yaml');
      const seed = readFileSync(join(repoRoot, 'data/errors.yaml'), 'utf8');
      writeFileSync(out, seed);
      const imported = errgen(['import', join(dir, 'docs/error-codes.md'), '-o', out]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/: 0 added, 0 changed, 63 unchanged \(file already up to date\)\.\n/);
      // The one table it skips is the Chinese translations' (a code column, no HTTP status).
      expect(imported.stdout.match(/skipped the table at /g)).toHaveLength(1);
      expect(readFileSync(out, 'utf8')).toBe(seed);
    });

    it('generate --only docs from the hostile catalog, then import the page: NUL comes back as U+FFFD', async () => {
      const hostileDir = join(dir, 'hostile');
      const generated = errgen(['generate', '--catalog', 'test/fixtures/hostile/errors.yaml', '--out-dir', hostileDir, '--only', 'docs']);
      expect(generated.code).toBe(0);
      const out = join(hostileDir, 'errors.yaml');
      const imported = errgen(['import', join(hostileDir, 'docs/error-codes.md'), '-o', out]);
      // Warnings only: the hostile messages hold stray braces and `${…}` on purpose.
      expect(imported.stderr).not.toMatch(/error:/);
      expect(imported.code).toBe(0);
      expect(await readCatalogFile(out)).toEqual(importable(await readCatalogFile(join(repoRoot, 'test/fixtures/hostile/errors.yaml'))));
    });

    it('generate --only docs, then import into a new catalog, gives every code, status and template of data/errors.yaml', async () => {
      const out = join(dir, 'fresh.yaml');
      const imported = errgen(['import', join(dir, 'docs/error-codes.md'), '-o', out]);
      expect(imported.code).toBe(0);
      expect(await readCatalogFile(out)).toEqual(importable(await readCatalogFile(join(repoRoot, 'data/errors.yaml'))));
    });
  });
});

/** Characters that are syntax somewhere in Markdown, mixed with any code point at all. */
const trickyChar = fc.oneof(
  fc.constantFrom(...'\\|`*_~[]()<>&#!:/.w- +=1\t\r\n\f{}'.split(''), '\u2028', '\u00a0', '\u3000', 'www.', 'http://', '<br>', '&amp;', 'a@b.co', '{a}', '{_1}', '{{', '}}'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const anyText = fc.string({ unit: trickyChar, maxLength: 12 });
const code = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,10}$/);
const title = fc.stringMatching(/^[A-Za-z]{1,8}(?: [A-Za-z]{1,8}){0,2}$/);

const catalogArbitrary: fc.Arbitrary<Catalog> = fc
  .record({
    codes: fc.uniqueArray(code, { minLength: 1, maxLength: 6, selector: (c) => splitWords(c).join('').toLowerCase() }),
    titles: fc.uniqueArray(title, { minLength: 1, maxLength: 3 }),
    notesAt: fc.option(fc.nat(4)),
  })
  .chain(({ codes, titles, notesAt }) => {
    const columns = notesAt === null ? undefined : [...defaultColumns.slice(0, notesAt), 'Notes', ...defaultColumns.slice(notesAt)];
    const row = fc.record({
      code: fc.constantFrom(...codes),
      status: fc.integer({ min: 100, max: 599 }),
      message: anyText,
      solution: anyText,
      notes: anyText,
      deprecated: fc.option(fc.record({ since: anyText, reason: anyText }, { requiredKeys: [] })),
      removed: fc.boolean(),
    });
    const group = (t: string) =>
      fc.record({ description: fc.option(anyText), rows: fc.array(row, { maxLength: 5 }) }).map(
        ({ description, rows }): CatalogGroup => ({
          title: t,
          ...(description === null ? {} : { description }),
          ...(columns ? { columns } : {}),
          codes: rows.map((r) => ({
            code: r.code,
            status: r.status,
            message: r.message,
            solution: r.solution,
            ...(columns ? { fields: { Notes: r.notes } } : {}),
            ...(r.deprecated ? { deprecated: r.deprecated } : {}),
            ...(r.removed && Math.abs(r.status) % 7 === 0 ? { removed: true } : {}),
          })),
        }),
      );
    return fc.tuple(...titles.map(group)).map((groups) => ({ groups }));
  });

describe('docs → import round trip, property', () => {
  it('gives back any catalog: arbitrary Unicode text, placeholders and braces, duplicates, extra columns, deprecations, tombstones', async () => {
    await fc.assert(
      fc.asyncProperty(catalogArbitrary, async (catalog) => {
        let page: string;
        try {
          page = docsPage(catalog);
        } catch (error) {
          // Codes the naming engine cannot name in some language are not the docs' business.
          fc.pre(!(error instanceof InputError));
          throw error;
        }
        expect(await importPage(page)).toEqual(importable(catalog));
      }),
      { numRuns: Number(process.env["ERRGEN_FC_RUNS"] ?? 50) },
    );
  });
});
