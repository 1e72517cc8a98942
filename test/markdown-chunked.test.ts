// The chunked Markdown reader (src/markdown/read-tables.ts) against the oracle it replaces: one
// remark + remark-gfm parse of the whole document. Same tables, headings, cells and positions, on
// generated documents full of what could make reading a slice differ from reading the whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChunkLimits, defaultLimits, readTables, readTablesWhole } from '../src/markdown/read-tables.js';
import { plainRowCells } from '../src/markdown/plain-row.js';
// @ts-expect-error -- a plain .mjs script, shared with the measurements
import { largeMarkdown } from '../scripts/large-markdown.mjs';
import { repoRoot } from './helpers/cli.js';

/** Small limits, so that short generated documents take the skeleton, fast-path and chunk paths. */
const tiny: ChunkLimits = { minRun: 12, chunkRows: 3 };
const numRuns = Number(process.env['FC_RUNS'] ?? 60);

async function expectSameAsWhole(markdown: string, limits: ChunkLimits = tiny): Promise<void> {
  expect(await readTables(markdown, 'doc.md', limits)).toEqual(await readTablesWhole(markdown, 'doc.md'));
}

// ---- cell content: plain text and everything remark reads differently from its source ----------
const plainWord = fc.constantFrom('alpha', 'NOT_FOUND', '404', 'Not Found', 'naïve café', '错误码', '🚫', 'a:b', '#1', '+1', '-', '"q"', "it's", '1.5', '(x)', '«r»', 'a_b_c', 'é_ü', 'x_1');
const markup = fc.constantFrom(
  '\\|', 'a \\| b', '`code | pipe`', '`a \\| b`', '*em*', '_u_', '**bold**', '~~gone~~', '~one~', '[link](https://x.y/a)', '[ref][r1]', '[r1]',
  '[r1][]', '[undefined][nope]', '![alt](i.png)', '![alt][r1]', '[^1]', '[^nodef]', '<br>', 'a<br/>b', ' <br> ', '<b>bold</b>', '<!-- c -->',
  '<a id="x"></a>CODE', '&amp;', '&lt;&gt;', '&#32;', '&#x41;', '&nbsp;', '&bogus;', 'www.example.com', 'a@b.co', 'https://x.y/z.',
  'mailto:a@b.co', '<https://x.y>', '\\', 'x\\', '\\*', '_x', 'x_', 'a__b', '(_a_)', 'snake_case_', '\u0000', '\t', '\u00a0', '  ', 'a  b', '*', '_', '[', ']', '<', '&', '`',
);
const cellText = fc
  .array(fc.oneof({ weight: 3, arbitrary: plainWord }, { weight: 2, arbitrary: markup }), { maxLength: 4 })
  .map((parts) => parts.join(' '));
const longCell = fc.tuple(plainWord, fc.integer({ min: 50, max: 400 })).map(([w, n]) => `${w} `.repeat(n).trim());
const cell = fc.oneof({ weight: 8, arbitrary: cellText }, { weight: 1, arbitrary: longCell }, { weight: 1, arbitrary: fc.constant('') });
const padding = fc.constantFrom('', ' ', '  ', '\t', ' \t ');

// ---- rows and tables -----------------------------------------------------------------------------
const row = (width: number) =>
  fc
    .tuple(
      fc.array(fc.tuple(padding, cell, padding), { minLength: Math.max(0, width - 1), maxLength: width + 1 }),
      fc.constantFrom('|', '|', '|', '', ' |'), // leading
      fc.constantFrom('|', '|', '', '| ', '|\t'), // trailing
      fc.constantFrom('', '', '', ' ', '   '), // indentation
    )
    .map(([cells, lead, trail, indent]) => `${indent}${lead}${cells.map(([a, c, b]) => `${a}${c}${b}`).join('|')}${trail}`);

const headers = fc.constantFrom(
  ['Error Code', 'HTTP Status', 'Message', 'Solution'],
  ['Code', 'Status'],
  ['错误码', 'HTTP状态码', '错误信息'],
  ['Status', 'Code', 'Since'],
  ['a', 'b', 'c'],
);
const delimiter = (width: number) => fc.constantFrom('---', ':---', ':---:', '---:', '-').map((d) => `|${Array(width).fill(d).join('|')}|`);

const table = headers.chain((h) =>
  fc
    .tuple(delimiter(h.length), fc.array(row(h.length), { maxLength: 40 }))
    .map(([delim, rows]) => [`| ${h.join(' | ')} |`, delim, ...rows].join('\n')),
);
/** Mostly plain rows, so runs are long and go through the fast path and the chunks. */
const longTable = headers.chain((h) =>
  fc
    .tuple(delimiter(h.length), fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: plainWord }, { weight: 1, arbitrary: cellText }), { minLength: h.length, maxLength: h.length }), { minLength: 10, maxLength: 60 }))
    .map(([delim, rows]) => [`| ${h.join(' | ')} |`, delim, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n')),
);

// ---- blocks around them ----------------------------------------------------------------------------
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), cellText).map(([level, text]) => `${'#'.repeat(level)} Table ${level}. ${text}`);
const setextHeading = cellText.map((text) => `${text || 'Title'}\n===`);
const paragraph = fc.array(fc.oneof(cellText, row(2)), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const quoted = (block: fc.Arbitrary<string>) => block.map((b) => b.split('\n').map((l) => `> ${l}`).join('\n'));
const listed = (block: fc.Arbitrary<string>) => block.map((b) => b.split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n'));
const fenced = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.boolean(), longTable).map(([fence, closed, body]) => `${fence}md\n${body}${closed ? `\n${fence}` : ''}`);
const indentedCode = longTable.map((t) => t.split('\n').map((l) => `    ${l}`).join('\n'));
const htmlBlock = fc.tuple(fc.constantFrom('<div>', '<table>', '<!--', '<pre>'), longTable).map(([open, body]) => `${open}\n${body}\n${open === '<!--' ? '-->' : open.replace('<', '</')}`);
const definitions = fc.constantFrom('[r1]: https://example.com "T"', '[R1]: /url', '[^1]: A footnote.', '[^nodef2]: x', '[Foo\nbar]: /multi');
const thematic = fc.constantFrom('---', '***', '___');

const block = fc.oneof(
  { weight: 3, arbitrary: table },
  { weight: 4, arbitrary: longTable },
  { weight: 2, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 2, arbitrary: paragraph },
  { weight: 1, arbitrary: quoted(fc.oneof(table, longTable)) },
  { weight: 1, arbitrary: listed(fc.oneof(table, longTable)) },
  { weight: 1, arbitrary: fenced },
  { weight: 1, arbitrary: indentedCode },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 1, arbitrary: definitions },
  { weight: 1, arbitrary: thematic },
);
/** What separates blocks: usually a blank line, sometimes nothing (a paragraph or a quote interrupts). */
const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n');
const lineEnding = fc.constantFrom('\n', '\r\n', '\r', 'mixed');

const document = fc
  .tuple(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 8 }), lineEnding, fc.boolean())
  .map(([blocks, ending, finalNewline]) => {
    const text = blocks.map(([b, sep]) => b + sep).join('');
    const trimmed = finalNewline ? text : text.replace(/\n+$/, '');
    if (ending === '\n') return trimmed;
    if (ending !== 'mixed') return trimmed.replace(/\n/g, ending);
    let i = 0;
    return trimmed.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3] as string);
  });

describe('chunked Markdown reading equals one remark parse of the whole document', () => {
  it('on generated documents', async () => {
    await fc.assert(fc.asyncProperty(document, (markdown) => expectSameAsWhole(markdown)), { numRuns });
  }, 300_000);

  it('on generated documents, read with the default limits', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 4 }), async (blocks) => {
      const markdown = blocks.map(([b, sep]) => b + sep).join('').replace(/^(\|.*)$/m, (line) => Array<string>(80).fill(line).join('\n'));
      await expectSameAsWhole(markdown, defaultLimits);
    }), { numRuns: Math.ceil(numRuns / 4) });
  }, 300_000);

  it('on the seed page and a large generated page', async () => {
    const seed = readFileSync(join(repoRoot, 'data/error-codes.md'), 'utf8');
    await expectSameAsWhole(seed);
    await expectSameAsWhole(seed, defaultLimits);
    await expectSameAsWhole(readFileSync(join(repoRoot, 'data/error-codes.zh-CN.md'), 'utf8'), defaultLimits);
    await expectSameAsWhole(largeMarkdown(800) as string, { minRun: 64, chunkRows: 200 });
    await expectSameAsWhole((largeMarkdown(600) as string).replace(/\n/g, '\r\n'));
  });

  it('on the edge cases that need care', async () => {
    const rows = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join('\n');
    const cases = [
      // A long run inside a code fence, an HTML block, a block quote: never a table.
      '```\n| Code | Status |\n|---|---|\n' + rows(30, (i) => `| C${i} | 400 |`) + '\n```',
      '<div>\n| Code | Status |\n|---|---|\n' + rows(30, (i) => `| C${i} | 400 |`) + '\n</div>',
      '> | Code | Status |\n> |---|---|\n' + rows(30, (i) => `> | C${i} | 400 |`) + '\n' + rows(30, (i) => `| L${i} | 500 |`),
      // Rows that look like a table but have no delimiter row: a paragraph.
      rows(40, (i) => `| C${i} | 400 |`),
      // A table interrupted by a paragraph line, then rows again; references defined at the end.
      '| Code | Status |\n|---|---|\n' + rows(30, (i) => `| [C${i}][r] | 400 |`) + '\nplain line\n' + rows(30, (i) => `| [^n] D${i} | 401 |`) + '\n\n[r]: /u\n[^n]: note',
      // The delimiter row is itself in the run; the header is indented (not row-like).
      ' | Code | Status |\n|---|---|\n' + rows(30, (i) => `| C${i} | ${i % 2 ? '' : '404'} |`),
      // Paragraph lines that start with a pipe before the header: the run's head is kept up to one
      // row past its delimiter row, or read whole when that is too far.
      '| just text\n| Code | Status |\n|---|---|\n' + rows(30, (i) => `| C${i} | 400 |`),
      rows(9, (i) => `| text ${i}`) + '\n| Code | Status |\n| :-- | --: |\n' + rows(30, (i) => `| C${i} | 400 |`),
      // A delimiter-like row in the middle of a run of paragraph lines; a header without pipes.
      rows(20, (i) => `| text ${i}`) + '\n|---|---|\n' + rows(30, (i) => `| C${i} | 400 |`),
      'Code | Status\n|---|---|\n' + rows(30, (i) => `| C${i} | 400 |`),
      // Cells with more and fewer cells than the header, tabs, NUL, trailing backslash.
      '| Code | Status |\n|---|---|\n' + rows(40, (i) => ['| a | b | c |', '| a |', '|\tx\t|\ty\t|', '| a\u0000 | b |', '| a | b\\', '|', '||', '| a | b', '|a|b|  '][i % 9] as string),
    ];
    for (const markdown of cases) {
      await expectSameAsWhole(markdown);
      await expectSameAsWhole(markdown.replace(/\n/g, '\r\n'));
    }
  });
});

describe('the fast path for plain rows', () => {
  it('declines rows with markup, and reads plain cells as trimmed text at their columns', () => {
    expect(plainRowCells('| a `b` |')).toBeUndefined();
    expect(plainRowCells('| _a_ |')).toBeUndefined();
    expect(plainRowCells('not a row')).toBeUndefined();
    expect(plainRowCells('|  NOT_FOUND | 404 |\t|x')).toEqual([
      { text: 'NOT_FOUND', column: 4 },
      { text: '404', column: 16 },
      { text: '', column: 20 },
      { text: 'x', column: 23 },
    ]);
    expect(plainRowCells('|| b |')).toEqual([
      { text: '', column: 2 },
      { text: 'b', column: 4 },
    ]);
  });
});
