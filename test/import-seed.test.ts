import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../src/catalog/read.js';
import type { CatalogCode } from '../src/catalog/model.js';
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

  it('matches the committed data/errors.yaml exactly', () => {
    const out = join(dir, 'errors.yaml');
    // Same relative layout as data/, so the schema comment and sidecar paths match too.
    errgen(['import', seed, '-o', out]);
    const committed = readFileSync(join(repoRoot, 'data/errors.yaml'), 'utf8');
    const fresh = readFileSync(out, 'utf8');
    const withoutSchemaLine = (s: string) => s.split('\n').slice(1).join('\n');
    expect(withoutSchemaLine(fresh)).toBe(withoutSchemaLine(committed));
    expect(committed.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/catalog.schema.json');
  });
});
