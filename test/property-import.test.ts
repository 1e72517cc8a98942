import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UserError } from '../src/diagnostics.js';
import { importCommand } from '../src/commands/import.js';
import { tempDir } from './helpers/cli.js';

/**
 * Random Markdown tables through the importer, in process: whatever the cells hold (any Unicode,
 * control characters, pipes and backslashes at the edges, empty or very long cells, rows of the
 * wrong length), `errgen import` either writes a catalog it can read back, with a row per table row,
 * or refuses with diagnostics that each point at a place in the Markdown. Nothing else is thrown.
 *
 * FUZZ_RUNS sets the number of runs (npm run fuzz runs many more).
 */
const runs = Number(process.env['FUZZ_RUNS'] ?? 60);

const nasty = ['|', '\\', '\\|', '`', '``', '*', '_', '<br>', '<!--', '-->', '{{', '}}', '{{{', '${', '*/', '"', "'", '&amp;', '&#0;', '\u2028', '\u2029', '\r', '\t', '\u0007', '\u001b', '\u007f', '\uFEFF', '\u200B', '🚀', '👩‍💻', '错误', 'ü', ' ', '  ', '-', ':', '#', '[x](y)', '\\u0000'];
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...nasty), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(20_000)) },
);
// Mostly codes that look like codes, so tables are often valid and the success path is exercised too.
const codeCell = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/) }, { weight: 1, arbitrary: cell });
const statusCell = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 100, max: 599 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('404 Not Found', '4O4', '99', '600', '') }, { weight: 1, arbitrary: cell });

const row = fc.record({ code: codeCell, status: statusCell, message: cell, solution: cell, extra: fc.array(cell, { maxLength: 2 }) });
const table = fc.record({
  heading: fc.oneof(fc.constant('## Errors'), cell.map((text) => `### ${text}`), fc.constant('')),
  rows: fc.array(row, { maxLength: 6 }),
  lineEnd: fc.constantFrom('\n', '\r\n'),
});

const validTable = { heading: '## Errors', rows: [{ code: 'NOT_FOUND', status: '404', message: 'Not found', solution: 'Check the id', extra: [] as string[] }], lineEnd: '\n' as const };

/** One line of a GFM table; newlines inside a cell would end the row, so they become spaces. */
const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/[\r\n]+/g, ' ')).join(' | ')} |`;

describe('property: random Markdown tables → errgen import', () => {
  it('gives a catalog with a row per table row, or diagnostics that each point into the Markdown', async () => {
    const dir = tempDir();
    let imported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(table, { minLength: 1, maxLength: 3 }), async (tables) => {
        const markdown = join(dir, 'errors.md');
        const catalog = join(dir, `catalog-${imported + refused}.yaml`);
        const text = tables
          .map((t) => [t.heading, '', line(['Code', 'Status', 'Message', 'Solution']), '|-|-|-|-|', ...t.rows.map((r) => line([r.code, r.status, r.message, r.solution, ...r.extra]))].join(t.lineEnd))
          .join('\n\n');
        writeFileSync(markdown, text + '\n');
        const printed: string[] = [];
        try {
          await importCommand({ sources: [markdown], catalog, prune: false }, { out: (s) => printed.push(s), err: (s) => printed.push(s) });
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          refused++;
          expect(error.exitCode).toBe(1);
          expect(error.diagnostics.length).toBeGreaterThan(0);
          for (const d of error.diagnostics) {
            expect(d.at?.file).toBe(markdown);
            expect(d.at?.line).toBeGreaterThanOrEqual(1);
            expect(d.at?.column).toBeGreaterThanOrEqual(1);
            expect(d.message).not.toBe('');
          }
          return;
        }
        imported++;
        const written = parse(readFileSync(catalog, 'utf8')) as { groups: Array<{ codes: unknown[] }> };
        expect(written.groups.flatMap((g) => g.codes)).toHaveLength(tables.reduce((n, t) => n + t.rows.length, 0));
      }),
      // Drawn inputs are mostly refused (any bad row refuses the page): one of each outcome comes first,
      // so neither is left to chance.
      { numRuns: runs, examples: [[[validTable]], [[{ ...validTable, rows: [{ ...validTable.rows[0]!, status: '4O4' }] }]]] },
    );
    // Both outcomes must have been exercised, or the property proved little: the examples make sure
    // of it, and this that they still reach them (an import that refused every page would fail here).
    expect(imported).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 600_000);
});
