import { type Document, isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Location } from '../diagnostics.js';
import type { ImportedRow, ImportedTable } from '../markdown/error-tables.js';
import { entryNode, isPlainRecord } from './entry-record.js';
import { defaultColumns, type TextField } from './model.js';
import { matchRows } from './match-rows.js';
import { isReadRecord, nodeAsParsed } from './records-document.js';
import { SeqEditor } from './seq-editor.js';
import { cellMatchesTemplate, plainText } from '../messages/template.js';

export interface MergeOptions {
  /** Delete catalog entries that are no longer in the Markdown (never tombstones). */
  readonly prune: boolean;
  /** Is this catalog entry in scope of this import? Entries last imported from other files are left alone. */
  readonly inScope: (code: string, occurrence: number) => boolean;
  /** Where the page has a code in a table that import skipped (no code column): its entry is not missing, and --prune keeps it. */
  readonly inSkippedTable?: (code: string, occurrence: number) => Location | undefined;
  /** The text yaml's parser read the document from, if it did: where its comments are written. */
  readonly source?: string;
}

export interface MissingEntry {
  readonly code: string;
  readonly group: string;
  /** Its status, when the code has other entries: which of them it is. */
  readonly status?: number;
  /** The code this import added with its status and message, one to one (likelyRenames): it may be this one, renamed on the page. */
  readonly renamedTo?: string;
}

/** An entry whose code is only in a table import skipped: kept, as its row may be there under headers import does not know. */
export interface SkippedEntry extends MissingEntry {
  readonly table: Location;
}

/** An entry whose message or solution this merge changed: its translations may translate the old text. */
export interface RetextedEntry {
  readonly node: YAMLMap;
  readonly fields: readonly TextField[];
  /** Each changed field's text before the merge. */
  readonly was: Readonly<Partial<Record<TextField, string>>>;
  /** The row: its code, and for a warning about one field the cells of its fields and its code cell. */
  readonly row: ImportedRow;
}

/** What a merge changed in one entry: the fields it set (`status`, `fields.Owner`), and the group it moved it to. */
export interface EntryChange {
  readonly code: string;
  readonly fields: readonly string[];
  readonly movedTo?: string;
}

export interface MergeSummary {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  /** The changed entries, in Markdown order: what import lists under its summary. */
  readonly changes: readonly EntryChange[];
  /** In the catalog but no longer in the Markdown: kept, or deleted with --prune. */
  readonly missing: readonly MissingEntry[];
  /** The entries added, in Markdown order. */
  readonly addedEntries: ReadonlyArray<{ readonly code: string; readonly status: number; readonly group: string }>;
  readonly inSkippedTables: readonly SkippedEntry[];
  readonly pruned: boolean;
  /** Did the merge edit the document at all (entries, groups or columns)? If not, the file is left as it is. */
  readonly edited: boolean;
  /** Whether a group was added, renamed, given other columns or emptied by --prune. */
  readonly groupsEdited: boolean;
  /** Groups given their table's new heading as title, in Markdown order. */
  readonly renamedGroups: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** Entries whose message or solution changed, in Markdown order. */
  readonly retexted: readonly RetextedEntry[];
  /** For each entry of the merged catalog, in catalog order, the row merged into it (none for an entry no row is). */
  readonly rows: ReadonlyArray<ImportedRow | undefined>;
  /** For each entry no row was merged into, in the same order, its place among its code's entries before the merge: where the source map had it. */
  readonly previousOccurrences: ReadonlyArray<number | undefined>;
}

export interface Entry {
  readonly group: YAMLMap;
  readonly codes: YAMLSeq;
  /** The item in `codes`: a node, or an entry read as a plain record (records-document.ts) that no merge edited yet. */
  readonly item: YAMLMap | Readonly<Record<string, unknown>>;
}

/** An entry's value at `key` as node.get(key) gives it: a scalar's value, a collection (node or plain). */
export function entryValue(entry: Entry, key: string): unknown {
  return isMap(entry.item) ? entry.item.get(key) : entry.item[key];
}

/**
 * The nodes of entries read as records, made as the parser would have made them when a merge edits
 * them. They replace their records in `codes` on swapIn, after the merge's SeqEditors (which know
 * items by identity) have written their sequences back.
 */
export class EntryNodes {
  private readonly made = new Map<unknown, YAMLMap>();
  private readonly sequences = new Set<YAMLSeq>();

  constructor(private readonly document: Document) {}

  of(entry: Entry): YAMLMap {
    if (isMap(entry.item)) return entry.item;
    let node = this.made.get(entry.item);
    if (!node) {
      this.made.set(entry.item, (node = nodeAsParsed(this.document, entry.item)));
      this.sequences.add(entry.codes);
    }
    return node;
  }

  swapIn(): void {
    for (const codes of this.sequences) codes.items = codes.items.map((item) => this.made.get(item) ?? item);
  }
}

/**
 * yaml keeps the comment lines above a block sequence's first item on the sequence, where they would
 * stay first when a row goes before that item or the item moves to another group. The lines right
 * above the item, with no blank line between, are the item's: they go with it (called as it stops
 * being first, so only while `first` is the sequence's first item as read). A comment on the
 * `codes:` line or a blank line away stays on the list, as does everything when the item is pruned.
 */
function commentToFirstItem(codes: YAMLSeq, first: unknown, source: string | undefined): void {
  if (!codes.commentBefore || codes.flow || first !== codes.items[0] || !isMap(first) || source === undefined || !codes.range) return;
  const lines = codes.commentBefore.split('\n');
  const own = Math.min(commentLinesAbove(source, codes.range[0]), lines.length);
  if (own === 0) return;
  const mine = lines.slice(lines.length - own).join('\n');
  first.commentBefore = first.commentBefore ? `${mine}\n${first.commentBefore}` : mine;
  const rest = lines.slice(0, lines.length - own).join('\n').replace(/\n+$/, '');
  // A blank line after the list's own comment, so that it is not read as the entry's next time.
  codes.commentBefore = rest ? `${rest}\n` : null;
}

/** How many lines right above the line at `offset` in `source` are comment lines alone (`  # …`). */
function commentLinesAbove(source: string, offset: number): number {
  let lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  let count = 0;
  while (lineStart > 0) {
    const above = source.lastIndexOf('\n', lineStart - 2) + 1;
    if (!/^[ \t]*#/.test(source.slice(above, lineStart - 1))) break;
    count++;
    lineStart = above;
  }
  return count;
}

/**
 * Merges imported rows into a catalog document in place. Rows are matched to entries by code (and,
 * for a code listed several times, most alike first: see matchRows), never by position, so entries
 * people moved, fields they added and comments they wrote all survive.
 */
export function mergeIntoCatalog(document: Document, tables: readonly ImportedTable[], options: MergeOptions): MergeSummary {
  const groups = groupsOf(document);
  const existing = indexEntries(groups);
  const nodes = new EntryNodes(document);
  const matched = new Set<unknown>();
  // Not a tombstone, nor an entry another page's rows were imported into: such an entry is paired only
  // when no other is left, and is neither moved nor taken for a renamed heading's group.
  const isOwn = (entry: Entry, occurrence: number) => !entryValue(entry, 'removed') && options.inScope(String(entryValue(entry, 'code')), occurrence);
  const own = (entry: Entry) => isOwn(entry, existing.get(String(entryValue(entry, 'code')))?.indexOf(entry) ?? 0);
  const entryOf = matchRows(
    tables.flatMap((table) => table.rows),
    (code) => existing.get(code),
    {
      fieldsOf: (entry) => ({ status: entryValue(entry, 'status'), message: entryValue(entry, 'message'), solution: entryValue(entry, 'solution'), group: entry.group.get('title') }),
      isOwn,
    },
  );
  // The row merged into each entry, by the item that stands in `codes` once the merge is done.
  const rowOfItem = new Map<unknown, ImportedRow>();
  const importedTitles = new Set(tables.map((t) => t.title));
  // The rows added as new entries, with the title of the group each went into.
  const added: Array<{ row: ImportedRow; group: string }> = [];
  let changed = 0;
  let unchanged = 0;
  let groupsEdited = false;
  const renamedGroups: Array<{ from: string; to: string }> = [];
  const retexted: RetextedEntry[] = [];
  const changes: EntryChange[] = [];
  let previousGroup: YAMLMap | undefined;
  // Where the next new row of a group goes: after its last row so far, also from an earlier table under the same heading.
  const cursors = new Map<YAMLMap, object | undefined>();
  const editors = new Map<YAMLMap, SeqEditor>();
  // Groups an entry moved out of: removed if that left them empty.
  const movedFrom = new Set<YAMLMap>();
  const columnsOf = new Map<YAMLMap, string[]>();
  const editorOf = (group: YAMLMap): SeqEditor => {
    let editor = editors.get(group);
    if (!editor) {
      const codes = codesOf(group);
      // An empty group written `codes: []` gets its entries as a block, like every other group's.
      if (codes.flow && codes.items.length === 0) codes.flow = false;
      editors.set(group, (editor = new SeqEditor(codes)));
    }
    return editor;
  };

  for (const table of tables) {
    const plan = table.rows.map((row) => ({ row, entry: entryOf.get(row) }));
    const found = findGroup(groups, table, plan, importedTitles, own);
    const group = found?.group ?? createGroup(document, groups, table.title, previousGroup);
    groupsEdited = !found || found.renamed !== undefined || groupsEdited;
    if (found?.renamed !== undefined) renamedGroups.push({ from: found.renamed, to: table.title });
    // Tables under one heading share a group: it has the columns of all of them, in order of first appearance.
    const columns = columnsOf.get(group) ?? [];
    for (const column of table.columns.map((c) => ('field' in c ? c.field : c.extra))) if (!columns.includes(column)) columns.push(column);
    columnsOf.set(group, columns);
    previousGroup = group;
    let cursor = cursors.get(group);
    for (const { row, entry } of plan) {
      if (entry) {
        matched.add(entry.item);
        // The row is under another heading than its own entry's group: the entry follows it, after the
        // row before it. Not when the table has no heading: it says nothing of groups.
        const moved = table.titled && entry.group.get('title') !== group.get('title') && own(entry);
        // A record is made a node only when the row changes or moves it: most rows of a re-import change nothing.
        const node = moved || isMap(entry.item) || !recordMatchesRow(entry.item, row) ? nodes.of(entry) : undefined;
        if (moved) {
          commentToFirstItem(entry.codes, editorOf(entry.group).first(), options.source);
          editorOf(entry.group).remove(entry.item);
          editorOf(group).insertAfter(cursor, node);
          movedFrom.add(entry.group);
        }
        const update = node && updateEntry(node, row);
        rowOfItem.set(node ?? entry.item, row);
        if ((update && update.changed.length > 0) || moved) {
          changed++;
          changes.push({ code: row.code, fields: update?.changed ?? [], ...(moved ? { movedTo: table.title } : {}) });
        } else unchanged++;
        if (node && update && update.retexted.length > 0) retexted.push({ node, fields: update.retexted, was: update.was, row });
        if (moved) cursor = node;
        else if (entry.group === group) cursor = entry.item;
      } else {
        // A plain record, not yet a node: see indexEntries. It never needs to be `matched`.
        const record = newEntry(row);
        if (cursor === undefined) commentToFirstItem(codesOf(group), editorOf(group).first(), options.source);
        editorOf(group).insertAfter(cursor, record);
        rowOfItem.set(record, row);
        cursor = record;
        added.push({ row, group: String(group.get('title')) });
      }
    }
    cursors.set(group, cursor);
  }

  const missing: MissingEntry[] = [];
  // Each missing entry's status and message, as renameKey writes them.
  const missingTexts: Array<string | undefined> = [];
  const inSkippedTables: SkippedEntry[] = [];
  const prunedFrom = new Set<YAMLMap>();
  // Each entry no row was merged into, by its place among its code's entries before the merge (its item is the same after it).
  const occurrenceOfItem = new Map<unknown, number>();
  for (const [code, entries] of existing) {
    entries.forEach((entry, occurrence) => {
      if (matched.has(entry.item)) return;
      occurrenceOfItem.set(entry.item, occurrence);
      if (entryValue(entry, 'removed') || !options.inScope(code, occurrence)) return;
      const group = String(entry.group.get('title'));
      const table = options.inSkippedTable?.(code, occurrence);
      if (table) {
        inSkippedTables.push({ code, group, table });
        return;
      }
      // Its status tells it from the code's other live entries, if it has some.
      const status = entries.some((other) => other !== entry && !entryValue(other, 'removed')) ? entryValue(entry, 'status') : undefined;
      missing.push({ code, group, ...(typeof status === 'number' ? { status } : {}) });
      missingTexts.push(renameKey(entryValue(entry, 'status'), entryValue(entry, 'message')));
      if (!options.prune) return;
      editorOf(entry.group).remove(entry.item);
      prunedFrom.add(entry.group);
    });
  }
  for (const editor of editors.values()) editor.commit();
  nodes.swapIn();
  for (const [group, columns] of columnsOf) {
    // An extra column of the group's entries no row of this run fed (another page's, under the same
    // heading) stays a column: its values are still in those entries' `fields`.
    const current = group.get('columns');
    for (const column of isSeq(current) ? current.toJSON() : []) {
      if (typeof column !== 'string' || columns.includes(column) || (defaultColumns as readonly string[]).includes(column)) continue;
      if (codesOf(group).items.some((item) => !rowOfItem.has(item) && hasExtraColumn(item, column))) columns.push(column);
    }
    groupsEdited = setColumns(document, group, columns) || groupsEdited;
  }
  const before = groups.items.length;
  // A group the moves emptied, unless a heading of the page still has its title; with --prune, also a
  // group the page has, or one this prune emptied. An empty group of your own stays.
  const onPage = (g: YAMLMap) => importedTitles.has(String(g.get('title')));
  const emptied = (g: YAMLMap) => (movedFrom.has(g) && !onPage(g)) || (options.prune && (onPage(g) || prunedFrom.has(g)));
  groups.items = groups.items.filter((g) => !isMap(g) || codesOf(g).items.length > 0 || !emptied(g));
  groupsEdited ||= groups.items.length !== before || movedFrom.size > 0;
  const edited = added.length > 0 || changed > 0 || (options.prune && missing.length > 0) || groupsEdited;
  const rows: Array<ImportedRow | undefined> = [];
  const previousOccurrences: Array<number | undefined> = [];
  for (const group of groups.items) {
    if (!isMap(group)) continue;
    for (const item of codesOf(group).items) {
      const row = rowOfItem.get(item);
      rows.push(row);
      previousOccurrences.push(occurrenceOfItem.get(item));
    }
  }
  const codesOnPage = new Set(tables.flatMap((table) => table.rows.map((row) => row.code)));
  const renamed = likelyRenames(missing, missingTexts, added.map((a) => a.row), codesOnPage);
  const addedEntries = added.map(({ row, group }) => ({ code: row.code, status: row.status, group }));
  return { added: added.length, addedEntries, changed, unchanged, changes, missing: missing.map((m, i) => (renamed[i] === undefined ? m : { ...m, renamedTo: renamed[i] })), inSkippedTables, pruned: options.prune, edited, groupsEdited, renamedGroups, retexted, rows, previousOccurrences };
}

export function groupsOf(document: Document): YAMLSeq {
  const groups = document.get('groups');
  if (isSeq(groups)) return groups;
  const seq = new YAMLSeq();
  document.set('groups', seq);
  return seq;
}

function codesOf(group: YAMLMap): YAMLSeq {
  const codes = group.get('codes');
  if (isSeq(codes)) return codes;
  const seq = new YAMLSeq();
  group.set('codes', seq);
  return seq;
}

/**
 * Every entry of the catalog by code, in catalog order: the n-th is the code's n-th occurrence.
 * Entries a merge added as plain records become nodes here, for the merges that edit them next;
 * entries read as records stay records until a merge edits them (EntryNodes).
 */
export function indexEntries(groups: YAMLSeq): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const group of groups.items) {
    if (!isMap(group)) continue;
    const codes = codesOf(group);
    codes.items.forEach((item, i) => {
      if (isPlainRecord(item) && !isReadRecord(item)) codes.items[i] = entryNode(codes.schema, item);
    });
    for (const item of codes.items) {
      if (!isMap(item) && !isReadRecord(item)) continue;
      const entry: Entry = { group, codes, item };
      const code = String(entryValue(entry, 'code'));
      const list = index.get(code) ?? [];
      list.push(entry);
      index.set(code, list);
    }
  }
  return index;
}

/**
 * A status and message as a key that a code renamed on the page keeps: the message with each
 * placeholder written as its name, as a cell may write it (cellMatchesTemplate). None for an empty
 * message, which tells nothing of where an entry went.
 */
function renameKey(status: unknown, message: unknown): string | undefined {
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  return `${String(status)} ${plainText(message)}`;
}

/**
 * For each missing entry, the code this import added that it most likely became: the one added code
 * with its status and message, when it is the one missing entry with them and its own code is gone
 * from the page (a code listed twice that lost one row was not renamed).
 */
function likelyRenames(missing: readonly MissingEntry[], texts: ReadonlyArray<string | undefined>, added: readonly ImportedRow[], onPage: ReadonlySet<string>): Array<string | undefined> {
  // Keying every added row reads each message's placeholders: 50 ms for a first import of 10,000 rows, which misses nothing.
  if (missing.length === 0 || added.length === 0) return [];
  const count = <T>(keys: Iterable<T>) => {
    const counts = new Map<T, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const addedKeys = added.map((row) => renameKey(row.status, row.message));
  const addedCount = count(addedKeys);
  const missingCount = count(texts);
  const addedByKey = new Map(addedKeys.map((key, i) => [key, (added[i] as ImportedRow).code]));
  return missing.map((m, i) => {
    const key = texts[i];
    if (key === undefined || onPage.has(m.code) || addedCount.get(key) !== 1 || missingCount.get(key) !== 1) return undefined;
    return addedByKey.get(key);
  });
}

/**
 * The group for a table: the one with its title, else (the heading was renamed) the group holding the
 * table's first known row, if that group's title is not another table's; `renamed` is its old title then. A table without a heading
 * (titled by its file name) renames nothing: the group's title is then the catalog's own.
 */
function findGroup(
  groups: YAMLSeq,
  table: ImportedTable,
  plan: ReadonlyArray<{ entry: Entry | undefined }>,
  importedTitles: ReadonlySet<string>,
  own: (entry: Entry) => boolean,
): { group: YAMLMap; renamed?: string } | undefined {
  const byTitle = groups.items.find((g): g is YAMLMap => isMap(g) && g.get('title') === table.title);
  if (byTitle) return { group: byTitle };
  // Not a tombstone's group (a group of retired codes), nor one of another page's entries.
  const holder = plan.find((p) => p.entry && own(p.entry))?.entry?.group;
  if (holder && !importedTitles.has(String(holder.get('title')))) {
    if (!table.titled) return { group: holder };
    const from = String(holder.get('title'));
    setScalar(holder, 'title', table.title);
    return { group: holder, renamed: from };
  }
  return undefined;
}

function createGroup(document: Document, groups: YAMLSeq, title: string, after: YAMLMap | undefined): YAMLMap {
  const group = document.createNode({ title, codes: [] }) as YAMLMap;
  const index = after ? groups.items.indexOf(after) + 1 : groups.items.length;
  groups.items.splice(index, 0, group);
  return group;
}

/** Remember a non-default column order (or extra columns) so docs can be written back the same way; true if `columns` changed. */
function setColumns(document: Document, group: YAMLMap, columns: readonly string[]): boolean {
  const isDefault = columns.length === defaultColumns.length && columns.every((c, i) => c === defaultColumns[i]);
  if (isDefault) return group.delete('columns');
  const current = group.get('columns');
  if (isSeq(current) && JSON.stringify(current.toJSON()) === JSON.stringify(columns)) return false;
  // Keep `columns` before `codes` so the group reads top-down.
  group.delete('columns');
  const codesIndex = group.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'codes');
  const pair = document.createPair('columns', columns);
  group.items.splice(codesIndex < 0 ? group.items.length : codesIndex, 0, pair);
  return true;
}

/** Whether a catalog item (a node or a plain record) has a value for this extra column under `fields`. */
function hasExtraColumn(item: unknown, column: string): boolean {
  const fields = isMap(item) ? item.get('fields') : isPlainRecord(item) ? item['fields'] : undefined;
  if (isMap(fields)) return fields.has(column);
  return isPlainRecord(fields) && Object.hasOwn(fields, column);
}

/** A new entry, as a plain record (see entry-record.ts). */
function newEntry(row: ImportedRow): Record<string, unknown> {
  const entry: Record<string, unknown> = { code: row.code, status: row.status, message: row.message, solution: row.solution };
  if (row.extra.length > 0) entry['fields'] = Object.fromEntries(row.extra);
  return entry;
}

/**
 * Would updateEntry leave the parsed node of this record as it is? True only if every field it sets
 * is a scalar (not a collection, in a mapping for `fields`) that setScalar or setText would keep.
 */
function recordMatchesRow(record: Readonly<Record<string, unknown>>, row: ImportedRow): boolean {
  const keeps = (map: Readonly<Record<string, unknown>>, key: string, value: string | number) => isScalarAt(map, key) && map[key] === value;
  const keepsText = (key: string, cell: string) => {
    const value = record[key];
    return (isScalarAt(record, key) && typeof value === 'string' && cellMatchesTemplate(cell, value)) || keeps(record, key, cell);
  };
  if (!keeps(record, 'status', row.status) || !keepsText('message', row.message) || !keepsText('solution', row.solution)) return false;
  if (row.extra.length === 0) return true;
  const fields = record['fields'];
  return isPlainRecord(fields) && row.extra.every(([header, value]) => keeps(fields, header, value));
}

/** Is there a scalar (not a collection) at `key`? An empty value (`key:`) is a null scalar. */
function isScalarAt(map: Readonly<Record<string, unknown>>, key: string): boolean {
  const value = map[key];
  return Object.hasOwn(map, key) && (value === null || typeof value !== 'object');
}

/** Updates the imported fields in place (keeping comments on the nodes): which fields changed (`status`, `fields.Owner`…), and which texts? */
function updateEntry(node: YAMLMap, row: ImportedRow): { changed: string[]; retexted: TextField[]; was: Partial<Record<TextField, string>> } {
  const changed: string[] = [];
  if (setScalar(node, 'status', row.status)) changed.push('status');
  const retexted: TextField[] = [];
  const was: Partial<Record<TextField, string>> = {};
  for (const field of ['message', 'solution'] as const) {
    const before = node.get(field);
    if (!setText(node, field, row[field])) continue;
    retexted.push(field);
    changed.push(field);
    if (typeof before === 'string') was[field] = before;
  }
  if (row.extra.length > 0) {
    const current = node.get('fields');
    const fields = isMap(current) ? current : new YAMLMap();
    if (fields !== current) node.set('fields', fields);
    for (const [header, value] of row.extra) if (setScalar(fields, header, value)) changed.push(`fields.${header}`);
  }
  return { changed, retexted, was };
}

/** As setScalar, but a template the cell reads as (placeholders written as their names) is kept. */
export function setText(map: YAMLMap, key: string, cell: string): boolean {
  const node = map.get(key, true);
  if (isScalar(node) && typeof node.value === 'string' && cellMatchesTemplate(cell, node.value)) return false;
  return setScalar(map, key, cell);
}

export function setScalar(map: YAMLMap, key: string, value: string | number | boolean): boolean {
  const node = map.get(key, true);
  if (isScalar(node)) {
    if (node.value === value) return false;
    // An empty string has to be quoted: no one chose that style for the text that replaces it.
    if (node.value === '') delete node.type;
    node.value = value;
    return true;
  }
  // As nodes, so that the writers' quoting rules (quoteWhereReadersDiffer) see the new value and key.
  map.set(new Scalar(key), new Scalar(value));
  return true;
}
