import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { entryLocator, parseCatalogValue } from '../catalog/read.js';
import { type Diagnostic, UsageError } from '../diagnostics.js';
import { type PendingOutput, planOutputs, type ResolvedTarget } from '../emit/generate.js';
import { carriesGeneratedHeader, headerBytes, headerLength } from '../emit/header.js';
import { describeFsError, readTextFile, removeAbandoned, type StagedFile } from '../io/files.js';
import { OutputFile } from '../io/output-file.js';
import { DigestOf, type OutputDigest, outputRecordSlot, saveOutputRecord, upToDateOutputs } from '../io/output-record.js';
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

/**
 * Catalog → each target rendered, compared with the file on disk and staged beside it where it
 * differs → all moved into place. Outputs are rendered and written in pieces (at 100,000 codes they
 * total hundreds of megabytes), yet nothing replaces a file until every output has been rendered and may be written.
 */
export async function generateCommand(options: GenerateOptions, output: Output): Promise<void> {
  const verb = options.dryRun ? 'would change' : 'changed';
  const catalogText = await readTextFile(options.catalog, 'catalog');
  // Outputs that are what these inputs rendered last time need no rendering (see output-record.ts).
  const record = outputRecordSlot({ catalog: options.catalog, catalogText, source: options.source, targets: options.targets });
  const recorded = record && upToDateOutputs(record);
  if (recorded) {
    if (!options.dryRun) recorded.forEach(removeAbandoned);
    output.out(`Generated ${plural(recorded.length, 'file')} from ${options.catalog}: 0 ${verb}, ${recorded.length} up to date.`);
    return;
  }
  const read = await parseCatalogValue(catalogText, options.catalog);
  const outputs = planOutputs({ catalog: read.value, source: options.source, locate: entryLocator(read) }, options.targets);
  const changes: Change[] = [];
  const refusals: Diagnostic[] = [];
  const underFiles = new Map<string, string[]>();
  const digests: OutputDigest[] = [];
  try {
    for (const { path, renderTo, target } of outputs) {
      const opened = openCurrent(path, options.force, refusals, underFiles);
      if (!opened) continue;
      const { current, ours } = opened;
      // After a refusal nothing more is staged: it would all be deleted again.
      const stage = ours && !options.dryRun && refusals.length === 0 && underFiles.size === 0;
      const head = keepingHead(renderTo);
      const digest = record && !options.dryRun ? new DigestOf() : undefined;
      const outcome = current.compare(head.renderTo, { stage, digest });
      if (digest) digests.push(digest.of(path));
      // Staging swept the temporary files a killed run left beside the file; one not staged is swept here.
      if (!outcome.staged && !options.dryRun) removeAbandoned(path);
      if (!outcome.changed) continue;
      if (!ours) refusals.push(notOurs(path));
      else if (!options.force && !carriesGeneratedHeader(head.text())) {
        await outcome.staged?.discard();
        refusals.push(withoutHeader(path, target));
      } else changes.push({ path, existed: outcome.existed, staged: outcome.staged });
    }
    const refused = refusals.length + [...underFiles.values()].reduce((n, paths) => n + paths.length, 0);
    for (const [file, paths] of underFiles) refusals.push(underFile(file, paths));
    if (refused > 0) throw new UsageError(`nothing was written: ${plural(refused, 'output path')} cannot be used`, refusals);
  } catch (error) {
    await Promise.all(changes.map((change) => change.staged?.discard()));
    throw error;
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
    await Promise.all(changes.slice(committed + 1).map((later) => later.staged?.discard()));
    for (const change of changes.slice(0, committed)) output.out(change.staged ? `wrote ${change.path}` : `would ${change.existed ? 'update' : 'create'} ${change.path}`);
  }
  // Every output is now on disk as rendered.
  if (record && !options.dryRun) saveOutputRecord(record, options.targets, digests);
  output.out(`Generated ${plural(outputs.length, 'file')} from ${options.catalog}: ${changes.length} ${verb}, ${outputs.length - changes.length} up to date.`);
}

/**
 * The file on disk at an output's path, if any, and whether errgen may replace it: it wrote it (its
 * header says so), or --force. One that cannot be read is a refusal; one under a file (not a folder)
 * is kept in `underFiles`, by that file.
 */
function openCurrent(path: string, force: boolean, refusals: Diagnostic[], underFiles: Map<string, string[]>): { current: OutputFile; ours: boolean } | undefined {
  let current: OutputFile | undefined;
  try {
    current = new OutputFile(path);
    return { current, ours: !current.existed || force || carriesGeneratedHeader(current.head(headerBytes)) };
  } catch (error) {
    current?.close();
    // Every output under one file fails alike (`--out-dir` naming a file): said once, for that file.
    const file = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? fileOnTheWay(path) : undefined;
    if (file !== undefined) {
      underFiles.set(file, [...(underFiles.get(file) ?? []), path]);
      return undefined;
    }
    refusals.push({ severity: 'error', at: { file: path, line: 1, column: 1 }, message: `cannot write here: ${describeFsError(error)}`, hint: 'Choose another output path.' });
    return undefined;
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
