import { basename, extname } from 'node:path';
import { type Diagnostic, formatDiagnostic, formatLocation, hasErrors, InputError, type Location, UsageError } from '../diagnostics.js';
import type { Catalog } from '../catalog/model.js';
import { parseCatalog } from '../catalog/read.js';
import { mergeIntoCatalog, type MergeOptions, type MergeSummary, type RetextedEntry } from '../catalog/merge.js';
import { recordsDocument } from '../catalog/records-document.js';
import { localeTagsOf, mergeTranslations, type TranslationMergeSummary } from '../catalog/merge-translations.js';
import { markOutdatedTranslations } from '../catalog/outdated-translations.js';
import { catalogStyle, newCatalogDocument, serializeCatalog } from '../catalog/write.js';
import { locationsByCode, parseSources, serializeSources, sourcesPathFor, type SourceRow } from '../catalog/sources.js';
import { readProblems, readTextFile, readTextFileIfExists, writeFileIfChanged } from '../io/files.js';
import { defaultHeaderSynonyms, type FieldName, type HeaderSynonyms, mergeSynonyms } from '../markdown/columns.js';
import { extractErrorTables, type ImportedRow, type ImportedTable, type SkippedTable, skippedTableHolding } from '../markdown/error-tables.js';
import { tableLookalikes } from '../markdown/lookalikes.js';
import { readTables } from '../markdown/read-tables.js';
import { extractTranslatedRows, type TranslatedRow } from '../markdown/translation-tables.js';
import { fallbackDefaultLocale, spellingOf } from '../messages/locales.js';
import { foreignPlaceholderWarnings, lostPlaceholderWarning, strayBraceWarnings } from '../messages/mismatch.js';
import type { RuleSetting } from '../lint/rule.js';
import { placeholders } from '../messages/template.js';
import { type Output, plural } from './output.js';

export interface ImportOptions {
  /** Pages in the catalog's default language: they own code, status, message and solution. */
  readonly sources: readonly string[];
  /** Translated pages, merged into `messages.<locale>` after the sources. */
  readonly translations?: readonly TranslationSource[];
  readonly catalog: string;
  readonly prune: boolean;
  readonly headers?: Partial<Record<FieldName, readonly string[]>>;
  /** The config's lint rule settings: a warning at a cell whose rule is `off` there is not said. */
  readonly lintSettings?: Readonly<Record<string, RuleSetting>>;
  /** Pages named on the command line that the config (`config`) does not list under `key`, though they go into its catalog. */
  readonly unlisted?: { readonly files: readonly string[]; readonly key: string; readonly config: string };
}

export interface TranslationSource {
  readonly locale: string;
  readonly files: readonly string[];
}

interface TranslationReading {
  readonly locale: string;
  readonly files: readonly string[];
  readonly rows: TranslatedRow[];
  tables: number;
}

interface SourceReading {
  readonly tables: ImportedTable[];
  readonly skipped: SkippedTable[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Markdown tables → rows → merged into the catalog → written, only if every page is clean: the
 * default-language sources first, then each translated page into its locale.
 */
export async function importCommand(options: ImportOptions, output: Output): Promise<void> {
  const synonyms = mergeSynonyms(defaultHeaderSynonyms, options.headers ?? {});
  const reading = await readSources(options.sources, synonyms);
  const translations: TranslationReading[] = [];
  for (const source of options.translations ?? []) translations.push(await readTranslation(source, synonyms, reading.diagnostics));
  const said = (d: Diagnostic) => d.rule === undefined || options.lintSettings?.[d.rule] !== 'off';
  const warnings = [...reading.diagnostics.filter((d) => d.severity !== 'error'), ...strayBraces(reading.tables)].filter(said);
  for (const w of warnings) output.err(formatDiagnostic(w));
  if (hasErrors(reading.diagnostics)) {
    const errors = reading.diagnostics.filter((d) => d.severity === 'error');
    throw new InputError(`import failed with ${plural(errors.length, 'problem')}; ${options.catalog} was not changed`, errors);
  }

  const catalogText = await readTextFileIfExists(options.catalog, 'catalog');
  if (catalogText === undefined && options.sources.length === 0) {
    throw new InputError(`${options.catalog} does not exist: a translation needs the catalog it translates; import the default-language page first`);
  }
  const sourcesPath = sourcesPathFor(options.catalog);
  const previousSources = parseSources(await readTextFileIfExists(sourcesPath, 'source map'), options.catalog);
  const importedFiles = new Set(options.sources);
  const previousByCode = locationsByCode(previousSources);
  const previousAt = (code: string, occurrence: number) => previousByCode.get(code)?.[occurrence] ?? undefined;

  const scope: Pick<MergeOptions, 'inScope' | 'inSkippedTable'> = {
    // Entries last imported from other files are left alone.
    inScope: (code, occurrence) => {
      const at = previousAt(code, occurrence);
      return at === undefined || importedFiles.has(at.file);
    },
    inSkippedTable: (code, occurrence) => skippedTableHolding(reading.skipped, code, previousAt(code, occurrence))?.at,
  };
  const { text, summary, translated, outdated, before } = await mergedCatalogText(catalogText, options, reading.tables, translations, scope);
  for (const { summary: t } of translated) for (const w of t.diagnostics.filter(said)) output.err(formatDiagnostic(w));
  for (const w of outdated) output.err(formatDiagnostic(w));
  // Never write a catalog errgen could not read back. Only the value is kept: a YAML document of
  // 100,000 entries is hundreds of megabytes, and the merged one is already garbage here. Text
  // identical to the catalog read above (a re-import that changes nothing) was read back already.
  const merged = before !== undefined && text === catalogText ? before : (await parseCatalog(text, options.catalog)).value;
  const written = await writeFileIfChanged(options.catalog, text);
  // The sidecar records the default-language rows; a translation-only import leaves it alone.
  if (options.sources.length > 0) {
    const sourceRows = rowLocations(merged, summary?.rows ?? [], summary?.previousOccurrences ?? [], (code, occurrence) => {
      const at = previousAt(code, occurrence);
      // Kept: a row of another file, or one still in a table this import skipped (it is there, unread).
      return at && (!importedFiles.has(at.file) || skippedTableHolding(reading.skipped, code, at)) ? at : undefined;
    });
    await writeFileIfChanged(sourcesPath, serializeSources(sourceRows, options.catalog));
  }
  if (summary) printSummary(output, options, reading, summary, written === 'written', catalogText !== undefined);
  if (options.unlisted) for (const w of unlistedWarnings(options.unlisted)) output.err(formatDiagnostic(w));
  for (const t of translated) printTranslationSummary(output, options.catalog, t.reading, t.summary, written === 'written');
}

interface MergedTranslation {
  readonly reading: TranslationReading;
  readonly summary: TranslationMergeSummary;
}

/** The catalog with the rows merged in, as text; its YAML document lives only as long as this call. */
async function mergedCatalogText(
  catalogText: string | undefined,
  options: ImportOptions,
  tables: readonly ImportedTable[],
  translations: readonly TranslationReading[],
  scope: Pick<MergeOptions, 'inScope' | 'inSkippedTable'>,
): Promise<{ text: string; summary: MergeSummary | undefined; translated: MergedTranslation[]; outdated: Diagnostic[]; before: Catalog | undefined }> {
  const read = catalogText === undefined ? undefined : await parseCatalog(catalogText, options.catalog);
  // A catalog as errgen writes it is merged into as records; only one with comments, blank lines or
  // other styles of its own needs yaml's parser (read.document), which takes 20 s at 100,000 codes.
  const records = read === undefined ? undefined : recordsDocument(read.value, catalogText as string);
  const parsed = read !== undefined && records === undefined ? read.document : undefined;
  const document = records ?? parsed ?? (await newCatalogDocument(options.catalog));
  const defaultLocale = String(document.getIn(['locales', 'default']) ?? fallbackDefaultLocale);
  const clash = translations.find((t) => t.locale.toLowerCase() === defaultLocale.toLowerCase());
  if (clash) {
    throw new UsageError(
      `${clash.locale}${clash.locale === defaultLocale ? '' : ` (${defaultLocale})`} is the catalog's default locale (locales.default in ${options.catalog}): its text is \`message\` and \`solution\`, imported from \`sources\`, not a translation`,
    );
  }
  const summary = options.sources.length > 0 ? mergeIntoCatalog(document, tables, { prune: options.prune, ...scope, ...(parsed && catalogText !== undefined ? { source: catalogText } : {}) }) : undefined;
  // Tags are case-insensitive: `--locale DE` is the catalog's `de`, and a new tag is written in the usual case.
  // Finding them visits every entry: only when there are translations to merge.
  const tags = translations.length > 0 ? localeTagsOf(document) : [];
  const translated = translations.map((reading) => {
    const locale = spellingOf(reading.locale, tags);
    return { reading: { ...reading, locale }, summary: mergeTranslations(document, reading.rows, { locale, defaultLocale, prune: options.prune }) };
  });
  // After the translated pages: a field one of them rewrote was written for the new text.
  const rewritten = new Map(translated.flatMap((t) => [...t.summary.rewritten]));
  const retexted = summary?.retexted ?? [];
  const outdated = [...lostPlaceholders(retexted, defaultLocale), ...markOutdatedTranslations(retexted, rewritten, defaultLocale)];
  // The merge edits the document; `read.value` is a separate plain copy of the catalog as it was read.
  // A merge that edited nothing writes nothing: re-serialising would respace flow collections and comments.
  const edited = catalogText === undefined || summary?.edited === true || translated.some((t) => t.summary.edited);
  return { text: edited ? serializeCatalog(document, catalogStyle(parsed, catalogText)) : catalogText, summary, translated, outdated, before: read?.value };
}

async function readSources(files: readonly string[], synonyms: HeaderSynonyms): Promise<SourceReading> {
  const reading: SourceReading = { tables: [], skipped: [], diagnostics: [] };
  for (const file of files) {
    const text = await readMarkdown(file, reading.diagnostics);
    if (text === undefined) continue;
    const tables = await readTables(text, file);
    const found = extractErrorTables(tables, file, synonyms, basename(file, extname(file)));
    reading.tables.push(...found.tables);
    reading.skipped.push(...found.skipped);
    reading.diagnostics.push(...found.diagnostics, ...tableLookalikes(text, file, tables));
  }
  return reading;
}

/** A locale's pages, read in order; their problems are added to `diagnostics`. */
async function readTranslation(source: TranslationSource, synonyms: HeaderSynonyms, diagnostics: Diagnostic[]): Promise<TranslationReading> {
  const reading: TranslationReading = { locale: source.locale, files: source.files, rows: [], tables: 0 };
  for (const file of source.files) {
    const text = await readMarkdown(file, diagnostics);
    if (text === undefined) continue;
    const page = extractTranslatedRows(await readTables(text, file), file, synonyms);
    reading.rows.push(...page.rows);
    reading.tables += page.tables;
    diagnostics.push(...page.diagnostics);
    for (const row of page.rows) diagnostics.push(...foreignPlaceholderWarnings(row, source.locale));
  }
  return reading;
}

async function readMarkdown(file: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  try {
    return await readTextFile(file, 'Markdown file');
  } catch (error) {
    diagnostics.push(...readProblems(error, 'Check the path and the file permissions.'));
    return undefined;
  }
}

/**
 * Where each catalog entry came from, in catalog order: the row the merge put into it (`merged`, in
 * the same order), else what the sidecar knew of it (by its place among its code's entries before
 * the merge, `previous`), else nothing (null: every entry keeps its place in the source map).
 */
function rowLocations(
  catalog: { groups: ReadonlyArray<{ codes: ReadonlyArray<{ code: string }> }> },
  merged: ReadonlyArray<ImportedRow | undefined>,
  previous: ReadonlyArray<number | undefined>,
  earlier: (code: string, occurrence: number) => Location | undefined,
): SourceRow[] {
  const rows: SourceRow[] = [];
  let index = 0;
  for (const group of catalog.groups) {
    for (const { code } of group.codes) {
      const occurrence = previous[index];
      rows.push({ code, at: merged[index]?.at ?? (occurrence === undefined ? undefined : earlier(code, occurrence)) ?? null });
      index++;
    }
  }
  return rows;
}

/** How many changed entries the summary names; a page rewritten wholesale gets a count for the rest. */
const listedChanges = 10;

function printSummary(output: Output, options: ImportOptions, reading: SourceReading, summary: MergeSummary, written: boolean, intoExisting: boolean): void {
  const rows = reading.tables.reduce((n, t) => n + t.rows.length, 0);
  output.out(
    `Imported ${plural(options.sources.length, 'file')}, ${plural(reading.tables.length, 'table')}, ${plural(rows, 'row')} into ${options.catalog}: ` +
      `${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged` +
      (summary.missing.length ? `, ${summary.missing.length} ${summary.pruned ? 'pruned' : 'missing from the Markdown'}` : '') +
      (summary.inSkippedTables.length ? `, ${summary.inSkippedTables.length} only in skipped tables` : '') +
      // Said when no count above tells why the file was written.
      (summary.groupsEdited && summary.added === 0 && summary.changed === 0 && summary.renamedGroups.length === 0 && !(summary.pruned && summary.missing.length > 0) ? ', groups updated (titles or columns)' : '') +
      (written ? '.' : ' (file already up to date).'),
  );
  // Into a catalog that was there: a new code is news (a first import adds them all).
  const added = intoExisting ? summary.addedEntries : [];
  for (const { code, status, group } of added.slice(0, listedChanges)) output.out(`  added ${code} (status ${status}, group "${group}")`);
  if (added.length > listedChanges) output.out(`  … and ${added.length - listedChanges} more added`);
  // What changed, so that a hand edit import undid (the page is the source) is named, not only counted.
  for (const { code, fields, movedTo } of summary.changes.slice(0, listedChanges)) {
    const what = fields.join(', ');
    if (movedTo === undefined) output.out(`  changed ${code}: ${what}`);
    else output.out(`  moved ${code} to group "${movedTo}"${what ? `, and changed ${what}` : ''}`);
  }
  if (summary.changes.length > listedChanges) output.out(`  … and ${summary.changes.length - listedChanges} more changed`);
  for (const { from, to } of summary.renamedGroups) output.out(`  renamed group "${from}" to "${to}", as its heading now reads`);
  for (const m of summary.missing) {
    const which = `${m.code} (${m.status === undefined ? '' : `status ${m.status}, `}group "${m.group}")`;
    // A code added with its status and message may be this one renamed: what the catalog adds to it is carried over by hand.
    const carryOver = summary.pruned
      ? `what the catalog added to ${m.code} (description, params, translations) went with it; carry it over from version control.`
      : `give ${m.code}'s entry \`code: ${m.renamedTo}\` (${m.code} under \`aliases\`) and delete the added one, so that what the catalog adds to it stays.`;
    const renamed = m.renamedTo === undefined ? '' : ` ${m.renamedTo}, added, has its status and message: if it was renamed, ${carryOver}`;
    output.out(
      summary.pruned
        ? `  pruned ${which}: it is no longer in the Markdown.${renamed}`
        : `  kept ${which}: it is no longer in the Markdown; run with --prune to delete it, or mark it \`removed\` to keep it reserved.${renamed}`,
    );
  }
  for (const m of summary.inSkippedTables) {
    output.out(`  kept ${m.code} (group "${m.group}"): it is not in an error-code table, but in the table at ${formatLocation(m.table)}, which was skipped${summary.pruned ? '; not pruned' : ''}.`);
  }
  for (const { at, headers } of reading.skipped) {
    output.out(
      `  skipped the table at ${formatLocation(at)}: it has no error-code column (headers: ${headers.map((h) => `"${h}"`).join(', ')}). ` +
        'If it lists error codes, name its columns with --header (e.g. --header code=<its code header>) or under `headers` in errgen.config.yaml.',
    );
  }
}

function printTranslationSummary(output: Output, catalog: string, reading: TranslationReading, summary: TranslationMergeSummary, written: boolean): void {
  output.out(
    `Imported ${plural(reading.files.length, 'file')}, ${plural(reading.tables, 'table')}, ${plural(reading.rows.length, 'row')} into ${catalog} as ${reading.locale}: ` +
      `${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged` +
      (summary.notInCatalog ? `, ${summary.notInCatalog} not in the catalog` : '') +
      (summary.missing.length ? `, ${summary.missing.length} ${summary.pruned ? 'pruned' : 'missing from the page'}` : '') +
      (written ? '.' : ' (file already up to date).'),
  );
  for (const { code, fields } of summary.changes.slice(0, listedChanges)) output.out(`  changed the ${reading.locale} translation of ${code}: ${fields.join(', ')}`);
  if (summary.changes.length > listedChanges) output.out(`  … and ${summary.changes.length - listedChanges} more changed`);
  for (const m of summary.missing) {
    output.out(
      summary.pruned
        ? `  pruned the ${reading.locale} translation of ${m.code} (group "${m.group}"): it is no longer on the page.`
        : `  kept the ${reading.locale} translation of ${m.code} (group "${m.group}"): it is no longer on the page; run with --prune to delete it.`,
    );
  }
}

/** Placeholders a changed cell dropped from the catalog's text and the entry uses nowhere now, at the cell (see lostPlaceholderWarning). */
function lostPlaceholders(retexted: readonly RetextedEntry[], locale: string): Diagnostic[] {
  return retexted.flatMap(({ node, fields, was, row }) => {
    const stillUsed = (['message', 'solution'] as const).flatMap((field) => {
      const now = node.get(field);
      return typeof now === 'string' ? placeholders(now) : [];
    });
    return fields.flatMap((field) => {
      const before = was[field];
      const warning = before === undefined ? undefined : lostPlaceholderWarning(before, stillUsed, `${locale} ${field}`, row.code, row.cells[field] ?? row.at);
      return warning ? [warning] : [];
    });
  });
}

/** What import says of each page it read that the config does not list, though it went into the config's catalog. */
function unlistedWarnings({ files, key, config }: NonNullable<ImportOptions['unlisted']>): Diagnostic[] {
  return files.map((file) => ({
    severity: 'warning',
    file,
    message: `${file} is not listed under \`${key}\` in ${config}, so \`errgen check\` does not compare it with the catalog: drift on this page goes unseen`,
    hint: `Add it to \`${key}\`; then \`errgen import\` alone reads it too.`,
  }));
}

/** Stray braces and placeholders in another syntax in the default-language pages' messages and solutions, at their cells. */
function strayBraces(tables: readonly ImportedTable[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      for (const kind of ['message', 'solution'] as const) warnings.push(...strayBraceWarnings(row[kind], kind, row.code, row.cells[kind] ?? row.at));
      warnings.push(...foreignPlaceholderWarnings(row));
    }
  }
  return warnings;
}
