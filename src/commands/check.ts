import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { matchRows } from '../catalog/match-rows.js';
import type { Catalog, CatalogCode } from '../catalog/model.js';
import { parseCatalog, parseCatalogValue, type ReadCatalog } from '../catalog/read.js';
import { locationsByCode, parseSources, sourcesPathFor } from '../catalog/sources.js';
import { artifactDrift, type OutputDrift } from '../check/artifact-drift.js';
import { type BreakingIgnore, checkBreaking } from '../check/breaking.js';
import { formatGithub } from '../check/report/github.js';
import { formatHuman } from '../check/report/human.js';
import { formatJson } from '../check/report/json.js';
import { inReportOrder } from '../check/report/order.js';
import { withPagePlaceholders } from '../check/page-placeholders.js';
import { checkSourceDrift, readSourceRows, type SourceRows } from '../check/source-drift.js';
import type { ImportedRow } from '../markdown/error-tables.js';
import type { TranslationPages } from '../check/translation-drift.js';
import { type Diagnostic, ExitCode, formatLocation, hasErrors, InputError, type Location, UsageError } from '../diagnostics.js';
import { type GenerateInput, type PendingOutput, planOutputs, type ResolvedTarget } from '../emit/generate.js';
import type { Language } from '../lang/language.js';
import { readTextFile, readTextFileIfExists } from '../io/files.js';
import { type OutputDigest, type OutputRecordSlot, outputRecordSlot, saveOutputRecord, upToDateOutputs } from '../io/output-record.js';
import { claimOrder, firstError, mainThreadTakesOutputs, outputThreads, worthJoining, type OutputWorkers, putResults, requestedThreads, startOutputWorkers, takeOutputs } from '../emit/output-threads.js';
import { collectGarbage } from '../io/collect-garbage.js';
import { realPathOf } from '../io/paths.js';
import type { LintEntry, RuleSetting } from '../lint/rule.js';
import { lintRules } from '../lint/rules/index.js';
import { runRules } from '../lint/run.js';
import type { FieldName } from '../markdown/columns.js';
import type { Output } from './output.js';

export type ReportFormat = 'human' | 'json' | 'github';

export interface CheckOptions {
  readonly catalog: string;
  /** The catalog path as generated headers name it. */
  readonly source: string;
  readonly sources: readonly string[];
  /** Translated pages by locale, compared with `messages.<locale>`. */
  readonly translations?: readonly TranslationPages[];
  readonly headers: Partial<Record<FieldName, readonly string[]>> | undefined;
  /** Targets to compare with the files on disk; empty when there is nothing generated to check. */
  readonly targets: readonly ResolvedTarget[];
  /** The languages codes must be named in: the targets' (namedLanguages), every language when the config names no outputs. */
  readonly languages: readonly Language[];
  readonly fixCommand: string;
  readonly against: string | undefined;
  readonly format: ReportFormat;
  readonly color: boolean;
  readonly lintSettings: Readonly<Record<string, RuleSetting>>;
  readonly breakingSettings: Readonly<Record<string, RuleSetting>>;
  readonly ignores: readonly BreakingIgnore[];
}

/** Lint, source drift, artifact drift and breaking changes, all reported in one run. Returns the exit code. */
export async function checkCommand(options: CheckOptions, output: Output): Promise<number> {
  requestedThreads(); // a bad ERRGEN_THREADS is said on every run, not only on one that renders
  // One order for every format: a JSON consumer or an annotation list reads the findings as the terminal does.
  const findings = inReportOrder(await collectFindings(options));
  const report = options.format === 'json' ? formatJson(findings) : options.format === 'github' ? formatGithub(findings) : formatHuman(findings, { color: options.color });
  if (report !== '') output.out(report);
  return hasErrors(findings) ? ExitCode.inputError : ExitCode.ok;
}

async function collectFindings(options: CheckOptions): Promise<Diagnostic[]> {
  let catalogText: string;
  try {
    catalogText = await readTextFile(options.catalog, 'catalog');
  } catch (error) {
    // Without a valid catalog nothing else can be checked: report why, as findings.
    return catalogFindings(error, missingCatalogHint);
  }
  const artifactDrift = options.lintSettings['artifact-drift'] ?? 'error';
  const comparesOutputs = options.targets.length > 0 && artifactDrift !== 'off';
  // Outputs that are what these inputs rendered last time cannot have drifted (see output-record.ts).
  const record = comparesOutputs ? outputRecordSlot({ catalog: options.catalog, catalogText, source: options.source, targets: options.targets }) : undefined;
  const rendersOutputs = comparesOutputs && !(record && upToDateOutputs(record));
  const threads = rendersOutputs ? outputThreads(catalogText, options.targets) : 1;
  // A big catalog's outputs are compared in other threads, from now on, while this one reads the pages and lints, then takes those still left.
  const workers =
    threads > 1
      ? startOutputWorkers<OutputDrift>(threads - 1, { command: 'check', catalog: options.catalog, catalogText, source: options.source, targets: options.targets, job: { kind: 'check', fixCommand: options.fixCommand, digests: record !== undefined } })
      : undefined;
  try {
    let read: ReadCatalog;
    try {
      read = await parseCatalogValue(catalogText, options.catalog);
    } catch (error) {
      return catalogFindings(error, missingCatalogHint);
    }
    return await findingsOf(options, read, rendersOutputs ? { workers, record } : undefined);
  } finally {
    // Stopped wherever they are (they write nothing) if their work was not wanted: identifier errors, a failure.
    await workers?.terminate();
  }
}

/** The findings once the catalog is read; `outputs` when the outputs are to be compared: the threads comparing them, if any, and the record to keep. */
async function findingsOf(options: CheckOptions, read: ReadCatalog, outputs: { workers: OutputWorkers<OutputDrift> | undefined; record: OutputRecordSlot | undefined } | undefined): Promise<Diagnostic[]> {
  const { findings, breaking } = await catalogAndPageFindings(options, read, outputs?.workers !== undefined);
  const artifactDrift = options.lintSettings['artifact-drift'] ?? 'error';
  // Identifier errors stop generation: the outputs are not compared (planning would report them again).
  if (outputs && !hasRule(findings, 'identifier-collision') && !hasRule(findings, 'identifier-override')) {
    const { workers, record } = outputs;
    const input: GenerateInput = { catalog: read.value, source: options.source, locate: (path) => read.locate(path) };
    const compared = workers ? await comparedInThreads(workers, input, options.targets, options.fixCommand, record !== undefined) : await compareHere(input, options.targets, options.fixCommand, record !== undefined);
    if ('drift' in compared) {
      findings.push(...withSeverity(compared.drift, artifactDrift));
      // Only when every output is byte for byte as rendered (a CRLF checkout is not drift, yet not as rendered).
      if (record && compared.drift.length === 0 && compared.digests.length === compared.outputs) saveOutputRecord(record, options.targets, compared.digests);
    } else replaceSaid(findings, compared.problems);
  }
  if (breaking !== undefined) {
    if ('error' in breaking) throw breaking.error;
    findings.push(...breaking.found);
  }
  return findings;
}

/**
 * What the catalog and the pages say, and, with --against, the breaking changes: all but the
 * generated files. Breaking changes are found here, before the outputs are compared (at 100,000
 * codes, seconds that the other threads spend rendering), but reported after them, as before: in
 * the same order, and a failure to compare the outputs still comes first. The lint entries die with
 * this call. With other threads rendering `beside` (a big catalog), the pages' garbage is collected
 * before the earlier catalog is read on top of it.
 */
async function catalogAndPageFindings(options: CheckOptions, read: ReadCatalog, beside: boolean): Promise<{ findings: Diagnostic[]; breaking: { found: Diagnostic[] } | { error: unknown } | undefined }> {
  const { findings, entries } = await lintAndSourceDrift(options, read);
  const against = options.against;
  if (against === undefined) return { findings, breaking: undefined };
  if (beside) collectGarbage();
  try {
    return { findings, breaking: { found: await breakingFindings(options, against, read, entries) } };
  } catch (error) {
    return { findings, breaking: { error } };
  }
}

/** Breaking changes against the catalog at `against`, or why they could not be checked. */
async function breakingFindings(options: CheckOptions, against: string, read: ReadCatalog, entries: readonly LintEntry[]): Promise<Diagnostic[]> {
  let before: Awaited<ReturnType<typeof loadEarlierCatalog>>;
  try {
    before = await loadEarlierCatalog(against, options.catalog);
  } catch (error) {
    // An earlier catalog that cannot be read is reported as the catalog itself would be, with the rest.
    return catalogFindings(error);
  }
  if (before === undefined) {
    // Said, not skipped in silence: a catalog moved without git seeing the move would pass every change.
    return [
      {
        severity: 'warning',
        message: `${options.catalog} is not in ${against}, under this path or moved from another: no breaking changes were checked`,
        hint: `If it is new, this is expected. If it moved, commit the move (git mv), or pass --against with the earlier catalog's file (git show ${against}:<its old path> > before.yaml).`,
      },
    ];
  }
  return checkBreaking({
    before: before.catalog,
    beforeName: before.name,
    after: entries,
    catalog: read.value,
    catalogFile: options.catalog,
    settings: options.breakingSettings,
    ignores: options.ignores,
    languages: options.languages,
  });
}

/**
 * Lint and source drift: what the catalog and the pages say. The pages' rows die with this call,
 * before the outputs are compared (at 100,000 codes, with what reading them left, a few hundred megabytes).
 */
async function lintAndSourceDrift(options: CheckOptions, read: ReadCatalog): Promise<{ findings: Diagnostic[]; entries: LintEntry[] }> {
  const translations = options.translations ?? [];
  const sourceDrift = options.lintSettings['source-drift'] ?? 'error';
  const comparesSources = (options.sources.length > 0 || translations.length > 0) && sourceDrift !== 'off';
  const sourceRows = comparesSources ? await readSourceRows(options.sources, options.headers) : undefined;
  const { entries, entryOfRow } = await lintEntries(read, options.catalog, sourceRows);
  const findings: Diagnostic[] = runRules(lintRules, { catalog: read.value, file: options.catalog, entries, languages: options.languages, locate: (path) => read.locate(path) }, options.lintSettings);
  if (sourceRows) {
    const groupTitles = read.value.groups.map((group) => group.title);
    const drift = await checkSourceDrift({ sources: options.sources, translations, catalogFile: options.catalog, entries, entryOfRow, groupTitles }, sourceRows);
    const pages = withPagePlaceholders(drift, options.lintSettings);
    findings.push(...withSeverity(pages.drift, sourceDrift), ...pages.placeholders);
  }
  return { findings, entries };
}

/** Why a catalog could not be read (an InputError), as findings of the report; anything else is rethrown. */
function catalogFindings(error: unknown, hintIfMissing?: string): Diagnostic[] {
  if (!(error instanceof InputError)) throw error;
  const hint = error.cause === 'ENOENT' ? hintIfMissing : undefined;
  const found = error.diagnostics.length > 0 ? error.diagnostics : [{ severity: 'error' as const, message: error.message, ...(error.file ? { file: error.file } : {}), ...(hint ? { hint } : {}) }];
  return found.map((d) => ({ ...d, rule: d.rule ?? 'catalog-schema' }));
}

const missingCatalogHint =
  'Create it from your Markdown pages with `errgen import`, or start a project here with `errgen init`; a catalog elsewhere is named with --catalog or `catalog` in errgen.config.yaml.';

/**
 * Adds why the outputs cannot be planned; a lint finding that says the same (locale-config's
 * spelling clashes, which generate refuses) is said once, as the error it is for generate too.
 */
function replaceSaid(findings: Diagnostic[], problems: readonly Diagnostic[]): void {
  const key = (d: Diagnostic) => `${d.rule}\0${d.message}\0${d.at ? formatLocation(d.at) : ''}`;
  const said = new Set(problems.map(key));
  findings.splice(0, findings.length, ...findings.filter((f) => !said.has(key(f))), ...problems);
}

function hasRule(findings: readonly Diagnostic[], rule: string): boolean {
  return findings.some((f) => f.rule === rule && f.severity === 'error');
}

/**
 * Every entry with its catalog location and its Markdown origin: its row in the pages as they are
 * now (`now`, when check reads them, paired as import pairs rows and entries), else, for a page not
 * read, where the last import found it (the sidecar). A code gone from a page that was read has no
 * origin there, rather than a line that is now another row's. The pairing is returned too, for
 * source drift: one pairing for both.
 */
async function lintEntries(read: ReadCatalog, catalogFile: string, now: SourceRows | undefined): Promise<{ entries: LintEntry[]; entryOfRow: Map<ImportedRow, LintEntry> }> {
  const sidecar = locationsByCode(parseSources(await readTextFileIfExists(sourcesPathFor(catalogFile), 'source map'), catalogFile));
  // Sources are a few files named by 100,000 entries: each path is made relative once.
  const relativePaths = new Map<string, string>();
  const cwdRelative = (file: string) => {
    let path = relativePaths.get(file);
    if (path === undefined) relativePaths.set(file, (path = relative(process.cwd(), resolve(file))));
    return path;
  };
  // A place as is when its path is already relative to the working folder (most are): one object fewer per entry.
  const relativeTo = (at: Location) => {
    const file = cwdRelative(at.file);
    return file === at.file ? at : { ...at, file };
  };
  const readNow = new Set((now?.files ?? []).map(cwdRelative));
  // The sidecar pairs a code's rows with its entries as import wrote them, tombstones included.
  const occurrences = new Map<string, number>();
  const lastImported = new Map<CatalogCode, Location>();
  const liveByCode = new Map<string, CatalogCode[]>();
  for (const group of read.value.groups) {
    for (const entry of group.codes) {
      const n = occurrences.get(entry.code) ?? 0;
      occurrences.set(entry.code, n + 1);
      const last = sidecar.get(entry.code)?.[n] ?? undefined;
      if (last !== undefined) lastImported.set(entry, relativeTo(last));
      if (entry.removed) continue;
      const live = liveByCode.get(entry.code);
      if (live) live.push(entry);
      else liveByCode.set(entry.code, [entry]);
    }
  }
  // The pages now pair with live entries only, as source drift pairs them.
  const rowNow = new Map<CatalogCode, Location>();
  const isOwn = (entry: CatalogCode) => {
    const last = lastImported.get(entry);
    return last === undefined || readNow.has(last.file);
  };
  // Each entry's group, asked only for a code listed several times: made on first use.
  let groupOf: Map<CatalogCode, string> | undefined;
  const groupTitle = (entry: CatalogCode) => (groupOf ??= new Map(read.value.groups.flatMap((group) => group.codes.map((e) => [e, group.title] as const)))).get(entry);
  const paired = matchRows(now?.rows ?? [], (code) => liveByCode.get(code), { fieldsOf: (entry) => ({ ...entry, group: groupTitle(entry) }), isOwn });
  for (const [row, entry] of paired) rowNow.set(entry, row.at);
  const entries: LintEntry[] = read.value.groups.flatMap((group, g) =>
    group.codes.map((entry, i) => {
      const last = lastImported.get(entry);
      const origin = rowNow.get(entry) ?? (last !== undefined && !readNow.has(last.file) ? last : undefined);
      return new CatalogEntry(read, g, i, entry, group.title, origin && relativeTo(origin), last);
    }),
  );
  const lintEntryOf = new Map(entries.map((e) => [e.entry, e]));
  const entryOfRow = new Map([...paired].map(([row, entry]) => [row, lintEntryOf.get(entry) as LintEntry]));
  return { entries, entryOfRow };
}

/**
 * An entry as lint sees it. A class, not an object literal with a getter: V8 builds each such
 * literal in dictionary mode, and at 100,000 entries making them took ~0.2 s, reading them more.
 */
class CatalogEntry implements LintEntry {
  constructor(
    private readonly read: ReadCatalog,
    private readonly groupIndex: number,
    private readonly index: number,
    readonly entry: CatalogCode,
    readonly group: string,
    readonly source: Location | undefined,
    readonly lastImported: Location | undefined,
  ) {}

  /** Located only when a finding needs it: locating every entry costs a YAML parse with positions. */
  get at(): Location {
    return this.locate([]);
  }

  locate(field: readonly (string | number)[], offset?: number): Location {
    return this.read.locate(['groups', this.groupIndex, 'codes', this.index, ...field], offset);
  }
}

/** `--against`: a catalog file, or a git ref at which the catalog's own path is read. */
async function loadEarlierCatalog(against: string, catalogFile: string): Promise<{ catalog: Catalog; name: string } | undefined> {
  if (existsSync(against)) {
    return { catalog: (await parseCatalog(await readTextFile(against, 'catalog'), against)).value, name: against };
  }
  // node:child_process is loaded only here: a check without a git revision never needs it. (By
  // require: the bundle runs in a vm.Script, where import() of a Node module is not available.)
  const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const git = (args: string[], cwd: string) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const real = realPathOf(catalogFile);
  const dir = dirname(real);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], dir).trim();
    git(['rev-parse', '--verify', '--quiet', `${against}^{commit}`], dir);
  } catch {
    throw new UsageError(`--against ${against}: not a file, and not a git revision in the repository of ${catalogFile}`);
  }
  // The file itself, as git knows it (through a linked folder or a link to the catalog, git has the real path).
  const path = relative(top, real).split(sep).join('/');
  const show = (then: string | undefined) => {
    if (then === undefined) return undefined;
    try {
      return { name: `${against}:${then}`, text: git(['show', `${against}:${then}`], top) };
    } catch {
      return undefined;
    }
  };
  // Under its path then, else under the path git sees it moved from (a catalog moved in this change).
  const found = show(path) ?? show(movedFrom(git, top, against, path));
  if (found === undefined) return undefined; // not there then: new, or moved where git does not see it
  return { catalog: (await parseCatalog(found.text, found.name)).value, name: found.name };
}

/** The path at `against` of the file now at `path`, if git sees it as renamed since (committed or staged). */
function movedFrom(git: (args: string[], cwd: string) => string, top: string, against: string, path: string): string | undefined {
  let listing: string;
  try {
    listing = git(['diff', '--name-status', '-z', '-M', '--diff-filter=R', against, '--'], top);
  } catch {
    return undefined;
  }
  // -z: "R<score>", the old path and the new path, each ended by a NUL.
  const fields = listing.split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) if (fields[i + 2] === path) return fields[i + 1];
  return undefined;
}

type Compared = { drift: Diagnostic[]; digests: OutputDigest[]; outputs: number } | { problems: Diagnostic[] };

/**
 * Every output compared with its file in this thread, or why the outputs cannot be planned. In the
 * order threads take them (claimOrder), so that of two failing outputs the same one is reported
 * with threads or without; the findings are put in output order.
 */
async function compareHere(input: GenerateInput, targets: readonly ResolvedTarget[], fixCommand: string, withDigests: boolean): Promise<Compared> {
  const planned = planOrReport(input, targets);
  if (!('outputs' in planned)) return planned;
  const drifts: OutputDrift[] = [];
  for (const index of claimOrder(planned.outputs)) drifts[index] = await artifactDrift(planned.outputs[index] as PendingOutput, fixCommand, withDigests);
  return inOutputOrder(drifts);
}

/**
 * What the other threads found, and what this one compared once it had read the pages and linted:
 * the outputs no thread had taken by then, when they outweigh planning them (at 100,000 codes,
 * about half of them). Put together as compareHere would have found them, and of two failing
 * outputs the one first in claim order.
 */
async function comparedInThreads(workers: OutputWorkers<OutputDrift>, input: GenerateInput, targets: readonly ResolvedTarget[], fixCommand: string, withDigests: boolean): Promise<Compared> {
  const { claims } = workers;
  const drifts: OutputDrift[] = [];
  let planned: ReturnType<typeof planOrReport> | undefined;
  // This thread's failure, at its output's place in the claim order.
  let failed: { at: number; error: unknown } | undefined;
  if (mainThreadTakesOutputs() && worthJoining(targets, claims.left())) {
    // The pages read and linted are garbage now: collected before the view model is built on top.
    collectGarbage();
    planned = planOrReport(input, targets);
    if ('outputs' in planned) {
      const { outputs } = planned;
      failed = await takeOutputs(claims, claimOrder(outputs), (index) => artifactDrift(outputs[index] as PendingOutput, fixCommand, withDigests), (index, drift) => (drifts[index] = drift));
    }
  }
  const reports = await workers.reports;
  const stop = firstError(failed, reports);
  if (stop) throw stop.error;
  if (reports.some((report) => report.failed)) {
    // The outputs cannot be planned: planned here, for the reason.
    planned ??= planOrReport(input, targets);
    if ('outputs' in planned) throw new Error('internal: an output thread could not plan the outputs this thread planned');
    return planned;
  }
  if (planned !== undefined && !('outputs' in planned)) throw new Error('internal: the output threads planned the outputs this thread could not');
  const outputs = reports[0]?.outputs ?? 0;
  if (!putResults(reports, drifts, outputs)) throw new Error(`internal: the output threads did not compare all ${outputs} outputs`);
  return inOutputOrder(drifts);
}

function inOutputOrder(drifts: readonly OutputDrift[]): Compared {
  return { drift: drifts.flatMap((d) => d.findings), digests: drifts.flatMap((d) => (d.digest ? [d.digest] : [])), outputs: drifts.length };
}

/** The outputs to compare, or why they cannot be generated (e.g. two placeholders one language names alike) as findings, so the rest of the report still comes out. */
function planOrReport(input: GenerateInput, targets: readonly ResolvedTarget[]): { outputs: PendingOutput[] } | { problems: Diagnostic[] } {
  try {
    return { outputs: planOutputs(input, targets) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: error.diagnostics.map((d) => ({ ...d, rule: d.rule ?? 'artifact-drift' })) };
  }
}

/** Drift findings at the severity the config or --rule gives them: `warn` reports without failing (e.g. before the first generate). */
function withSeverity(findings: readonly Diagnostic[], setting: RuleSetting): Diagnostic[] {
  return setting === 'warn' ? findings.map((d) => (d.severity === 'error' ? { ...d, severity: 'warning' } : d)) : [...findings];
}
