import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir, cacheFolderUsable, debug, readCache, writeCache } from '../cli/boot.js';
import { bundleIdentity } from '../cli/bundle-identity.js';
import type { ResolvedTarget } from '../emit/generate.js';
import { templateFiles } from '../emit/template-files.js';
import { openExisting, readFully } from './output-file.js';

/**
 * What errgen last wrote for a project: each output's size and SHA-256, under a key that digests
 * everything the outputs are made from (errgen's own bundle, the catalog, the targets, their options
 * and your templates). Rendering is deterministic, so while the key is the same and every file on
 * disk still has its recorded digest, the outputs are what rendering would give: `generate` has
 * nothing to write and `check` no artifact drift to find, and both skip rendering. Any difference —
 * an edited, missing or added input or output — means a full run, as without a record.
 *
 * Records live in errgen's cache folder (see src/cli/boot.ts), one per project and set of outputs,
 * never in the project: a fresh clone (CI) always renders. Runs from the sources (tests of the
 * commands' modules) keep none, as there is no bundle to name errgen's code.
 */

/** An output as written: its path (relative to the working folder), size in bytes and SHA-256 in hex. */
export interface OutputDigest {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** Where a project's record is, and the key it must carry to be about these inputs. */
export interface OutputRecordSlot {
  readonly file: string;
  readonly key: string;
  /** The digest of your template files as the key took them: the one input read again before a record is written. */
  readonly templates: string;
}

export interface RecordInputs {
  readonly catalog: string;
  readonly catalogText: string;
  /** The catalog path generated headers name. */
  readonly source: string;
  readonly targets: readonly ResolvedTarget[];
}

/** Records kept: the newest, one per project and set of outputs. */
const keepRecords = 64;

/** The record slot for these inputs, or undefined when errgen keeps none (cache off or unsafe, not run from its bundle). */
export function outputRecordSlot(inputs: RecordInputs): OutputRecordSlot | undefined {
  const dir = cacheDir(process.env);
  const bundle = bundleIdentity();
  const none = (why: string) => {
    debug(`output record: none kept (${why})`);
    return undefined;
  };
  if (dir === undefined) return none('the cache is off, or has no absolute folder');
  if (bundle === undefined) return none('not run from the bundle');
  if (!cacheFolderUsable(dir)) return none(`the cache folder ${dir} is not one only you can write to`);
  const own = inputs.targets.filter((t) => !t.builtin);
  // Your templates are rendered by the installed Handlebars, from their files as they are now.
  const templates = templatesDigest(own);
  if (templates === undefined) return none('a template cannot be read');
  const where = { cwd: process.cwd(), catalog: inputs.catalog, outputs: inputs.targets.map((t) => t.output) };
  const slot = sha256(JSON.stringify(where));
  const key = sha256(
    JSON.stringify({
      record: 1,
      bundle,
      node: process.version,
      where,
      source: inputs.source,
      catalog: sha256(inputs.catalogText),
      targets: inputs.targets,
      handlebars: own.length > 0 ? handlebarsVersion() : undefined,
      templates,
    }),
  );
  return { file: join(dir, 'outputs', `outputs-${slot.slice(0, 16)}-${slot.slice(16, 32)}.cache`), key, templates };
}

/** The recorded outputs' paths, if the record is about these inputs and every file is as recorded. */
export function upToDateOutputs(slot: OutputRecordSlot): readonly string[] | undefined {
  const data = readCache(slot.file, 'output record');
  if (data === undefined) {
    debug(`output record ${slot.file}: none to use`);
    return undefined;
  }
  let record: { key?: unknown; outputs?: unknown };
  try {
    record = JSON.parse(data.toString('utf8')) as typeof record;
  } catch {
    return undefined;
  }
  if (record.key !== slot.key || !Array.isArray(record.outputs)) {
    debug(`output record ${slot.file}: about other inputs`);
    return undefined;
  }
  const outputs = record.outputs as OutputDigest[];
  const differs = outputs.find((output) => !fileIs(output));
  if (differs !== undefined) {
    debug(`output record ${slot.file}: ${String(differs.path)} is not as recorded`);
    return undefined;
  }
  debug(`output record ${slot.file}: ${outputs.length} outputs as recorded, not rendered`);
  return outputs.map((output) => output.path);
}

/**
 * Records what the outputs are now; best effort, as a cache is. Your templates are read again first
 * (every other input the run used is the one the key took: the catalog's text, the resolved
 * targets): a template edited while the run rendered may have given outputs that the key does not
 * describe, and then no record is kept.
 */
export function saveOutputRecord(slot: OutputRecordSlot, targets: readonly ResolvedTarget[], outputs: readonly OutputDigest[]): void {
  if (templatesDigest(targets.filter((t) => !t.builtin)) !== slot.templates) {
    debug(`output record ${slot.file}: not written, a template differs after the run from what it was before`);
    return;
  }
  writeCache(slot.file, Buffer.from(JSON.stringify({ key: slot.key, outputs })), { keep: keepRecords, what: 'output record' });
}

/** A SHA-256 of bytes given piece by piece, with their count: an output's digest as it is written. */
export class DigestOf {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;

  add(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.size += bytes.length;
  }

  of(path: string): OutputDigest {
    return { path, size: this.size, sha256: this.hash.digest('hex') };
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function handlebarsVersion(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return (JSON.parse(readFileSync(require.resolve('handlebars/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** A digest of each template file of your targets (main and partials) with its text; undefined if one cannot be read (rendering will say why). */
function templatesDigest(targets: readonly ResolvedTarget[]): string | undefined {
  try {
    const files = [...new Set(targets.flatMap((t) => templateFiles(t.template)))].sort();
    return sha256(JSON.stringify(files.map((file) => [file, readFileSync(file, 'utf8')])));
  } catch {
    return undefined;
  }
}

/** Whether the file at the output's path has its recorded size and digest. */
function fileIs(output: OutputDigest): boolean {
  if (typeof output?.path !== 'string') return false;
  let fd: number | undefined;
  try {
    fd = openExisting(output.path);
    if (fd === undefined || fstatSync(fd).size !== output.size) return false;
    const digest = new DigestOf();
    const chunk = Buffer.allocUnsafe(Math.min(output.size, 1024 * 1024) || 1);
    for (let at = 0; at < output.size; ) {
      const read = readFully(fd, chunk, Math.min(chunk.length, output.size - at), at);
      if (read === 0) return false;
      digest.add(chunk.subarray(0, read));
      at += read;
    }
    return digest.of(output.path).sha256 === output.sha256;
  } catch {
    return false; // not a regular file, or unreadable: rendering will say
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
