/** What a row and an entry are compared by (a translated row has no default-language texts to compare). */
export interface RowFields {
  readonly code: string;
  readonly status?: number | undefined;
  readonly message?: string;
  readonly solution?: string;
  /** The heading the row is under, if any. */
  readonly heading?: string | undefined;
}

export interface MatchOptions<Entry> {
  /** The entry's status, message and solution as the catalog has them, and its group's title. */
  readonly fieldsOf: (entry: Entry) => Partial<Record<'status' | 'message' | 'solution' | 'group', unknown>>;
  /** Whether the entry belongs to the pages read now (not to another page's rows): such an entry is taken first. */
  readonly isOwn?: (entry: Entry, occurrence: number) => boolean;
}

/**
 * Pairs Markdown rows with the catalog entries of their codes, as import merges them and `check`
 * compares them. A code listed once has its one row and entry paired, whatever changed. The rows and
 * entries of a code listed several times (FAILED_PRECONDITION, with 400 and 409) are paired by
 * likeness: adding, deleting, moving or editing one row leaves every other row on its own entry,
 * with what was added to that entry by hand. Rows are in page order, entries in catalog order; a row
 * left without an entry is new, an entry left without a row is missing from the page.
 */
export function matchRows<Row extends RowFields, Entry>(rows: Iterable<Row>, entriesOf: (code: string) => readonly Entry[] | undefined, options: MatchOptions<Entry>): Map<Row, Entry> {
  // A code's row, or its rows when it is listed more than once: at 100,000 codes, a list for each cost a tenth of a second.
  const rowsByCode = new Map<string, Row | Row[]>();
  for (const row of rows) {
    const known = rowsByCode.get(row.code);
    if (known === undefined) rowsByCode.set(row.code, row);
    else if (Array.isArray(known)) known.push(row);
    else rowsByCode.set(row.code, [known, row]);
  }
  const matched = new Map<Row, Entry>();
  for (const [code, codeRows] of rowsByCode) {
    const entries = entriesOf(code);
    if (entries === undefined || entries.length === 0) continue;
    if (!Array.isArray(codeRows) && entries.length === 1) matched.set(codeRows, entries[0] as Entry);
    else align(Array.isArray(codeRows) ? codeRows : [codeRows], entries, options, matched);
  }
  return matched;
}

/**
 * Pairs the most alike row and entry first, then the most alike of the rest, and so on: a row moved
 * on the page keeps its entry, and a row edited in one field still finds its own. Equally alike pairs
 * go in order, earlier rows with earlier entries (as when nothing tells them apart). A code is listed
 * a few times, so there are few pairs to weigh.
 */
function align<Row extends RowFields, Entry>(rows: readonly Row[], entries: readonly Entry[], options: MatchOptions<Entry>, matched: Map<Row, Entry>): void {
  const pairs: Array<{ readonly r: number; readonly e: number; readonly likeness: number }> = [];
  entries.forEach((entry, e) => {
    const f = options.fieldsOf(entry);
    // The heading says most about which row an entry was (a code listed in two tables), then the
    // message; an entry of another page is taken last.
    const own = (options.isOwn?.(entry, e) ?? true) ? 16 : 0;
    rows.forEach((row, r) => {
      const heading = row.heading !== undefined && f.group === row.heading ? 4 : 0;
      pairs.push({ r, e, likeness: own + heading + (f.status === row.status ? 2 : 0) + (f.message === row.message ? 3 : 0) + (f.solution === row.solution ? 1 : 0) });
    });
  });
  pairs.sort((a, b) => b.likeness - a.likeness || a.r - b.r || a.e - b.e);
  const rowTaken = new Set<number>();
  const entryTaken = new Set<number>();
  for (const { r, e } of pairs) {
    if (rowTaken.has(r) || entryTaken.has(e)) continue;
    rowTaken.add(r);
    entryTaken.add(e);
    matched.set(rows[r] as Row, entries[e] as Entry);
  }
}
