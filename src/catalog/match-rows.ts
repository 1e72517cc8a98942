/** What a row and an entry are compared by. */
export interface RowFields {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly solution: string;
}

export interface MatchOptions<Entry> {
  /** The entry's status, message and solution as the catalog has them. */
  readonly fieldsOf: (entry: Entry) => Partial<Record<'status' | 'message' | 'solution', unknown>>;
  /** Whether the entry belongs to the pages read now (not to another page's rows): such an entry is taken first. */
  readonly isOwn?: (entry: Entry, occurrence: number) => boolean;
}

/**
 * Pairs Markdown rows with the catalog entries of their codes, as import merges them and `check`
 * compares them. A code listed once has its one row and entry paired, whatever changed. The rows and
 * entries of a code listed several times (FAILED_PRECONDITION, with 400 and 409) are aligned in
 * order, pairing each row with the entry most like it: adding, deleting or editing one row leaves
 * every other row on its own entry, with what was added to that entry by hand. Rows are in page
 * order, entries in catalog order; a row left without an entry is new, an entry left without a row
 * is missing from the page.
 */
export function matchRows<Row extends RowFields, Entry>(rows: Iterable<Row>, entriesOf: (code: string) => readonly Entry[] | undefined, options: MatchOptions<Entry>): Map<Row, Entry> {
  const rowsByCode = new Map<string, Row[]>();
  for (const row of rows) {
    const list = rowsByCode.get(row.code);
    if (list) list.push(row);
    else rowsByCode.set(row.code, [row]);
  }
  const matched = new Map<Row, Entry>();
  for (const [code, codeRows] of rowsByCode) {
    const entries = entriesOf(code);
    if (entries === undefined || entries.length === 0) continue;
    if (codeRows.length === 1 && entries.length === 1) matched.set(codeRows[0] as Row, entries[0] as Entry);
    else align(codeRows, entries, options, matched);
  }
  return matched;
}

/**
 * The order-preserving pairing with the highest total likeness (a longest common subsequence,
 * weighted): every pair counts, so rows pair with as many entries as they can, and among the ways to
 * do that the one whose pairs agree most wins. A code is listed a few times, so the table is small.
 */
function align<Row extends RowFields, Entry>(rows: readonly Row[], entries: readonly Entry[], options: MatchOptions<Entry>, matched: Map<Row, Entry>): void {
  const fields = entries.map((entry) => options.fieldsOf(entry));
  const own = entries.map((entry, occurrence) => options.isOwn?.(entry, occurrence) ?? true);
  const likeness = (row: Row, e: number): number => {
    const f = fields[e] as ReturnType<MatchOptions<Entry>['fieldsOf']>;
    // The message says most about which row an entry was; an entry of another page is taken last.
    return 1 + (f.status === row.status ? 2 : 0) + (f.message === row.message ? 3 : 0) + (f.solution === row.solution ? 1 : 0) + (own[e] ? 8 : 0);
  };
  const width = entries.length + 1;
  const best = new Float64Array((rows.length + 1) * width);
  for (let r = 1; r <= rows.length; r++) {
    for (let e = 1; e <= entries.length; e++) {
      const paired = (best[(r - 1) * width + e - 1] as number) + likeness(rows[r - 1] as Row, e - 1);
      best[r * width + e] = Math.max(paired, best[(r - 1) * width + e] as number, best[r * width + e - 1] as number);
    }
  }
  // Back from the end: a pair where pairing gave the best, else a skipped row or entry.
  for (let r = rows.length, e = entries.length; r > 0 && e > 0; ) {
    const here = best[r * width + e] as number;
    if (here === (best[(r - 1) * width + e - 1] as number) + likeness(rows[r - 1] as Row, e - 1)) {
      matched.set(rows[r - 1] as Row, entries[e - 1] as Entry);
      r--;
      e--;
    } else if (here === best[(r - 1) * width + e]) r--;
    else e--;
  }
}
