// Correctness at scale: a 10,000-code page through the real CLI (import, merge, generate, check).
// Speed is measured elsewhere (scripts/bench*); nothing here asserts a duration.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error -- a plain .mjs script, shared with the measurements
import { largeCode, largeMarkdown } from '../scripts/large-markdown.mjs';
import { errgen, tempDir } from './helpers/cli.js';

const rows = 10_000;
const code = largeCode as (i: number) => string;
const config = `sources: [errors.md]
catalog: errors.yaml
outDir: generated
targets:
  typescript:
  openapi:
  go:
  java:
    options:
      package: dev.errgen.scale
  json:
  docs:
lint:
  rules:
    empty-solution: 'off'
`;

interface CatalogFile {
  groups: Array<{ title: string; columns?: string[]; codes: Array<{ code: string; status: number; message: string; solution: string; fields?: Record<string, string> }> }>;
}

describe(`${rows} codes through the real CLI`, () => {
  const dir = tempDir();
  const markdown = largeMarkdown(rows) as string;
  writeFileSync(join(dir, 'errors.md'), markdown);
  writeFileSync(join(dir, 'errgen.config.yaml'), config);
  const lines = markdown.split('\n');
  /** Where the code cell of row i is, found in the text independently of errgen. */
  const codeCell = (i: number) => {
    const line = lines.findIndex((l) => l.includes(`| ${code(i)} |`));
    return `errors.md:${line + 1}:${(lines[line] as string).indexOf(code(i)) + 1}`;
  };

  it('imports every row, in order, with its cells and source locations', () => {
    const result = errgen(['import'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Imported 1 file, 4 tables, ${rows} rows into errors.yaml: ${rows} added, 0 changed, 0 unchanged.`);

    const catalog = parse(readFileSync(join(dir, 'errors.yaml'), 'utf8')) as CatalogFile;
    const all = catalog.groups.flatMap((g) => g.codes);
    expect(catalog.groups.map((g) => g.title)).toEqual(['Error group 1', 'Error group 2', 'Error group 3', 'Error group 4']);
    expect(all).toHaveLength(rows);
    expect(all.map((e) => e.code)).toEqual(Array.from({ length: rows }, (_, i) => code(i)));
    expect(all[0]).toEqual({ code: code(0), status: 400, message: 'The argument is not usable (case 1, naïve café)', solution: '' });
    expect(all[5]).toMatchObject({ status: 429, solution: 'Check the request\nthen retry 6' });
    expect(all[9]?.message).toBe('Value of `field_9` is *wrong*'.replace(/[`*]/g, '')); // markup read as remark reads it
    expect(all[1009]?.message).toBe('Either a | b for row 1010');
    expect(all[29]?.message).toBe('See the guide & retry');
    expect(catalog.groups[3]?.columns).toEqual(['status', 'code', 'message', 'solution', 'Since']);
    expect(all[rows - 1]).toMatchObject({ code: code(rows - 1), status: 400, fields: { Since: `v${((rows - 1) % 9) + 1}` } });

    const sources = JSON.parse(readFileSync(join(dir, 'errors.sources.json'), 'utf8')) as { rows: Array<{ code: string; at: string }> };
    expect(sources.rows).toHaveLength(rows);
    for (const i of [0, 1, 2499, 2500, 5009, 7500, rows - 1]) expect(sources.rows[i]).toEqual({ code: code(i), at: codeCell(i) });
  });

  it('merges a second import without changes, and keeps comments', () => {
    const path = join(dir, 'errors.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('groups:', '# kept by hand\ngroups:'));
    const before = readFileSync(path, 'utf8');
    const result = errgen(['import'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`0 added, 0 changed, ${rows} unchanged`);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('generates every target, with every code', () => {
    const result = errgen(['generate'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Generated 6 files from errors.yaml: 6 changed, 0 up to date.');
    const json = JSON.parse(readFileSync(join(dir, 'generated/json/errors.json'), 'utf8')) as unknown;
    expect(JSON.stringify(json)).toContain(code(rows - 1));
    const ts = readFileSync(join(dir, 'generated/typescript/error-codes.ts'), 'utf8');
    for (const i of [0, 4321, rows - 1]) expect(ts).toContain(`"${code(i)}"`);
    expect(errgen(['generate'], { cwd: dir }).stdout).toContain('0 changed, 6 up to date.');
  });

  it('checks clean, then names the one drifted cell', () => {
    const clean = errgen(['check', '--format', 'json'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);

    const changed = lines.slice();
    const at = changed.findIndex((l) => l.includes(`| ${code(7777)} |`));
    changed[at] = (changed[at] as string).replace('not usable', 'NOT usable');
    writeFileSync(join(dir, 'errors.md'), changed.join('\n'));
    const result = errgen(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ rule: string; code: string; file: string; line: number; message: string }> };
    const errors = report.findings.filter((f) => f.rule === 'source-drift');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: code(7777), file: 'errors.md', line: at + 1 });
    expect(errors[0]?.message).toContain(`${code(7777)}: message "The`);
  });
});
