import { basename, extname } from 'node:path';
import { type Diagnostic, formatDiagnostic, formatLocation, hasErrors, InputError, type Location } from '../diagnostics.js';
import { parseCatalog } from '../catalog/read.js';
import { mergeIntoCatalog, type MergeSummary } from '../catalog/merge.js';
import { newCatalogDocument, serializeCatalog } from '../catalog/write.js';
import { locationsByCode, parseSources, serializeSources, sourcesPathFor, type SourceRow } from '../catalog/sources.js';
import { readProblems, readTextFile, readTextFileIfExists, writeFileIfChanged } from '../io/files.js';
import { defaultHeaderSynonyms, type FieldName, mergeSynonyms } from '../markdown/columns.js';
import { extractErrorTables, type ImportedTable } from '../markdown/error-tables.js';
import { readTables } from '../markdown/read-tables.js';
import { type Output, plural } from './output.js';

export interface ImportOptions {
  readonly sources: readonly string[];
  readonly catalog: string;
  readonly prune: boolean;
  readonly headers?: Partial<Record<FieldName, readonly string[]>>;
}

interface SourceReading {
  readonly tables: ImportedTable[];
  readonly skipped: Location[];
  readonly diagnostics: Diagnostic[];
}

/** Markdown tables → rows → merged into the catalog → written, only if every source is clean. */
export async function importCommand(options: ImportOptions, output: Output): Promise<void> {
  const reading = await readSources(options);
  const warnings = reading.diagnostics.filter((d) => d.severity !== 'error');
  for (const w of warnings) output.err(formatDiagnostic(w));
  if (hasErrors(reading.diagnostics)) {
    const errors = reading.diagnostics.filter((d) => d.severity === 'error');
    throw new InputError(`import failed with ${plural(errors.length, 'problem')}; ${options.catalog} was not changed`, errors);
  }

  const catalogText = await readTextFileIfExists(options.catalog, 'catalog');
  const sourcesPath = sourcesPathFor(options.catalog);
  const previousSources = parseSources(await readTextFileIfExists(sourcesPath, 'source map'), options.catalog);
  const importedFiles = new Set(options.sources);
  const previousByCode = locationsByCode(previousSources);
  const previousAt = (code: string, occurrence: number) => previousByCode.get(code)?.[occurrence];

  const { text, summary } = await mergedCatalogText(catalogText, options, reading.tables, (code, occurrence) => {
    const at = previousAt(code, occurrence);
    return at === undefined || importedFiles.has(at.file);
  });
  // Never write a catalog errgen could not read back. Only the value is kept: a YAML document of
  // 100,000 entries is hundreds of megabytes, and the merged one is already garbage here.
  const merged = (await parseCatalog(text, options.catalog)).value;
  const sourceRows = rowLocations(merged, reading.tables, (code, occurrence) => {
    const at = previousAt(code, occurrence);
    return at && !importedFiles.has(at.file) ? at : undefined;
  });

  const written = await writeFileIfChanged(options.catalog, text);
  await writeFileIfChanged(sourcesPath, serializeSources(sourceRows, options.catalog));
  printSummary(output, options, reading, summary, written === 'written');
}

/** The catalog with the rows merged in, as text; its YAML document lives only as long as this call. */
async function mergedCatalogText(
  catalogText: string | undefined,
  options: ImportOptions,
  tables: readonly ImportedTable[],
  inScope: (code: string, occurrence: number) => boolean,
): Promise<{ text: string; summary: MergeSummary }> {
  const document = catalogText === undefined ? await newCatalogDocument(options.catalog) : (await parseCatalog(catalogText, options.catalog)).document;
  const summary = mergeIntoCatalog(document, tables, { prune: options.prune, inScope });
  return { text: serializeCatalog(document), summary };
}

async function readSources(options: ImportOptions): Promise<SourceReading> {
  const synonyms = mergeSynonyms(defaultHeaderSynonyms, options.headers ?? {});
  const reading: SourceReading = { tables: [], skipped: [], diagnostics: [] };
  for (const file of options.sources) {
    let text: string;
    try {
      text = await readTextFile(file, 'Markdown file');
    } catch (error) {
      reading.diagnostics.push(...readProblems(error, 'Check the path and the file permissions.'));
      continue;
    }
    const found = extractErrorTables(await readTables(text, file), file, synonyms, basename(file, extname(file)));
    reading.tables.push(...found.tables);
    reading.skipped.push(...found.skipped);
    reading.diagnostics.push(...found.diagnostics);
  }
  return reading;
}

/** Where each catalog entry came from, in catalog order: this import's rows, else what the sidecar knew. */
function rowLocations(
  catalog: { groups: ReadonlyArray<{ codes: ReadonlyArray<{ code: string }> }> },
  tables: readonly ImportedTable[],
  earlier: (code: string, occurrence: number) => Location | undefined,
): SourceRow[] {
  const imported = locationsByCode(tables.flatMap((t) => t.rows));
  const seen = new Map<string, number>();
  const rows: SourceRow[] = [];
  for (const entry of catalog.groups.flatMap((g) => g.codes)) {
    const occurrence = seen.get(entry.code) ?? 0;
    seen.set(entry.code, occurrence + 1);
    const at = imported.get(entry.code)?.[occurrence] ?? earlier(entry.code, occurrence);
    if (at) rows.push({ code: entry.code, at });
  }
  return rows;
}

function printSummary(output: Output, options: ImportOptions, reading: SourceReading, summary: MergeSummary, written: boolean): void {
  const rows = reading.tables.reduce((n, t) => n + t.rows.length, 0);
  output.out(
    `Imported ${plural(options.sources.length, 'file')}, ${plural(reading.tables.length, 'table')}, ${plural(rows, 'row')} into ${options.catalog}: ` +
      `${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged` +
      (summary.missing.length ? `, ${summary.missing.length} ${summary.pruned ? 'pruned' : 'missing from the Markdown'}` : '') +
      (written ? '.' : ' (file already up to date).'),
  );
  for (const m of summary.missing) {
    output.out(
      summary.pruned
        ? `  pruned ${m.code} (group "${m.group}"): it is no longer in the Markdown.`
        : `  kept ${m.code} (group "${m.group}"): it is no longer in the Markdown; run with --prune to delete it, or mark it \`removed\` to keep it reserved.`,
    );
  }
  for (const at of reading.skipped) output.out(`  skipped the table at ${formatLocation(at)}: it has no error-code column.`);
}
