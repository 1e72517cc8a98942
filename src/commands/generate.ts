import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCatalogValue } from '../catalog/read.js';
import { type Diagnostic, UsageError } from '../diagnostics.js';
import { type PendingOutput, planOutputs, type ResolvedTarget } from '../emit/generate.js';
import { carriesGeneratedHeader, headerBytes, headerLength } from '../emit/header.js';
import { claimOrder, firstError, mainThreadTakesOutputs, OutputClaims, type OutputJob, outputThreads, putResults, requestedThreads, startOutputWorkers, takeOutputs } from '../emit/output-threads.js';
import { describeFsError, discardEvery, foldersToMake, readTextFile, removeIfEmpty, removeAbandoned, type StagedFile, type StagedHandle, stagedAt, type StagingFile } from '../io/files.js';
import { OutputFile } from '../io/output-file.js';
import { DigestOf, type OutputDigest, type OutputRecordSlot, outputRecordSlot, saveOutputRecord, upToDateOutputs } from '../io/output-record.js';
import { type Output, plural } from './output.js';

export interface GenerateOptions {
  readonly catalog: string;
  /** The catalog path as generated headers name it. */
  readonly source: string;
  readonly targets: readonly ResolvedTarget[];
  readonly dryRun: boolean;
  /** Overwrite files that do not carry errgen's generated header. */
  readonly force: boolean;
}

interface Change {
  readonly path: string;
  readonly existed: boolean;
  /** The new content, written under a temporary name until every output is ready (none in a dry run). */
  readonly staged: StagedFile | undefined;
}

/** What one output came to: in the thread that rendered it, or sent from it (a staged file by its handle). */
export type OutputStep =
  | { readonly kind: 'unchanged'; readonly digest: OutputDigest | undefined }
  | { readonly kind: 'changed'; readonly path: string; readonly existed: boolean; readonly staged: StagingFile | StagedHandle | undefined; readonly digest: OutputDigest | undefined }
  | { readonly kind: 'refused'; readonly refusal: Diagnostic; readonly digest: OutputDigest | undefined }
  /** Under a file that stands where a folder should be: said once, for that file. */
  | { readonly kind: 'underFile'; readonly file: string; readonly path: string };

/**
 * Catalog → each target rendered, compared with the file on disk and staged beside it where it
 * differs → all moved into place. Outputs are rendered and written in pieces (at 100,000 codes they
 * total hundreds of megabytes), yet nothing replaces a file until every output has been rendered and
 * may be written. A big catalog's outputs are rendered in several threads (see output-threads.ts).
 */
export async function generateCommand(options: GenerateOptions, output: Output): Promise<void> {
  const verb = options.dryRun ? 'would change' : 'changed';
  requestedThreads(); // a bad ERRGEN_THREADS is said on every run, not only on one that renders
  const catalogText = await readTextFile(options.catalog, 'catalog');
  // Outputs that are what these inputs rendered last time need no rendering (see output-record.ts).
  const record = outputRecordSlot({ catalog: options.catalog, catalogText, source: options.source, targets: options.targets });
  const recorded = record && upToDateOutputs(record);
  if (recorded) {
    if (!options.dryRun) recorded.forEach(removeAbandoned);
    output.out(`${summaryLead(options)} ${plural(recorded.length, 'file')} from ${options.catalog}: 0 ${verb}, ${recorded.length} up to date.`);
    return;
  }
  const job = { kind: 'generate', force: options.force, dryRun: options.dryRun, digests: record !== undefined && !options.dryRun } as const;
  const threads = outputThreads(catalogText, options.targets);
  // The folders this run would make, known before any thread stages: a failed run leaves none of them.
  const made = foldersToMake(options.targets.map((target) => dirname(target.output)));
  // Started before this thread reads the catalog: they read it meanwhile.
  const workers = threads > 1 ? startOutputWorkers<OutputStep>(threads - 1, { command: 'generate', catalog: options.catalog, catalogText, source: options.source, targets: options.targets, job }) : undefined;
  const claims = workers?.claims ?? new OutputClaims();
  const steps: OutputStep[] = [];
  let outputs: PendingOutput[] = [];
  // This thread's failure, at its output's place in the claim order (-1: reading or planning).
  let failed: { at: number; error: unknown } | undefined;
  try {
    const read = await parseCatalogValue(catalogText, options.catalog);
    outputs = planOutputs({ catalog: read.value, source: options.source, locate: (path) => read.locate(path) }, options.targets);
    claims.planned(outputs.length);
  } catch (error) {
    claims.stop();
    failed = { at: -1, error };
  }
  if (!failed && (!workers || mainThreadTakesOutputs())) {
    failed = await takeOutputs(claims, claimOrder(outputs), (index) => outputStep(outputs[index] as PendingOutput, job, claims), (index, step) => (steps[index] = step));
  }
  const reports = workers ? await workers.reports : [];
  const complete = putResults(reports, steps, outputs.length);
  // The failure first in claim order, wherever it was met: where one thread would have stopped.
  const stop = firstError(failed, reports);
  if (stop || !complete || reports.some((report) => report.failed)) {
    await discardAll(steps);
    // A failed output removes what it staged, but not a folder others staged in meanwhile.
    for (const folder of made) removeIfEmpty(folder);
    if (stop) throw stop.error;
    // A thread fails to plan only where this one planned (the same catalog and targets).
    throw new Error(complete ? 'internal: an output thread could not plan the outputs this thread planned' : 'internal: an output was rendered by no thread');
  }
  await writeSteps(outputs, steps, options, record, output, verb);
}

/**
 * Renders one output, compares it with the file at its path and stages it if it differs: what
 * generate does for each output, in whichever thread takes it.
 */
export async function outputStep(output: PendingOutput, job: Extract<OutputJob, { kind: 'generate' }>, claims: OutputClaims): Promise<OutputStep> {
  // After a refusal nothing more is staged: it would all be deleted again.
  const step = await stepOf(output, job, !claims.refused);
  if (step.kind === 'refused' || step.kind === 'underFile') claims.refuse();
  return step;
}

async function stepOf({ path, renderTo, target }: PendingOutput, job: Extract<OutputJob, { kind: 'generate' }>, mayStage: boolean): Promise<OutputStep> {
  const opened = openCurrent(path, job.force);
  if ('refusal' in opened) return { kind: 'refused', refusal: opened.refusal, digest: undefined };
  if ('underFile' in opened) return { kind: 'underFile', file: opened.underFile, path };
  const { current, ours } = opened;
  const stage = ours && !job.dryRun && mayStage;
  const head = keepingHead(renderTo);
  const digester = job.digests ? new DigestOf() : undefined;
  const outcome = current.compare(head.renderTo, { stage, digest: digester });
  const digest = digester?.of(path);
  // Staging swept the temporary files a killed run left beside the file; one not staged is swept here.
  if (!outcome.staged && !job.dryRun) removeAbandoned(path);
  if (!outcome.changed) return { kind: 'unchanged', digest };
  if (!ours) return { kind: 'refused', refusal: notOurs(path), digest };
  if (!job.force && !carriesGeneratedHeader(head.text())) {
    await outcome.staged?.discard();
    return { kind: 'refused', refusal: withoutHeader(path, target), digest };
  }
  return { kind: 'changed', path, existed: outcome.existed, staged: outcome.staged, digest };
}

/** Drops every staged file, whichever thread staged it. */
async function discardAll(steps: readonly OutputStep[]): Promise<void> {
  await discardEvery(steps.map((step) => (step?.kind === 'changed' ? stagedFile(step.staged) : undefined)));
}

/** The staged file of a step, wherever it was staged. */
function stagedFile(staged: StagingFile | StagedHandle | undefined): StagedFile | undefined {
  return staged === undefined || 'commit' in staged ? staged : stagedAt(staged);
}

/** Every output's step, in output order: refused, or moved into place, then said. */
async function writeSteps(outputs: readonly PendingOutput[], steps: readonly OutputStep[], options: GenerateOptions, record: OutputRecordSlot | undefined, output: Output, verb: string): Promise<void> {
  const changes: Change[] = [];
  const refusals: Diagnostic[] = [];
  const underFiles = new Map<string, string[]>();
  const digests: OutputDigest[] = [];
  for (const step of steps) {
    if (step.kind !== 'underFile' && step.digest) digests.push(step.digest);
    if (step.kind === 'refused') refusals.push(step.refusal);
    else if (step.kind === 'underFile') underFiles.set(step.file, [...(underFiles.get(step.file) ?? []), step.path]);
    else if (step.kind === 'changed') changes.push({ path: step.path, existed: step.existed, staged: stagedFile(step.staged) });
  }
  const refused = refusals.length + [...underFiles.values()].reduce((n, paths) => n + paths.length, 0);
  if (refused > 0) {
    await discardEvery(changes.map((change) => change.staged));
    for (const [file, paths] of underFiles) refusals.push(underFile(file, paths));
    throw new UsageError(`nothing was written: ${plural(refused, 'output path')} cannot be used`, refusals);
  }
  // Every file is moved into place before anything is printed: a failing stdout (a full disk it is
  // redirected to) cannot leave the rest staged.
  let committed = 0;
  try {
    for (const change of changes) {
      await change.staged?.commit();
      committed++;
    }
  } finally {
    await discardEvery(changes.slice(committed + 1).map((later) => later.staged));
    for (const change of changes.slice(0, committed)) output.out(change.staged ? `wrote ${change.path}` : `would ${change.existed ? 'update' : 'create'} ${change.path}`);
  }
  // Every output is now on disk as rendered.
  if (record && !options.dryRun) saveOutputRecord(record, options.targets, digests);
  output.out(`${summaryLead(options)} ${plural(outputs.length, 'file')} from ${options.catalog}: ${changes.length} ${verb}, ${outputs.length - changes.length} up to date.`);
}

/** How the summary starts: a dry run generated nothing. */
function summaryLead(options: GenerateOptions): string {
  return options.dryRun ? 'Would generate' : 'Generated';
}

/**
 * The file on disk at an output's path, if any, and whether errgen may replace it: it wrote it (its
 * header says so), or --force. One that cannot be read is a refusal; one under a file (not a folder)
 * names that file.
 */
function openCurrent(path: string, force: boolean): { current: OutputFile; ours: boolean } | { refusal: Diagnostic } | { underFile: string } {
  let current: OutputFile | undefined;
  try {
    current = new OutputFile(path);
    return { current, ours: !current.existed || force || carriesGeneratedHeader(current.head(headerBytes)) };
  } catch (error) {
    current?.close();
    // Every output under one file fails alike (`--out-dir` naming a file): said once, for that file.
    const file = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? fileOnTheWay(path) : undefined;
    if (file !== undefined) return { underFile: file };
    return { refusal: { severity: 'error', at: { file: path, line: 1, column: 1 }, message: `cannot write here: ${describeFsError(error)}`, hint: 'Choose another output path.' } };
  }
}

function underFile(file: string, paths: readonly string[]): Diagnostic {
  return {
    severity: 'error',
    message: `${file} is a file, not a folder, so errgen cannot write ${paths.length === 1 ? paths[0] : `the ${paths.length} outputs under it`}`,
    hint: "Choose another output folder: --out-dir, or outDir (or the target's output) in the config.",
  };
}

/** The file that stands where a folder of `path` should be, if that is why it cannot be opened. */
function fileOnTheWay(path: string): string | undefined {
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    try {
      return statSync(folder).isFile() ? folder : undefined;
    } catch {
      // Not there (or itself under the file): look further up.
    }
  }
  return undefined;
}

function notOurs(path: string): Diagnostic {
  return {
    severity: 'error',
    at: { file: path, line: 1, column: 1 },
    message: 'this file exists and was not written by errgen (no "generated by errgen" header), so errgen will not overwrite it',
    hint: 'Check the output path in the config; pass --force to overwrite it anyway.',
  };
}

/** `renderTo`, keeping the start of the text it writes: where errgen's header must be. */
function keepingHead(renderTo: PendingOutput['renderTo']): { renderTo: PendingOutput['renderTo']; text: () => string } {
  let head = '';
  return {
    renderTo: (write) =>
      renderTo((piece) => {
        if (head.length < headerLength) head += piece.slice(0, headerLength - head.length);
        write(piece);
      }),
    text: () => head,
  };
}

/**
 * A new or changed output without errgen's header: the next generate would take the file for
 * someone else's and refuse to overwrite it. Only a template of your own can leave the header out;
 * --force writes it anyway, as it would then overwrite it.
 */
function withoutHeader(path: string, target: ResolvedTarget): Diagnostic {
  return {
    severity: 'error',
    at: { file: target.template, line: 1, column: 1 },
    message: `target "${target.name}" would write ${path} without "Generated by errgen" in its first ${headerLength} characters, so the next generate would take it for another's file and refuse to overwrite it`,
    hint: 'Start the text with a comment in the language of the output, e.g. `// Generated by errgen from {{source}}. Do not edit.` (in JSON, a "$comment" field), or pass --force each time.',
  };
}
