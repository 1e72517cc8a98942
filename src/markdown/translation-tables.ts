import type { Diagnostic, Location } from '../diagnostics.js';
import { classifyColumns, type FieldName, type HeaderSynonyms } from './columns.js';
import { noErrorTable, passedOverWarnings, readStatus } from './error-tables.js';
import { keptTagWarnings } from './kept-tags.js';
import type { MarkdownCell, MarkdownTable } from './read-tables.js';

/** One row of a translated page: the code it translates and the translated cells. */
export interface TranslatedRow {
  readonly code: string;
  readonly message: string;
  /** '' when the cell is empty or the page has no solution column: the translation has no solution. */
  readonly solution: string;
  /** The status cell's number when the page has a status column; only compared, never imported. */
  readonly status: number | undefined;
  /** The code cell. */
  readonly at: Location;
  readonly cells: Readonly<Partial<Record<FieldName, Location>>>;
}

export interface TranslatedPage {
  readonly rows: TranslatedRow[];
  /** Error-code tables found (tables without a code column are not counted). */
  tables: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * The rows of a page translating the catalog into another language. Unlike the default-language
 * page a status column is optional (status belongs to the code, not to a language): the code
 * column says which entry a row translates, and message and solution are what it says.
 */
export function extractTranslatedRows(tables: readonly MarkdownTable[], file: string, synonyms: HeaderSynonyms): TranslatedPage {
  const page: TranslatedPage = { rows: [], tables: 0, diagnostics: [] };
  for (const table of tables) {
    const { roles: columns, passedOver } = classifyColumns(
      table.header.map((c) => c.text),
      synonyms,
    );
    const indexOf = (field: FieldName) => columns.findIndex((c) => 'field' in c && c.field === field);
    if (indexOf('code') < 0) continue;
    page.diagnostics.push(...passedOverWarnings(table, passedOver, 'is not read'));
    page.tables++;
    if (indexOf('message') < 0) {
      page.diagnostics.push({
        severity: 'error',
        at: table.at,
        message: `this table has an error-code column ("${table.header[indexOf('code')]?.text}") but no message column to translate (headers: ${table.header.map((c) => `"${c.text}"`).join(', ')})`,
        hint: 'Add a message column ("错误信息", "Message"), or name its header as the message: `--header message=<its header>`, or under `headers.message` in errgen.config.yaml.',
      });
      continue;
    }
    for (const cells of table.rows) {
      const row = readRow(cells, (field) => indexOf(field), columns.length, table.at, page.diagnostics);
      if (row) page.rows.push(row);
    }
  }
  if (page.tables === 0) {
    page.diagnostics.push(
      noErrorTable(file, tables, 'A translated table needs a header row with a code column ("错误码", "Error Code") and a message column.'),
    );
  }
  return page;
}

function readRow(
  cells: readonly MarkdownCell[],
  indexOf: (field: FieldName) => number,
  width: number,
  tableAt: Location,
  diagnostics: Diagnostic[],
): TranslatedRow | undefined {
  const rowStart = cells[0]?.at ?? tableAt;
  if (cells.length !== width) {
    diagnostics.push({
      severity: 'error',
      at: cells.length < width ? rowStart : (cells[width]?.at ?? rowStart),
      message: `this row has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the table header has ${width}`,
      hint: cells.length < width ? 'Add the missing cells (an empty cell is written `|  |`).' : 'Remove the extra cells, or write a literal pipe inside a cell as `\\|`.',
    });
    return undefined;
  }
  keptTagWarnings(cells, diagnostics);
  const cell = (field: FieldName): MarkdownCell | undefined => cells[indexOf(field)];
  const code = cell('code') as MarkdownCell;
  if (code.text === '') {
    diagnostics.push({ severity: 'error', at: code.at, message: 'the error code cell is empty', hint: 'Write the code, e.g. NOT_FOUND, or delete the row.' });
    return undefined;
  }
  const message = cell('message') as MarkdownCell;
  if (message.text === '') {
    // A page may list codes nobody has translated yet: such a row translates nothing.
    diagnostics.push({ severity: 'warning', at: message.at, code: code.text, message: `the message of ${code.text} is empty: the row is not imported`, hint: 'Write the translated message, or delete the row.' });
    return undefined;
  }
  const statusCell = cell('status');
  const read = statusCell && statusCell.text !== '' ? readStatus(statusCell.text) : undefined;
  const status = read && 'status' in read ? read.status : undefined;
  if (statusCell && read && !('status' in read)) {
    diagnostics.push({
      severity: 'warning',
      at: statusCell.at,
      code: code.text,
      message: `status "${statusCell.text}" of ${code.text} ${read.problem}, so it cannot be compared with the catalog`,
      hint: `${read.hint} Or leave the cell empty.`,
    });
  }
  const at: Partial<Record<FieldName, Location>> = {};
  for (const field of ['code', 'status', 'message', 'solution'] as const) {
    const found = cell(field);
    if (found) at[field] = found.at;
  }
  return { code: code.text, message: message.text, solution: cell('solution')?.text ?? '', status, at: code.at, cells: at };
}

/** What to do with a translated row that names an alias of `canonical`: rows are matched by code (import and check say the same). */
export function aliasRowHint(canonical: string): string {
  return `Write ${canonical} in this row (or remove the row, if the page has one for it already): a translation is matched by its code.`;
}
