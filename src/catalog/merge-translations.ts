import { type Document, isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { aliasRowHint, type TranslatedRow } from '../markdown/translation-tables.js';
import { placeholderMismatch, strayBraceWarnings, translationPlaceholdersRule } from '../messages/mismatch.js';
import { isPlainRecord } from './entry-record.js';
import type { TextField } from './model.js';
import { type Entry, EntryNodes, entryValue, groupsOf, indexEntries, type MissingEntry, setText } from './merge.js';
import { matchRows } from './match-rows.js';

const bothFields: ReadonlySet<TextField> = new Set(['message', 'solution']);

export interface TranslationMergeOptions {
  /** The locale the rows are written in: they go to each entry's `messages.<locale>`. */
  readonly locale: string;
  /** The catalog's default locale, named in warnings about placeholders. */
  readonly defaultLocale: string;
  /** Delete `messages.<locale>` of entries that no row translates any more. */
  readonly prune: boolean;
}

export interface TranslationMergeSummary {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Rows of codes the catalog does not have: not imported. */
  readonly notInCatalog: number;
  /** Entries translated into the locale that no row translates: kept, or their translation deleted with --prune. */
  readonly missing: readonly MissingEntry[];
  readonly pruned: boolean;
  /** Did the merge edit the document at all? If not, the file is left as it is. */
  readonly edited: boolean;
  /** What the page changed, by code, in page order: the fields of an existing translation it rewrote. */
  readonly changes: ReadonlyArray<{ readonly code: string; readonly fields: readonly TextField[] }>;
  /** The translations the page added or changed, with the fields it wrote: written for the default text as it is now. */
  readonly rewritten: ReadonlyMap<YAMLMap, ReadonlySet<TextField>>;
  /**
   * Warnings: rows of codes the catalog does not have, rows whose status is not the entry's, and
   * cells imported with stray braces or other placeholders than the default text's.
   */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Merges a translated page's rows into `messages.<locale>` of the catalog document, in place. A row
 * matches an entry by code; the rows of a code listed several times are paired with its entries as in
 * the main merge, most alike first: the entry a row already translates, else the one of its status
 * (where the page has a status column). Only `message` and `solution` are
 * written: `reviewed` and every other field, and every comment, are left as people wrote them. A
 * new translation gets no `reviewed` flag: the page it came from is the translators' own work.
 */
export function mergeTranslations(document: Document, rows: readonly TranslatedRow[], options: TranslationMergeOptions): TranslationMergeSummary {
  const existing = indexEntries(groupsOf(document));
  const nodes = new EntryNodes(document);
  const occurrences = new Map<string, number>();
  const matched = new Set<unknown>();
  const diagnostics: Diagnostic[] = [];
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  let notInCatalog = 0;
  const rewritten = new Map<YAMLMap, ReadonlySet<TextField>>();
  const changes: Array<{ code: string; fields: TextField[] }> = [];
  // Old spellings, looked up only for a row whose code is not in the catalog.
  let aliases: Map<string, string> | undefined;

  // A row is most like the entry whose translation it already is, then the one of its status.
  const entryOf = matchRows(rows, (code) => existing.get(code), { fieldsOf: (entry) => ({ status: entryValue(entry, 'status'), message: translatedMessage(entry, options.locale) }) });
  for (const row of rows) {
    const occurrence = occurrences.get(row.code) ?? 0;
    occurrences.set(row.code, occurrence + 1);
    const found = entryOf.get(row);
    if (!found) {
      notInCatalog++;
      aliases ??= aliasIndex(existing);
      const canonical = aliases.get(row.code);
      diagnostics.push({
        severity: 'warning',
        at: row.at,
        code: row.code,
        message: `${row.code}${occurrence > 0 ? ` (occurrence ${occurrence + 1})` : ''} ${canonical ? `is an alias of ${canonical}, not a code` : 'is not in the catalog'}: its ${options.locale} translation was not imported`,
        hint: canonical ? aliasRowHint(canonical) : 'Import the code from the default-language page first, or fix the code in this page.',
      });
      continue;
    }
    matched.add(found.item);
    const entry = { group: found.group, node: nodes.of(found) };
    const status = entry.node.get('status');
    if (row.status !== undefined && row.status !== status) {
      diagnostics.push({
        severity: 'warning',
        at: row.cells.status ?? row.at,
        code: row.code,
        message: `${row.code}: status ${row.status} on this page, ${String(status)} in the catalog; the status column of a translation is not imported`,
        hint: 'Correct the status on this page, or check that this row translates the right occurrence of the code.',
      });
    }
    let translation = translationOf(entry.node, options.locale);
    if (!translation) {
      translation = setTranslation(document, entry.node, options.locale, row);
      rewritten.set(translation, bothFields);
      added++;
    } else {
      const fields = updateTranslation(document, translation, row);
      if (fields.size > 0) {
        rewritten.set(translation, fields);
        changes.push({ code: row.code, fields: [...fields] });
        changed++;
      } else unchanged++;
    }
    if (!entry.node.get('removed')) diagnostics.push(...placeholderWarnings(entry.node, translation, row, options));
  }

  const missing: MissingEntry[] = [];
  for (const [code, entries] of existing) {
    for (const entry of entries) {
      if (matched.has(entry.item) || entryValue(entry, 'removed') || !hasTranslation(entry, options.locale)) continue;
      missing.push({ code, group: String(entry.group.get('title')) });
      if (options.prune) deleteTranslation(nodes.of(entry), options.locale);
    }
  }
  nodes.swapIn();
  const edited = added > 0 || changed > 0 || (options.prune && missing.length > 0);
  return { added, changed, unchanged, notInCatalog, missing, pruned: options.prune, edited, changes, rewritten, diagnostics };
}

/**
 * What `errgen check` would report about a text this row wrote into the catalog, in its words but
 * at the page's cell: the page is where it is fixed (a fix in the catalog is undone by the next
 * import). A cell that kept the catalog's template (placeholders written as words) is the catalog's.
 */
function placeholderWarnings(entry: YAMLMap, translation: YAMLMap, row: TranslatedRow, options: TranslationMergeOptions): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const kind of ['message', 'solution'] as const) {
    const text = translation.get(kind);
    if (typeof text !== 'string' || text !== row[kind]) continue;
    const at = row.cells[kind] ?? row.at;
    const label = `${options.locale} ${kind}`;
    warnings.push(...strayBraceWarnings(text, label, row.code, at));
    const base = entry.get(kind);
    const mismatch = placeholderMismatch(typeof base === 'string' ? base : '', text, options.defaultLocale, kind);
    if (mismatch) warnings.push({ severity: 'warning', at, code: row.code, message: `the ${label} of ${row.code} ${mismatch.what}`, hint: mismatch.hint, rule: translationPlaceholdersRule });
  }
  return warnings;
}

/** Every locale tag the catalog spells: default, supported, fallbacks (both sides), then each entry's translations. */
export function localeTagsOf(document: Document): string[] {
  const tags: string[] = [];
  const add = (node: unknown) => {
    const value = isScalar(node) ? node.value : node;
    if (typeof value === 'string') tags.push(value);
  };
  add(document.getIn(['locales', 'default']));
  const supported = document.getIn(['locales', 'supported'], true);
  if (isSeq(supported)) supported.items.forEach(add);
  const fallback = document.getIn(['locales', 'fallback'], true);
  if (isMap(fallback)) {
    for (const pair of fallback.items) {
      add(pair.key);
      add(pair.value);
    }
  }
  for (const entries of indexEntries(groupsOf(document)).values()) {
    for (const { item } of entries) {
      if (!isMap(item)) {
        // A record read from the file: its keys are the strings the parser's key scalars hold.
        const messages = item['messages'];
        if (isPlainRecord(messages)) tags.push(...Object.keys(messages));
        continue;
      }
      const messages = item.get('messages', true);
      if (isMap(messages)) for (const pair of messages.items) add(pair.key);
    }
  }
  return tags;
}

/** translationOf(node) !== undefined, without making a node of an entry read as a record. */
function hasTranslation(entry: Entry, locale: string): boolean {
  if (isMap(entry.item)) return translationOf(entry.item, locale) !== undefined;
  const messages = entry.item['messages'];
  return isPlainRecord(messages) && Object.hasOwn(messages, locale) && isPlainRecord(messages[locale]);
}

/** An entry's message in a locale, a node's or a record's. */
function translatedMessage(entry: Entry, locale: string): unknown {
  const messages = entryValue(entry, 'messages');
  const translation: unknown = isMap(messages) ? messages.get(locale) : isPlainRecord(messages) ? messages[locale] : undefined;
  return isMap(translation) ? translation.get('message') : isPlainRecord(translation) ? translation['message'] : undefined;
}

function translationOf(entry: YAMLMap, locale: string): YAMLMap | undefined {
  const messages = entry.get('messages', true);
  const translation = isMap(messages) ? messages.get(locale, true) : undefined;
  return isMap(translation) ? translation : undefined;
}

function setTranslation(document: Document, entry: YAMLMap, locale: string, row: TranslatedRow): YAMLMap {
  const translation = document.createNode(row.solution === '' ? { message: row.message } : { message: row.message, solution: row.solution });
  const messages = entry.get('messages', true);
  if (isMap(messages)) messages.set(locale, translation);
  else entry.set('messages', document.createNode({ [locale]: translation }));
  return translation;
}

/** Message and solution updated in place, a cell that reads as the current template keeping it: the fields changed. */
function updateTranslation(document: Document, translation: YAMLMap, row: TranslatedRow): Set<TextField> {
  const changed = new Set<TextField>();
  if (setText(translation, 'message', row.message)) changed.add('message');
  if (row.solution === '') {
    // An empty cell says the translation has none: it falls back along the locale's chain.
    if (translation.has('solution')) {
      translation.delete('solution');
      changed.add('solution');
    }
  } else if (translation.has('solution')) {
    if (setText(translation, 'solution', row.solution)) changed.add('solution');
  } else {
    // Right after the message, where people write it, not after `reviewed`.
    const at = translation.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'message');
    translation.items.splice(at + 1, 0, document.createPair('solution', row.solution));
    changed.add('solution');
  }
  return changed;
}

function deleteTranslation(entry: YAMLMap, locale: string): void {
  const messages = entry.get('messages', true);
  if (!isMap(messages)) return;
  messages.delete(locale);
  if (messages.items.length === 0) entry.delete('messages');
}

/** Each alias of the catalog, with the code it stands for. */
function aliasIndex(entries: ReadonlyMap<string, readonly Entry[]>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [code, list] of entries) {
    for (const entry of list) {
      const value = entryValue(entry, 'aliases');
      const items = isSeq(value) ? value.items.map((item) => (isScalar(item) ? item.value : item)) : Array.isArray(value) ? value : [];
      for (const alias of items) if (typeof alias === 'string') aliases.set(alias, code);
    }
  }
  return aliases;
}
