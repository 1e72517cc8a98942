import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../src/catalog/read.js';
import type { CatalogCode } from '../src/catalog/model.js';
import { placeholders, plainText } from '../src/messages/template.js';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

const seed = join(repoRoot, 'data/error-codes.md');

describe('errgen import on the seed page', () => {
  const dir = tempDir();

  it('writes 2 groups of 24 and 39 entries, duplicates and quirks included', async () => {
    const out = join(dir, 'errors.yaml');
    const result = errgen(['import', seed, '-o', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported 1 file, 2 tables, 63 rows');

    const { value } = await parseCatalog(readFileSync(out, 'utf8'), out);
    expect(value.groups.map((g) => [g.title, g.codes.length])).toEqual([
      ['General Error Code', 24],
      ['Console Error Code', 39],
    ]);
    const all = value.groups.flatMap((g) => g.codes);
    const byCode = (code: string): CatalogCode[] => all.filter((c) => c.code === code);
    expect(byCode('FAILED_PRECONDITION').map((c) => c.status)).toEqual([400, 409]);
    expect(byCode('APIGATEWAY_SUCCESS')).toEqual([
      { code: 'APIGATEWAY_SUCCESS', status: 200, message: 'Successful', solution: 'None' },
    ]);
    expect(byCode('CANCELLED')).toEqual([{ code: 'CANCELLED', status: 499, message: 'Cancel Operation', solution: '' }]);
    expect(byCode('ARGUMENT_NOT_FOUND')[0]).toEqual({
      code: 'ARGUMENT_NOT_FOUND',
      status: 400,
      message: 'The parameter argument is required',
      solution: 'Please check access information',
    });
  });

  it('starts the catalog with the schema comment and records row locations in the sidecar', () => {
    const out = join(dir, 'errors.yaml');
    errgen(['import', seed, '-o', out]);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+catalog\.schema\.json$/);
    const sidecar = JSON.parse(readFileSync(join(dir, 'errors.sources.json'), 'utf8')) as { rows: { code: string; at: string }[] };
    expect(sidecar.rows).toHaveLength(63);
    expect(sidecar.rows.filter((r) => r.code === 'FAILED_PRECONDITION').map((r) => r.at.replace(/^.*error-codes\.md/, 'md'))).toEqual([
      'md:15:3',
      'md:23:3',
    ]);
  });

  it('is deterministic and does not rewrite an unchanged catalog', () => {
    const out = join(dir, 'errors.yaml');
    errgen(['import', seed, '-o', out]);
    const first = readFileSync(out, 'utf8');
    const second = errgen(['import', seed, '-o', out]);
    expect(second.stdout).toContain('0 added, 0 changed, 63 unchanged (file already up to date)');
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('leaves the committed data/ byte for byte as it is when the seed and the zh-CN page are imported again', () => {
    // The repository's layout and config in a temporary folder, so a failing import cannot touch data/.
    const project = tempDir();
    mkdirSync(join(project, 'data'));
    const files = ['error-codes.md', 'error-codes.zh-CN.md', 'errors.yaml', 'errors.sources.json'];
    for (const file of files) copyFileSync(join(repoRoot, 'data', file), join(project, 'data', file));
    copyFileSync(join(repoRoot, 'errgen.config.yaml'), join(project, 'errgen.config.yaml'));
    const result = errgen(['import'], { cwd: project });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'Imported 1 file, 2 tables, 63 rows into data/errors.yaml: 0 added, 0 changed, 63 unchanged (file already up to date).\n' +
        'Imported 1 file, 1 table, 6 rows into data/errors.yaml as zh-CN: 0 added, 0 changed, 6 unchanged (file already up to date).\n',
    );
    for (const file of files) expect(readFileSync(join(project, 'data', file), 'utf8'), file).toBe(readFileSync(join(repoRoot, 'data', file), 'utf8'));
    expect(readFileSync(join(repoRoot, 'data/errors.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/catalog.schema.json');
  });

  it('differs from the committed catalog only where people modelled placeholders, params and translations', async () => {
    const out = join(dir, 'errors.yaml');
    errgen(['import', seed, '-o', out]);
    const fresh = (await parseCatalog(readFileSync(out, 'utf8'), out)).value;
    const committedFile = join(repoRoot, 'data/errors.yaml');
    const { locales, ...committed } = (await parseCatalog(readFileSync(committedFile, 'utf8'), committedFile)).value;
    expect(locales).toEqual({ default: 'en', supported: ['zh-CN'] });

    // The committed catalog as the seed page writes it: placeholders as plain words, hand-added fields gone.
    const modelled: string[] = [];
    const asOnThePage = (template: string) => (placeholders(template).length > 0 ? plainText(template) : template);
    const unmodelled = {
      groups: committed.groups.map((group) => ({
        ...group,
        codes: group.codes.map((entry) => {
          const { params, messages, ...imported } = entry;
          const page = { ...imported, message: asOnThePage(entry.message), solution: asOnThePage(entry.solution) };
          if (params !== undefined || messages !== undefined || page.message !== entry.message || page.solution !== entry.solution) modelled.push(entry.code);
          return page;
        }),
      })),
    };
    expect(unmodelled).toEqual(fresh);
    expect(modelled).toEqual([
      'ARGUMENT_NOT_SUPPORT',
      'ARGUMENT_NOT_FOUND',
      'ARGUMENT_WRONG_FORMAT',
      'ARGUMENT_MISMATCH',
      'NOT_FOUND',
      'RATE_LIMIT_EXCEEDED',
      'APIGATEWAY_ARGUMENT_NOT_SUPPORT',
      'APIGATEWAY_ARGUMENT_NOT_FOUND',
      'APIGATEWAY_NOT_FOUND',
    ]);
  });
});
