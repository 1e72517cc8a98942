import type { Diagnostic, Location } from '../diagnostics.js';
import { classifyColumns, type ColumnRole, type FieldName, type HeaderSynonyms, type PassedOver } from './columns.js';
import { warnOfKeptTags, keptTagWarnings } from './kept-tags.js';
import type { MarkdownCell, MarkdownTable } from './read-tables.js';
import { reasonPhrase, statusWithReason } from '../emit/http-status.js';
import { groupTitle } from './title.js';

/** One Markdown row of an error-code table, as plain values with the places they came from. */
export interface ImportedRow {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly solution: string;
  /** Columns that are not one of the four fields, by header text, in column order. */
  readonly extra: ReadonlyArray<readonly [header: string, value: string]>;
  /** The code cell: where a diagnostic about this row points. */
  readonly at: Location;
  readonly cells: Readonly<Partial<Record<FieldName, Location>>>;
  /** The heading its table is under (a titled table's title): which of a code's entries it more likely is. */
  readonly heading?: string | undefined;
}

export interface ImportedTable {
  readonly title: string;
  /** Whether `title` is the heading's; without a heading above the table, it is the page's file name. */
  readonly titled: boolean;
  readonly at: Location;
  /** The table's columns in source order, so docs can be written back the same way. */
  readonly columns: readonly ColumnRole[];
  readonly rows: readonly ImportedRow[];
}

/** A table that is not read as an error-code table: it has no code column. */
export interface SkippedTable {
  readonly at: Location;
  readonly headers: readonly string[];
  /** The texts of the cells on each of its lines. */
  readonly cells: ReadonlyMap<number, ReadonlySet<string>>;
}

/**
 * The skipped table that still holds a row imported before: one with the code in a cell on the very
 * line its row was imported from (`at`, from the source map), as when a table's headers were mapped
 * with --header once and are not now. A code that is only mentioned elsewhere (a table of statuses)
 * does not count.
 */
export function skippedTableHolding(skipped: readonly SkippedTable[], code: string, at: Location | undefined): SkippedTable | undefined {
  if (at === undefined) return undefined;
  return skipped.find((table) => table.at.file === at.file && table.cells.get(at.line)?.has(code) === true);
}

export interface ExtractResult {
  readonly tables: ImportedTable[];
  readonly skipped: SkippedTable[];
  /** The codes of rows that could not be read (a bad status, a table with a header problem): they are on the page, and their errors say why they were not read. */
  readonly unreadRows: Set<string>;
  readonly diagnostics: Diagnostic[];
}

/** Picks the error-code tables out of a document's tables and turns their rows into values. */
export function extractErrorTables(
  tables: readonly MarkdownTable[],
  file: string,
  synonyms: HeaderSynonyms,
  fallbackTitle: string,
): ExtractResult {
  const result: ExtractResult = { tables: [], skipped: [], unreadRows: new Set(), diagnostics: [] };
  const headingsWarned = new Set<string>();
  for (const table of tables) {
    const { roles: columns, passedOver } = classifyColumns(
      table.header.map((c) => c.text),
      synonyms,
    );
    const indexOf = (field: FieldName) => columns.findIndex((c) => 'field' in c && c.field === field);
    if (indexOf('code') < 0) {
      const headers = table.header.map((c) => c.text);
      const cells = new Map(table.rows.filter((row) => row[0]).map((row) => [(row[0] as MarkdownCell).at.line, new Set(row.map((c) => c.text))]));
      result.skipped.push({ at: table.at, headers, cells });
      continue;
    }
    result.diagnostics.push(...passedOverWarnings(table, passedOver, 'is kept under `fields`, by its header'));
    if (indexOf('status') < 0) {
      result.diagnostics.push({
        severity: 'error',
        at: table.at,
        message: `this table has an error-code column ("${table.header[indexOf('code')]?.text}") but no HTTP status column (headers: ${table.header.map((c) => `"${c.text}"`).join(', ')})`,
        hint: 'Add a "HTTP Status" column, or name its header as the status: `--header status=<its header>`, or under `headers.status` in errgen.config.yaml.',
      });
      unreadCodes(table, indexOf('code'), result.unreadRows);
      continue;
    }
    const headerProblems = extraHeaderProblems(table, columns);
    if (headerProblems.length > 0) {
      result.diagnostics.push(...headerProblems);
      unreadCodes(table, indexOf('code'), result.unreadRows);
      continue;
    }
    const rows: ImportedRow[] = [];
    const title = groupTitle(table.heading);
    // Said once for a heading over several tables: by where its first kept tag is.
    const headingTag = table.headingTagsKept?.[0]?.at;
    if (headingTag && !headingsWarned.has(`${headingTag.line}:${headingTag.column}`)) {
      headingsWarned.add(`${headingTag.line}:${headingTag.column}`);
      warnOfKeptTags(table.headingTagsKept ?? [], result.diagnostics);
    }
    for (const cells of table.rows) {
      const row = readRow(cells, columns, table, title, result.diagnostics, result.unreadRows);
      if (row) rows.push(row);
    }
    result.tables.push({ title: title ?? fallbackTitle, titled: title !== undefined, at: table.at, columns, rows });
  }
  if (result.tables.length === 0 && !result.diagnostics.some((d) => d.severity === 'error')) {
    result.diagnostics.push(
      noErrorTable(file, tables, 'An error-code table needs a header row with a code column ("Error Code") and a status column ("HTTP Status").'),
    );
  }
  return result;
}

/**
 * A warning at each column whose header names a field another column feeds (classifyColumns): which
 * one errgen read, what became of this one (`kept`), and how to choose it instead.
 */
export function passedOverWarnings(table: MarkdownTable, passedOver: readonly PassedOver[], kept: string): Diagnostic[] {
  return passedOver.map(({ field, taken, other }) => {
    const header = table.header[other]?.text ?? '';
    const takenHeader = table.header[taken]?.text ?? '';
    return {
      severity: 'warning',
      at: table.header[other]?.at ?? table.at,
      message: `"${header}" could be the ${field} column too: errgen reads "${takenHeader}" (column ${taken + 1}) as the ${field}, and this column ${kept}`,
      // Two columns with one header: no header name can choose between them.
      hint:
        header === takenHeader
          ? 'Rename one of the two headers.'
          : `To read this column as the ${field}, map its header: \`--header "${field}=${header}"\`, or under \`headers.${field}\` in errgen.config.yaml. Or rename one of the two headers.`,
    };
  });
}

/** The codes of a table that is not read for a problem with its header: on the page, not missing from it. */
function unreadCodes(table: MarkdownTable, codeColumn: number, unreadRows: Set<string>): void {
  for (const cells of table.rows) {
    const text = cells[codeColumn]?.text;
    if (text) unreadRows.add(text);
  }
}

/**
 * The cells of a column that is none of the four fields are kept under `fields` by its header: a
 * column without one, or with another's, would lose them (or make a catalog with an empty name).
 */
function extraHeaderProblems(table: MarkdownTable, columns: readonly ColumnRole[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const seen = new Map<string, number>();
  columns.forEach((role, i) => {
    if (!('extra' in role)) return;
    const at = table.header[i]?.at ?? table.at;
    if (role.extra === '') {
      const empty = table.rows.every((cells) => (cells[i]?.text ?? '') === '');
      problems.push({
        severity: 'error',
        at,
        message: `column ${i + 1} has no header${empty ? ' (and no text)' : ''}`,
        hint: empty ? 'Remove the column.' : 'Give it a header: its cells are kept in the catalog under `fields`, by that name.',
      });
      return;
    }
    const first = seen.get(role.extra);
    if (first === undefined) {
      seen.set(role.extra, i);
      return;
    }
    problems.push({
      severity: 'error',
      at,
      message: `columns ${first + 1} and ${i + 1} are both headed "${role.extra}": the catalog keeps a column's cells under its header, so one would be lost`,
      hint: 'Give the columns different headers, or merge them.',
    });
  });
  return problems;
}

function readRow(
  cells: readonly MarkdownCell[],
  columns: readonly ColumnRole[],
  table: MarkdownTable,
  heading: string | undefined,
  diagnostics: Diagnostic[],
  unreadRows: Set<string>,
): ImportedRow | undefined {
  const rowStart = cells[0]?.at ?? table.at;
  if (cells.length !== columns.length) {
    const fewer = cells.length < columns.length;
    diagnostics.push({
      severity: 'error',
      at: fewer ? rowStart : (cells[columns.length]?.at ?? rowStart),
      message: `this row has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the table header has ${columns.length}`,
      hint: fewer
        ? 'Add the missing cells (an empty cell is written `|  |`).'
        : 'Remove the extra cells, or write a literal pipe inside a cell as `\\|`.',
    });
    // Its code is on the page still, in some cell (a stray `|` shifts them): none is missing, nor to be pruned.
    for (const cell of cells) if (cell.text) unreadRows.add(cell.text);
    return undefined;
  }
  const values: Partial<Record<FieldName, string>> = {};
  const at: Partial<Record<FieldName, Location>> = {};
  const extra: Array<readonly [string, string]> = [];
  let codeCell: MarkdownCell | undefined;
  columns.forEach((role, i) => {
    const cell = cells[i] as MarkdownCell;
    if ('field' in role) {
      values[role.field] = cell.text;
      at[role.field] = cell.at;
      if (role.field === 'code') codeCell = cell;
    } else {
      extra.push([role.extra, cell.text]);
    }
  });
  const code = values.code ?? '';
  const codeAt = at.code ?? rowStart;
  keptTagWarnings(cells, diagnostics);
  if (codeCell?.struck) {
    diagnostics.push({
      severity: 'warning',
      at: codeAt,
      message: `the code cell of ${code} has struck-through text: errgen reads it as plain text, so ${code} is a live code`,
      hint: 'To retire it, say so in the catalog: `deprecated: { since: …, replacement: … }` while the API still sends it; once it does not, `removed: true` (a tombstone, so it is never reused) and delete its row.',
    });
  }
  if (codeCell?.underscoresRead) {
    diagnostics.push({
      severity: 'warning',
      at: codeAt,
      message: `the code reads as "${code}": Markdown takes the underscores around part of it as emphasis`,
      hint: 'If they are part of the code, write the code in backticks, e.g. `__proto__`, or escape them, e.g. \\_\\_proto\\_\\_.',
    });
  }
  let ok = true;
  if (code === '') {
    diagnostics.push({ severity: 'error', at: codeAt, message: 'the error code cell is empty', hint: 'Write the code, e.g. NOT_FOUND, or delete the row.' });
    ok = false;
  }
  if (code !== '' && cells.length > 2 && cells.every((cell) => cell === codeCell || cell.text === '')) {
    // `| **Auth** | | | |`: a title for the rows below it, which Markdown tables do not have.
    diagnostics.push({
      severity: 'error',
      at: codeAt,
      message: `this row has text only in its code cell ("${code}"): a section title inside a table is not read`,
      hint: `Put it above the table as a heading (## ${code}), which names the group of the rows below it, and start a new table there; if it is a code, fill in its status.`,
    });
    return undefined;
  }
  const read = readStatus(values.status ?? '');
  const status = 'status' in read ? read.status : undefined;
  if (!('status' in read)) {
    diagnostics.push({ severity: 'error', at: at.status ?? rowStart, message: `status "${values.status ?? ''}"${code ? ` of ${code}` : ''} ${read.problem}`, hint: read.hint });
    ok = false;
  }
  if (!ok || status === undefined) {
    if (code !== '') unreadRows.add(code);
    return undefined;
  }
  return { code, status, message: values.message ?? '', solution: values.solution ?? '', extra, at: codeAt, cells: at, heading };
}

/**
 * A status cell: a number from 100 to 599, optionally with a reason phrase after it (`404 Not Found`,
 * `404 NotFound`, `503 - Service Unavailable`, `400 (Bad Request)`), or why it is not one. A phrase
 * that is another status's registered one (`500 Not Found`) contradicts the number: the page is
 * wrong in one of the two places, and only its author knows which.
 */
export function readStatus(text: string): { status: number } | { problem: string; hint: string } {
  const match = /^(\d{3})(?:(?:\s*[-\u2013\u2014:]\s*|\s+|(?=[A-Za-z]))([A-Za-z][A-Za-z '-]*)|\s*\(\s*([A-Za-z][A-Za-z '-]*?)\s*\))?$/.exec(text.trim());
  const status = match ? Number(match[1]) : undefined;
  if (status === undefined || status < 100 || status > 599) {
    const numbers = text.match(/\b\d{3}\b/g) ?? [];
    return numbers.length > 1
      ? { problem: 'is not one HTTP status', hint: 'Write one status per row: list the code again on another row for its other status (errgen reads a code listed twice as one code with both statuses).' }
      : { problem: 'is not an HTTP status (an integer from 100 to 599)', hint: 'Write the status as a number, optionally followed by its reason phrase, e.g. `404` or `404 Not Found`.' };
  }
  const phrase = match?.[2] ?? match?.[3];
  const named = phrase === undefined ? undefined : statusWithReason(phrase);
  if (named !== undefined && named !== status) {
    return {
      problem: `names two statuses: ${status}, and ${phrase!.trim()}, which is ${named}`,
      hint: `Fix the number or the phrase: \`${named} ${reasonPhrase(named)}\`, or \`${status}\` alone (${status} is ${reasonPhrase(status)}).`,
    };
  }
  return { status };
}

/**
 * The error for a page with tables but none with an error-code column, at the first table (else the
 * page's start), with each table's headers; `hint` says which columns the reader wants.
 */
export function noErrorTable(file: string, tables: readonly MarkdownTable[], hint: string): Diagnostic {
  const listed = tables.slice(0, 3).map((table) => table.header.map((cell) => `"${cell.text}"`).join(', '));
  const more = tables.length > listed.length ? `; ${tables.length - listed.length} more` : '';
  return {
    severity: 'error',
    at: tables[0]?.at ?? { file, line: 1, column: 1 },
    message:
      tables.length === 0
        ? 'no table found: this page has no Markdown table'
        : `no error-code table found: ${tables.length === 1 ? 'its table has' : `its ${tables.length} tables have`} no error-code column (headers: ${listed.join('; ')}${more})`,
    // Header names help only a page that has tables.
    hint: tables.length === 0 ? hint : `${hint} Map other header names with \`--header code=<name>\` (and status, message, solution), or under \`headers\` in errgen.config.yaml.`,
  };
}
