/**
 * Pairs Markdown rows with the catalog entries of their codes, as import merges them, as its
 * source map records them and as `check` compares them. A code is usually listed once, and its row
 * is its entry's. A code listed several times (FAILED_PRECONDITION, with 400 and 409) is paired by
 * status first, then in order: deleting, adding or reordering one of its rows leaves every other row
 * on its own entry, with what was added to that entry by hand. Rows are taken in page order and
 * entries in catalog order; a row left without an entry is new, an entry left without a row is
 * missing from the page.
 */
export function matchRows<Row extends { readonly code: string; readonly status: number }, Entry>(
  rows: Iterable<Row>,
  entriesOf: (code: string) => readonly Entry[] | undefined,
  statusOf: (entry: Entry) => unknown,
): Map<Row, Entry> {
  const matched = new Map<Row, Entry>();
  const taken = new Set<Entry>();
  const changedStatus: Row[] = [];
  for (const row of rows) {
    const entries = entriesOf(row.code);
    if (entries === undefined) continue;
    const same = entries.find((entry) => !taken.has(entry) && statusOf(entry) === row.status);
    if (same === undefined) {
      changedStatus.push(row);
      continue;
    }
    taken.add(same);
    matched.set(row, same);
  }
  // A row whose status is no entry's: the first entry left, as when its status was edited on the page.
  for (const row of changedStatus) {
    const left = entriesOf(row.code)?.find((entry) => !taken.has(entry));
    if (left === undefined) continue;
    taken.add(left);
    matched.set(row, left);
  }
  return matched;
}
