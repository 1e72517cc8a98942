import type { Location } from '../diagnostics.js';
import { type SourceLine, splitLines } from './lines.js';
import { plainRowCells } from './plain-row.js';
import { type RemarkReading, remarkParser, tablesOfTree } from './remark-tables.js';

export interface MarkdownCell {
  readonly text: string;
  readonly at: Location;
  /** Underscores in it were read as emphasis (`__init__` is bold "init"): in a code, they more likely belong to it. */
  readonly underscoresRead?: true;
  /** Some of it is struck through (`~~OLD~~`, `<del>OLD</del>`): on a page of codes, a code retired, which its text alone does not say. */
  readonly struck?: true;
  /** Tags kept as text (`<token>`, a tag never ended, without attributes): Markdown renderers hide them. */
  readonly tagsKept?: readonly { readonly tag: string; readonly at: Location }[];
}

export interface MarkdownTable {
  /** Text of the nearest heading above the table, or undefined when there is none. */
  readonly heading: string | undefined;
  /** Tags the heading kept as text (see MarkdownCell's `tagsKept`); only when there are some. */
  readonly headingTagsKept?: MarkdownCell['tagsKept'];
  readonly at: Location;
  readonly header: readonly MarkdownCell[];
  readonly rows: readonly (readonly MarkdownCell[])[];
}

/**
 * Every GFM table in a Markdown document, with positions, in source order, exactly as a remark +
 * remark-gfm parse of the whole document reads them (test/markdown-chunked.test.ts proves it).
 *
 * remark's cost grows faster than the document (one giant tree to collect), so long tables are not
 * given to it whole. Long runs of lines starting with `|` lose their middle to a *skeleton* of the
 * document, which remark parses; a run whose kept edges turn out to be body rows of one top-level
 * table had nothing but body rows in its middle too (no block can start with `|`, and rows do not
 * depend on each other), so those lines are read on their own: plain rows by a fast splitter,
 * the others by remark in bounded chunks (the table's header and delimiter rows, the rows, and the
 * document's definitions, on which links and footnotes depend). Lines and columns stay the
 * document's. Anything unexpected falls back to parsing the whole document.
 */
export async function readTables(markdown: string, file: string, limits: ChunkLimits = defaultLimits): Promise<MarkdownTable[]> {
  const parse = await remarkParser();
  const whole = () => readTablesWhole(markdown, file);
  const lines = splitLines(markdown);
  let runs = longRowRuns(lines, limits.minRun);
  while (runs.length > 0) {
    const skeleton = skeletonOf(markdown, lines, runs);
    const reading = tablesOfTree(parse(skeleton.text), skeleton.text, file, skeleton.toLine);
    const placed = runs.map((run) => placeRun(run, reading, skeleton));
    if (placed.every((p) => p !== undefined)) {
      return fillTables(reading, placed as PlacedRun[], { lines, file, parse, toLine: skeleton.toLine, chunkRows: limits.chunkRows }) ?? whole();
    }
    runs = runs.filter((_, i) => placed[i] !== undefined); // read the others in the skeleton, in full
  }
  return whole();
}

/** The whole document in one remark parse: what readTables must equal, and the way to read short pages. */
export async function readTablesWhole(markdown: string, file: string): Promise<MarkdownTable[]> {
  const parse = await remarkParser();
  return tablesOfTree(parse(markdown), markdown, file, undefined, false).tables.map((t) => t.table);
}

export interface ChunkLimits {
  /** Runs of row-like lines shorter than this are left to the skeleton. */
  readonly minRun: number;
  /** Rows remark reads per chunk: small enough that its cost per row stays flat. */
  readonly chunkRows: number;
}

/**
 * Even the seed's tables (20 and 43 rows) read 2–3× faster through the skeleton: remark's code runs
 * cold in a short-lived CLI, so every row it does not see saves time. Tests use smaller limits
 * still, so that short documents go through every path.
 */
export const defaultLimits: ChunkLimits = { minRun: 16, chunkRows: 500 };

/** Lines (1-based, inclusive) dropped from the skeleton and read separately. */
interface ElidedRun {
  readonly from: number;
  readonly to: number;
}

/**
 * Lines kept at the head of a run, so that the skeleton shows the table its middle belongs to:
 * through its first delimiter row and one body row after it. remark reads every skeleton line cold
 * (about a millisecond each in a CLI run), so a run that starts with its header keeps three. One
 * with no delimiter row near its start (paragraph lines before the header) keeps `maxKeptHead`.
 * Where the head shows no table row just before the elided middle (too many paragraph lines, or
 * a delimiter-like line among them), the run is not placed and is read in full: slower, never wrong.
 */
function keptHead(lines: readonly SourceLine[], start: number, end: number): number {
  const last = Math.min(end, start + maxKeptHead - 1);
  for (let i = start; i < last; i++) if (delimiterRow.test((lines[i] as SourceLine).text)) return i - start + 2;
  return maxKeptHead;
}

const maxKeptHead = 8;
/** Lines kept at the tail of a run. */
const keptTail = 2;

/** A GFM delimiter row that starts with a pipe, as row-like lines do: `| --- | :-: |`. */
const delimiterRow = /^\|(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$/;

/** The middles of the long runs of lines that start with `|` in the first column. */
function longRowRuns(lines: readonly SourceLine[], minRun: number): ElidedRun[] {
  const runs: ElidedRun[] = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const isRowLike = i < lines.length && (lines[i] as SourceLine).text.charCodeAt(0) === 0x7c;
    if (isRowLike && start < 0) start = i;
    if (!isRowLike && start >= 0) {
      const head = keptHead(lines, start, i);
      if (i - start >= Math.max(minRun, head + keptTail + 1)) runs.push({ from: start + 1 + head, to: i - keptTail });
      start = -1;
    }
  }
  return runs;
}

interface Skeleton {
  readonly text: string;
  /** Skeleton line → document line. */
  readonly toLine: (line: number) => number;
  /** Document line → skeleton line, for lines that were kept. */
  readonly fromLine: (line: number) => number;
}

function skeletonOf(markdown: string, lines: readonly SourceLine[], runs: readonly ElidedRun[]): Skeleton {
  const parts: string[] = [];
  /** Skeleton lines from `at` on are `shift` lines further down in the document. */
  const boundaries: Array<{ at: number; shift: number }> = [];
  let kept = 0;
  let shift = 0;
  for (const run of runs) {
    parts.push(markdown.slice(kept, (lines[run.from - 1] as SourceLine).start));
    kept = (lines[run.to - 1] as SourceLine).next;
    boundaries.push({ at: run.from - shift, shift: shift + run.to - run.from + 1 });
    shift += run.to - run.from + 1;
  }
  parts.push(markdown.slice(kept));
  const toLine = (line: number): number => {
    let result = line;
    for (const b of boundaries) if (line >= b.at) result = line + b.shift;
    return result;
  };
  const fromLine = (line: number): number => {
    let result = line;
    runs.forEach((run, i) => {
      if (line > run.to) result = line - (boundaries[i] as { shift: number }).shift;
    });
    return result;
  };
  return { text: parts.join(''), toLine, fromLine };
}

interface PlacedRun extends ElidedRun {
  readonly table: number;
  /** The body row the run's lines follow. */
  readonly afterRow: number;
}

/** Where an elided run belongs: between two consecutive body rows of one top-level table, or nowhere. */
function placeRun(run: ElidedRun, reading: RemarkReading, skeleton: Skeleton): PlacedRun | undefined {
  const before = skeleton.fromLine(run.from - 1);
  for (const [index, { topLevel, rowLines }] of reading.tables.entries()) {
    if (!topLevel) continue;
    const row = rowLines.indexOf(before);
    if (row >= 0) return rowLines[row + 1] === before + 1 ? { ...run, table: index, afterRow: row } : undefined;
  }
  return undefined;
}

interface FillContext {
  readonly lines: readonly SourceLine[];
  readonly file: string;
  readonly parse: Awaited<ReturnType<typeof remarkParser>>;
  readonly toLine: (line: number) => number;
  readonly chunkRows: number;
}

/** The skeleton's tables with each run's rows put back; undefined if a chunk does not read as expected. */
function fillTables(reading: RemarkReading, runs: readonly PlacedRun[], context: FillContext): MarkdownTable[] | undefined {
  const tables = reading.tables.map((t) => t.table);
  const additions = new Map<number, Array<{ afterRow: number; rows: MarkdownCell[][] }>>();
  for (const run of runs) {
    const { headerLine } = reading.tables[run.table] as RemarkReading['tables'][number];
    const rows = readRunRows(run, { ...context, header: context.toLine(headerLine), definitions: reading.definitions });
    if (!rows) return undefined;
    const list = additions.get(run.table) ?? [];
    list.push({ afterRow: run.afterRow, rows });
    additions.set(run.table, list);
  }
  return tables.map((table, index) => {
    const inserts = additions.get(index);
    if (!inserts) return table;
    const rows: (readonly MarkdownCell[])[] = [];
    let next = 0;
    table.rows.forEach((row, r) => {
      rows.push(row);
      while (next < inserts.length && (inserts[next] as { afterRow: number }).afterRow === r) {
        for (const added of (inserts[next] as { rows: MarkdownCell[][] }).rows) rows.push(added);
        next++;
      }
    });
    return { ...table, rows };
  });
}

interface RunContext extends FillContext {
  /** Document line of the table's header row; its delimiter row is the next line. */
  readonly header: number;
  readonly definitions: readonly string[];
}

/** The rows of an elided run, in order: plain rows split directly, the rest parsed by remark in chunks. */
function readRunRows(run: ElidedRun, context: RunContext): MarkdownCell[][] | undefined {
  const rows: MarkdownCell[][] = [];
  const needParser: number[] = []; // document lines
  const slots: number[] = []; // where each of those rows goes in `rows`
  for (let line = run.from; line <= run.to; line++) {
    const cells = plainRowCells((context.lines[line - 1] as SourceLine).text);
    if (cells) {
      rows.push(cells.map((cell) => ({ text: cell.text, at: { file: context.file, line, column: cell.column } })));
    } else {
      needParser.push(line);
      slots.push(rows.length);
      rows.push([]);
    }
  }
  for (let start = 0; start < needParser.length; start += context.chunkRows) {
    const chunk = needParser.slice(start, start + context.chunkRows);
    const parsed = parseChunk(chunk, context);
    if (!parsed) return undefined;
    parsed.forEach((cells, i) => {
      rows[slots[start + i] as number] = cells;
    });
  }
  return rows;
}

/**
 * Some body rows of a table, read by remark as the rows of a table with the same header and
 * delimiter rows, followed by the document's definitions. Chunk line 3 + i is document line rows[i].
 */
function parseChunk(rows: readonly number[], context: RunContext): MarkdownCell[][] | undefined {
  const text = (line: number) => (context.lines[line - 1] as SourceLine).text;
  const chunk = [text(context.header), text(context.header + 1), ...rows.map(text)].join('\n') + '\n\n' + context.definitions.join('\n\n');
  const toLine = (line: number) => (line >= 3 ? (rows[line - 3] ?? 0) : context.header + line - 1);
  const [table] = tablesOfTree(context.parse(chunk), chunk, context.file, toLine, false).tables;
  const expected = rows.map((_, i) => i + 3);
  if (!table || !table.topLevel || table.headerLine !== 1 || table.rowLines.join() !== expected.join()) return undefined;
  return table.table.rows.map((row) => [...row]);
}
