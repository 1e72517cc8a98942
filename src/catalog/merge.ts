import { type Document, isMap, isScalar, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import type { ImportedRow, ImportedTable } from '../markdown/error-tables.js';
import { entryNode, isPlainRecord } from './entry-record.js';
import { defaultColumns } from './model.js';
import { SeqEditor } from './seq-editor.js';
import { cellMatchesTemplate } from '../messages/template.js';

export interface MergeOptions {
  /** Delete catalog entries that are no longer in the Markdown (never tombstones). */
  readonly prune: boolean;
  /** Is this catalog entry in scope of this import? Entries last imported from other files are left alone. */
  readonly inScope: (code: string, occurrence: number) => boolean;
}

export interface MissingEntry {
  readonly code: string;
  readonly group: string;
}

export interface MergeSummary {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  /** In the catalog but no longer in the Markdown: kept, or deleted with --prune. */
  readonly missing: readonly MissingEntry[];
  readonly pruned: boolean;
  /** Did the merge edit the document at all (entries, groups or columns)? If not, the file is left as it is. */
  readonly edited: boolean;
}

export interface Entry {
  readonly group: YAMLMap;
  readonly node: YAMLMap;
}

/**
 * Merges imported rows into a catalog document in place. Rows are matched to entries by code and
 * occurrence (the second FAILED_PRECONDITION row matches the second such entry), never by position,
 * so entries people moved, fields they added and comments they wrote all survive.
 */
export function mergeIntoCatalog(document: Document, tables: readonly ImportedTable[], options: MergeOptions): MergeSummary {
  const groups = groupsOf(document);
  const existing = indexEntries(groups);
  const matched = new Set<YAMLMap>();
  const occurrences = new Map<string, number>();
  const importedTitles = new Set(tables.map((t) => t.title));
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  let groupsEdited = false;
  let previousGroup: YAMLMap | undefined;
  const editors = new Map<YAMLMap, SeqEditor>();
  const editorOf = (group: YAMLMap): SeqEditor => {
    let editor = editors.get(group);
    if (!editor) editors.set(group, (editor = new SeqEditor(codesOf(group))));
    return editor;
  };

  for (const table of tables) {
    const nextOccurrence = (code: string) => {
      const n = occurrences.get(code) ?? 0;
      occurrences.set(code, n + 1);
      return n;
    };
    const plan = table.rows.map((row) => ({ row, entry: existing.get(row.code)?.[nextOccurrence(row.code)] }));
    const found = findGroup(groups, table, plan, importedTitles);
    const group = found?.group ?? createGroup(document, groups, table.title, previousGroup);
    groupsEdited = setColumns(document, group, table) || !found || found.renamed || groupsEdited;
    previousGroup = group;
    let cursor: object | undefined;
    for (const { row, entry } of plan) {
      if (entry) {
        matched.add(entry.node);
        if (updateEntry(entry.node, row)) changed++;
        else unchanged++;
        if (entry.group === group) cursor = entry.node;
      } else {
        // A plain record, not yet a node: see indexEntries. It never needs to be `matched`.
        const record = newEntry(row);
        editorOf(group).insertAfter(cursor, record);
        cursor = record;
        added++;
      }
    }
  }

  const missing: MissingEntry[] = [];
  for (const [code, entries] of existing) {
    entries.forEach((entry, occurrence) => {
      if (matched.has(entry.node) || entry.node.get('removed') || !options.inScope(code, occurrence)) return;
      missing.push({ code, group: String(entry.group.get('title')) });
      if (options.prune) editorOf(entry.group).remove(entry.node);
    });
  }
  for (const editor of editors.values()) editor.commit();
  if (options.prune) {
    const before = groups.items.length;
    groups.items = groups.items.filter((g) => !isMap(g) || codesOf(g).items.length > 0 || !importedTitles.has(String(g.get('title'))));
    groupsEdited ||= groups.items.length !== before;
  }
  const edited = added > 0 || changed > 0 || (options.prune && missing.length > 0) || groupsEdited;
  return { added, changed, unchanged, missing, pruned: options.prune, edited };
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
 * Entries a merge added as plain records become nodes here, for the merges that edit them next.
 */
export function indexEntries(groups: YAMLSeq): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const group of groups.items) {
    if (!isMap(group)) continue;
    const codes = codesOf(group);
    codes.items.forEach((item, i) => {
      if (isPlainRecord(item)) codes.items[i] = entryNode(codes.schema, item);
    });
    for (const node of codes.items) {
      if (!isMap(node)) continue;
      const code = String(node.get('code'));
      const list = index.get(code) ?? [];
      list.push({ group, node });
      index.set(code, list);
    }
  }
  return index;
}

/**
 * The group for a table: the one with its title, else (the heading was renamed) the group holding the
 * table's first known row, if that group's title is not another table's.
 */
function findGroup(
  groups: YAMLSeq,
  table: ImportedTable,
  plan: ReadonlyArray<{ entry: Entry | undefined }>,
  importedTitles: ReadonlySet<string>,
): { group: YAMLMap; renamed: boolean } | undefined {
  const byTitle = groups.items.find((g): g is YAMLMap => isMap(g) && g.get('title') === table.title);
  if (byTitle) return { group: byTitle, renamed: false };
  const holder = plan.find((p) => p.entry)?.entry?.group;
  if (holder && !importedTitles.has(String(holder.get('title')))) {
    setScalar(holder, 'title', table.title);
    return { group: holder, renamed: true };
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
function setColumns(document: Document, group: YAMLMap, table: ImportedTable): boolean {
  const columns = table.columns.map((c) => ('field' in c ? c.field : c.extra));
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

/** A new entry, as a plain record (see entry-record.ts). */
function newEntry(row: ImportedRow): Record<string, unknown> {
  const entry: Record<string, unknown> = { code: row.code, status: row.status, message: row.message, solution: row.solution };
  if (row.extra.length > 0) entry['fields'] = Object.fromEntries(row.extra);
  return entry;
}

/** Updates the imported fields in place (keeping comments on the nodes); true if anything changed. */
function updateEntry(node: YAMLMap, row: ImportedRow): boolean {
  let changed = false;
  changed = setScalar(node, 'status', row.status) || changed;
  changed = setText(node, 'message', row.message) || changed;
  changed = setText(node, 'solution', row.solution) || changed;
  if (row.extra.length > 0) {
    const current = node.get('fields');
    const fields = isMap(current) ? current : new YAMLMap();
    if (fields !== current) node.set('fields', fields);
    for (const [header, value] of row.extra) changed = setScalar(fields, header, value) || changed;
  }
  return changed;
}

/** As setScalar, but a template the cell reads as (placeholders written as their names) is kept. */
export function setText(map: YAMLMap, key: string, cell: string): boolean {
  const node = map.get(key, true);
  if (isScalar(node) && typeof node.value === 'string' && cellMatchesTemplate(cell, node.value)) return false;
  return setScalar(map, key, cell);
}

export function setScalar(map: YAMLMap, key: string, value: string | number): boolean {
  const node = map.get(key, true);
  if (isScalar(node)) {
    if (node.value === value) return false;
    node.value = value;
    return true;
  }
  map.set(key, value);
  return true;
}
