import { basename, extname } from 'node:path';
import type { Diagnostic, Location } from '../diagnostics.js';
import { formatLocation } from '../diagnostics.js';
import { readProblems, readTextFile } from '../io/files.js';
import type { LintEntry } from '../lint/rule.js';
import { defaultHeaderSynonyms, type FieldName, type HeaderSynonyms, mergeSynonyms } from '../markdown/columns.js';
import { extractErrorTables, type ImportedRow, type ImportedTable, type SkippedTable, skippedTableHolding } from '../markdown/error-tables.js';
import { tableLookalikes } from '../markdown/lookalikes.js';
import { readTables } from '../markdown/read-tables.js';
import { cellMatchesTemplate } from '../messages/template.js';
import { foreignPlaceholderWarnings } from '../messages/mismatch.js';
import { checkTranslationDrift, type TranslationPages } from './translation-drift.js';

export const sourceDriftRule = 'source-drift';
const fixHint = 'Run `errgen import` to update the catalog from the Markdown, or change the Markdown to match.';
// A plain import keeps catalog codes the Markdown no longer lists (they may have been added by hand).
const droppedHint =
  'Run `errgen import --prune` to remove it from the catalog (or retire it there with `removed:`), or add it back to the Markdown. ' +
  'If it was renamed, rename its `code:` in the catalog before importing, and keep the old name under `aliases`: --prune would drop what the catalog adds to it (description, params, translations).';

const skippedHint =
  'If that table lists error codes, name its columns under `headers` in errgen.config.yaml (e.g. `headers: { code: [Error], status: [HTTP] }`) and run `errgen import`; `errgen import --prune` keeps codes that are in it.';

export interface SourceDriftInput {
  readonly sources: readonly string[];
  readonly catalogFile: string;
  /** Catalog entries in order, with their locations and what the sidecar says about their origin. */
  readonly entries: readonly LintEntry[];
  /** The live entry each row of the pages is paired with (matchRows, as import pairs them); none for a row the catalog lacks. */
  readonly entryOfRow: ReadonlyMap<ImportedRow, LintEntry>;
  /** The title of every group of the catalog, an empty one too: a heading with the title of one is no rename. */
  readonly groupTitles: readonly string[];
  /** Translated pages by locale, compared with each entry's `messages.<locale>`. */
  readonly translations?: readonly TranslationPages[];
}

/** The default-language pages as they are now: their rows, and what kept some from being read. */
export interface SourceRows {
  readonly rows: readonly ImportedRow[];
  /** The error-code tables the rows are in, in page order. */
  readonly tables: readonly ImportedTable[];
  /** Tables that are not read as error-code tables: a code in one is on the page, not missing from it. */
  readonly skipped: readonly SkippedTable[];
  /** Codes of rows that could not be read: not missing either, as their problems say. */
  readonly unreadRows: ReadonlySet<string>;
  /** The pages that were read (a missing one is a problem instead). */
  readonly files: readonly string[];
  readonly problems: readonly Diagnostic[];
  readonly synonyms: HeaderSynonyms;
}

/** Reads the Markdown sources again (before lint, so that findings cite their lines as they are now). */
export async function readSourceRows(sources: readonly string[], headers: Partial<Record<FieldName, readonly string[]>> | undefined): Promise<SourceRows> {
  const synonyms = mergeSynonyms(defaultHeaderSynonyms, headers ?? {});
  const problems: Diagnostic[] = [];
  const rows: ImportedRow[] = [];
  const tables: ImportedTable[] = [];
  const skipped: SkippedTable[] = [];
  const unreadRows = new Set<string>();
  const files: string[] = [];
  for (const file of sources) {
    let text: string;
    try {
      text = await readTextFile(file, 'Markdown file');
    } catch (error) {
      problems.push(...readProblems(error, 'Fix the path: under `sources` in the config, or the one given with --source.').map((d) => ({ ...d, rule: sourceDriftRule })));
      continue;
    }
    const read = await readTables(text, file);
    const extracted = extractErrorTables(read, file, synonyms, basename(file, extname(file)));
    problems.push(...[...extracted.diagnostics, ...tableLookalikes(text, file, read)].map((d) => ({ ...d, rule: sourceDriftRule })));
    for (const table of extracted.tables) for (const row of table.rows) problems.push(...foreignPlaceholderWarnings(row));
    rows.push(...extracted.tables.flatMap((t) => t.rows));
    tables.push(...extracted.tables);
    skipped.push(...extracted.skipped);
    for (const code of extracted.unreadRows) unreadRows.add(code);
    files.push(file);
  }
  return { rows, tables, skipped, unreadRows, files, problems, synonyms };
}

/** Reports, per code and field, where the Markdown (read by readSourceRows) disagrees with the catalog. */
export async function checkSourceDrift(input: SourceDriftInput, { rows, tables, skipped, unreadRows, problems, synonyms }: SourceRows): Promise<Diagnostic[]> {
  const findings: Diagnostic[] = [...problems];

  const live = input.entries.filter((e) => !e.entry.removed);
  const matched = new Set<LintEntry>();
  const sourceFiles = new Set(input.sources);
  const entryOf = input.entryOfRow;
  for (const row of rows) {
    const entry = entryOf.get(row);
    if (!entry) {
      findings.push(drift(row.at, row.code, `${row.code} is in ${where(row.at)} but not in the catalog ${input.catalogFile}`));
      continue;
    }
    matched.add(entry);
    for (const field of ['status', 'message', 'solution'] as const) {
      const inMarkdown = row[field];
      const inCatalog = entry.entry[field];
      if (inMarkdown === inCatalog || (field !== 'status' && cellMatchesTemplate(inMarkdown as string, inCatalog as string))) continue;
      const cell = row.cells[field] ?? row.at;
      findings.push(
        drift(cell, row.code, `${row.code}: ${field} ${show(inMarkdown)} in ${where(cell)}, ${show(inCatalog)} in the catalog (${where(entry.at)})`),
      );
    }
    // Extra columns, as import writes them (`fields`; of two columns with one header, the last); one
    // the page no longer has is kept there, as import keeps it.
    const fields = entry.entry.fields ?? {};
    for (const [header, inMarkdown] of new Map(row.extra)) {
      const inCatalog = Object.hasOwn(fields, header) ? fields[header] : undefined;
      if (inMarkdown === inCatalog) continue;
      const shown = inCatalog === undefined ? 'not in the catalog' : `${show(inCatalog)} in the catalog`;
      findings.push(drift(row.at, row.code, `${row.code}: column "${header}" ${show(inMarkdown)} in ${where(row.at)}, ${shown} (${where(entry.at)})`));
    }
  }
  findings.push(...groupDrift(tables, input.groupTitles, entryOf, sourceFiles));
  // With only translated pages to compare, no entry is expected in a default-language page.
  if (input.sources.length > 0) {
    for (const entry of live) {
      if (matched.has(entry)) continue;
      // Entries last imported from a file that is not a source now are someone else's business.
      if (entry.source && !sourceFiles.has(entry.source.file)) continue;
      // A row that could not be read is reported as such above: following the hint below would delete it.
      if (unreadRows.has(entry.entry.code)) continue;
      const table = skippedTableHolding(skipped, entry.entry.code, entry.lastImported);
      if (table) {
        const headers = table.headers.map((h) => `"${h}"`).join(', ');
        findings.push(drift(entry.at, entry.entry.code, `${entry.entry.code} is in the catalog (${where(entry.at)}), and on the page only in the table at ${where(table.at)}, which is not read: it has no error-code column (headers: ${headers})`, skippedHint));
        continue;
      }
      findings.push(drift(entry.at, entry.entry.code, `${entry.entry.code} is in the catalog (${where(entry.at)}) but not in the Markdown sources`, droppedHint));
    }
  }
  for (const pages of input.translations ?? []) {
    const found = await checkTranslationDrift(pages, input.entries, synonyms, drift);
    findings.push(...found.map((d) => ({ ...d, rule: d.rule ?? sourceDriftRule })));
  }
  return findings;
}

/**
 * Where import would regroup entries (see merge.ts findGroup and mergeIntoCatalog), as every output
 * that prints groups would change with it:
 * - a heading the catalog has no group of, over rows whose entries are in a group no heading of the
 *   page names: import renames that group;
 * - a row under another heading than its entry's group: import moves the entry (not for a table
 *   without a heading, which says nothing of groups).
 */
function groupDrift(tables: readonly ImportedTable[], groupTitles: readonly string[], entryOf: ReadonlyMap<ImportedRow, LintEntry>, sourceFiles: ReadonlySet<string>): Diagnostic[] {
  // The catalog's group titles as import goes through the tables in order, renaming as it goes.
  const titles = new Set(groupTitles);
  const renamedTo = new Map<string, string>();
  const now = (group: string) => renamedTo.get(group) ?? group;
  const pageTitles = new Set(tables.map((t) => t.title));
  // An entry another page's rows were imported into is that page's to place.
  const foreign = (entry: LintEntry) => entry.lastImported !== undefined && !sourceFiles.has(entry.lastImported.file);
  const findings: Diagnostic[] = [];
  for (const table of tables) {
    // The group this table's rows go to, by its title once import has got here.
    let target = table.title;
    const holder = table.rows.map((row) => entryOf.get(row)).find((entry) => entry !== undefined && !foreign(entry));
    // A group is renamed once, by the first such table: its new title is then a heading of the page.
    if (!titles.has(table.title) && holder && !pageTitles.has(now(holder.group))) {
      if (table.titled) {
        renamedTo.set(holder.group, table.title);
        titles.delete(holder.group);
        titles.add(table.title);
        findings.push({
          severity: 'error',
          rule: sourceDriftRule,
          at: table.at,
          message: `the table at ${where(table.at)} is under the heading "${table.title}", and its codes' group in the catalog is titled "${holder.group}" (${where(holder.at)})`,
          hint: 'Run `errgen import` to rename the group, or give the heading its old title.',
        });
      } else {
        // A table without a heading renames nothing: its rows stay in their group.
        target = now(holder.group);
      }
    }
    for (const row of table.rows) {
      const entry = entryOf.get(row);
      if (!entry || !table.titled || now(entry.group) === target || foreign(entry)) continue;
      findings.push(
        drift(row.at, row.code, `${row.code} is under the heading "${table.title}" in ${where(row.at)}, and in the group "${entry.group}" in the catalog (${where(entry.at)})`, 'Run `errgen import` to move it to that heading\'s group, or move the row back.'),
      );
    }
    titles.add(target);
  }
  return findings;
}

function drift(at: Location, code: string, message: string, hint = fixHint): Diagnostic {
  return { severity: 'error', rule: sourceDriftRule, at, code, message, hint };
}

function where(at: Location): string {
  return formatLocation(at).replace(/:\d+$/, '');
}

function show(value: string | number): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
