import { isUtf8 } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type Diagnostic, InputError, type Location } from '../diagnostics.js';
import { makeFolders } from './make-folders.js';
import { realPathOf } from './paths.js';
import { randomHex } from './random-hex.js';

// errgen reads and writes one file at a time, so the calls below are synchronous, behind the same
// async functions: sending each call to libuv's thread pool and awaiting it left the process idle
// about a millisecond per call (28 ms of a seed-sized `generate`), and overlapped nothing.

/**
 * The largest file errgen reads. Real error-code pages are kilobytes; the largest catalogs it is
 * built for (100,000 codes) make pages and catalogs of 12–20 MB. Past this size the Markdown and
 * YAML parsers need minutes and gigabytes, so errgen stops at once instead.
 */
export const maxFileBytes = 32 * 1024 * 1024;

/**
 * Reads a UTF-8 text file. Whatever stops it — a missing file, a folder, a file that is too large,
 * not UTF-8 or not text at all — is the user's to fix: an InputError saying what and, where there
 * is a place, a diagnostic at file:line:col.
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readBounded(path, what);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw Object.assign(new InputError(`cannot read ${what} ${path}: ${describeFsError(error)}`), { file: path });
  }
  return decodeText(bytes, path, what);
}

/** Like readTextFile, but a missing file is undefined rather than an error. */
export async function readTextFileIfExists(path: string, what: string): Promise<string | undefined> {
  try {
    return await readTextFile(path, what);
  } catch (error) {
    if (error instanceof InputError && error.cause === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The diagnostics for a file that could not be read, for commands that report it among other
 * problems: the located ones readTextFile made, else one with its message and `hint`.
 */
export function readProblems(error: unknown, hint: string): Diagnostic[] {
  if (error instanceof InputError && error.diagnostics.length > 0) return [...error.diagnostics];
  const file = error instanceof InputError ? error.file : undefined;
  return [{ severity: 'error', message: (error as Error).message, hint, ...(file ? { file } : {}) }];
}

/** Reads a regular file of at most maxFileBytes; a FIFO or device would block or never end. */
async function readBounded(path: string, what: string): Promise<Buffer> {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns (and is refused below) instead of waiting forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw Object.assign(new InputError(`cannot read ${what} ${path}: ${describeFsError(error)}`), { cause: (error as NodeJS.ErrnoException).code, file: path });
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      throw new InputError(`cannot read ${what} ${path}`, [
        { severity: 'error', file: path, message: `${path} is a folder, not a file`, hint: `Name the ${what} inside it, not the folder.` },
      ]);
    }
    if (!stats.isFile()) throw Object.assign(new InputError(`cannot read ${what} ${path}: it is not a regular file (a device, pipe or socket)`), { file: path });
    if (stats.size > maxFileBytes) {
      throw new InputError(`the ${what} ${path} is too large`, [
        {
          severity: 'error',
          at: { file: path, line: 1, column: 1 },
          message: `the ${what} is ${megabytes(stats.size)}; errgen reads files of at most ${megabytes(maxFileBytes)}`,
          hint: 'Split it into several files, or check that this is the file you meant.',
        },
      ]);
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Strict UTF-8: a NUL (a binary file) or a bad byte is an error at its place, never a silent U+FFFD. */
function decodeText(bytes: Buffer, path: string, what: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`the ${what} ${path} is not UTF-8 text`, [
      {
        severity: 'error',
        at: { file: path, line: 1, column: 1 },
        message: 'the file is UTF-16 (it starts with a UTF-16 byte order mark)',
        hint: `Save the ${what} as UTF-8.`,
      },
    ]);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError(`the ${what} ${path} is not a text file`, [
      {
        severity: 'error',
        at: locationAt(bytes.subarray(0, nul).toString('utf8'), path),
        message: 'the file holds a NUL byte, so it is binary (or UTF-16), not text',
        hint: `Check that this is the ${what} you meant, and save it as UTF-8.`,
      },
    ]);
  }
  // isUtf8 is a native check; Buffer's decoder is far faster than a fatal TextDecoder on big files.
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const offset = firstInvalidUtf8(bytes);
  throw new InputError(`the ${what} ${path} is not UTF-8 text`, [
    {
      severity: 'error',
      at: locationAt(bytes.subarray(0, offset).toString('utf8'), path),
      message: `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} is not valid UTF-8`,
      hint: `Save the ${what} as UTF-8 (it may be in Latin-1 or UTF-16).`,
    },
  ]);
}

/** The line and column (1-based, in characters) just after `before`. */
function locationAt(before: string, file: string): Location {
  const lines = before.split(/\r\n|\r|\n/);
  return { file, line: lines.length, column: [...(lines[lines.length - 1] ?? '')].length + 1 };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [length, min, max] =
      b < 0x80 ? [1, 0, 0] : b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

export type WriteOutcome = 'written' | 'unchanged';

/**
 * Writes a file only if its content would change, atomically: a temporary file in the same
 * folder, then a rename, so readers and interrupted runs see the old file or the new, never half.
 */
export async function writeFileIfChanged(path: string, content: string): Promise<WriteOutcome> {
  const current = await readUtf8(path).catch(() => undefined);
  if (current === content) return 'unchanged';
  await (await stageFile(path, content)).commit();
  return 'written';
}

/** A file written beside its destination under a temporary name, until it is moved into place or dropped. */
export interface StagedFile {
  /** Renames it into place: readers see the old file or the new, never half of one. */
  commit(): Promise<void>;
  /** Deletes it, and the folders staging created for it if they are empty again. */
  discard(): Promise<void>;
}

/** A staged file still being written. */
export interface StagingFile extends StagedFile {
  append(bytes: Uint8Array): void;
  /** Closes it, written in full, until it is committed or discarded. */
  end(): void;
  /** Once ended: what names it, for stagedAt in another thread. */
  handle(): StagedHandle;
}

/**
 * Writes `content` to a temporary file in `path`'s folder (created if missing). Writing many
 * files this way and committing them only once all are written lets a command render one file
 * at a time, yet never leave some outputs new and others old because a later one failed.
 */
export async function stageFile(path: string, content: string): Promise<StagedFile> {
  const staging = startStaging(path);
  staging.append(Buffer.from(content, 'utf8'));
  staging.end();
  return staging;
}

/**
 * Deletes temporary files of `path` (of the file a link there points to) that a run killed before it
 * could clean up (Ctrl-C, kill -9) left beside it: named `.<name>.<pid>.<hex>.tmp` by a process that
 * is not running here and not touched for 10 minutes. One of a run still going is left alone: its
 * pid is alive, or, in another container or on another host sharing the folder, its file is recent.
 */
export function removeAbandoned(path: string): void {
  const file = realPathOf(path);
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  } catch {
    return; // no folder yet: nothing was left in it
  }
  for (const name of names) {
    const pid = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      const temp = join(dir, name);
      if (Date.now() - statSync(temp).mtimeMs > abandonedAfterMs) rmSync(temp, { force: true });
    } catch {
      // gone already, or not ours to insist on
    }
  }
}

const abandonedAfterMs = 10 * 60 * 1000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: running, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Opens a staged file for `path` (see stageFile) to be written piece by piece. A failure to write deletes it. */
export function startStaging(path: string): StagingFile {
  // Through symbolic links, as an editor saves: replacing a link with a file would leave its target
  // as it was. A link to nothing is replaced.
  const destination = realPathOf(path);
  const dir = dirname(destination);
  removeAbandoned(destination);
  const temp = join(dir, `.${basename(destination)}.${process.pid}.${randomHex()}.tmp`);
  let created: string | undefined;
  let fd: number | undefined;
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  const discardNow = () => {
    try {
      close();
    } catch {
      // it is being deleted anyway
    }
    removeStaged({ path, temp, destination, created });
  };
  const failed = (error: unknown) => new InputError(`cannot write ${path}: ${describeFsError(error)}`);
  try {
    created = makeFolders(dir);
    fd = openSync(temp, 'wx');
  } catch (error) {
    // EEXIST: wx refused a name another run's temp file has; that file is not ours to delete.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') created = undefined;
    else discardNow();
    throw failed(error);
  }
  return {
    append(bytes) {
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd!, bytes, done, bytes.length - done);
      } catch (error) {
        discardNow();
        throw failed(error);
      }
    },
    end() {
      try {
        close();
      } catch (error) {
        discardNow();
        throw failed(error);
      }
    },
    async discard() {
      discardNow();
    },
    async commit() {
      try {
        close();
      } catch (error) {
        discardNow();
        throw failed(error);
      }
      await stagedAt({ path, temp, destination, created }).commit();
    },
    handle: () => {
      if (fd !== undefined) throw new Error(`internal: the staged file of ${path} is handed over before it is written in full`);
      return { path, temp, destination, created };
    },
  };
}

/**
 * Drops staged files, then asks each again: a folder staging created for one of them is removed
 * only once it is empty, so a folder two share (out/openapi/ for two documents) goes on the second
 * round, when neither file is left in it.
 */
export async function discardEvery(files: ReadonlyArray<StagedFile | undefined>): Promise<void> {
  for (let round = 0; round < 2; round++) await Promise.all(files.map((file) => file?.discard()));
}

/**
 * For each folder, the topmost of it and its parents that does not exist: what a run that stages
 * files there would create. Taken before any thread stages.
 */
export function foldersToMake(folders: Iterable<string>): string[] {
  const missing = new Set<string>();
  for (const folder of folders) {
    let first: string | undefined;
    for (let at = resolve(folder); !existsSync(at) && dirname(at) !== at; at = dirname(at)) first = at;
    if (first !== undefined) missing.add(first);
  }
  return [...missing];
}

/**
 * Removes `folder` if nothing but empty folders is left in it: one a failed run made. A failed
 * output in another thread may have left one (it could not remove it while others staged there).
 */
export function removeIfEmpty(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) removeIfEmpty(join(folder, name));
  try {
    rmdirSync(folder);
  } catch {
    // not empty: something else is in it
  }
}

/** A staged file written in full, named so that another thread can move it into place or drop it. */
export interface StagedHandle {
  readonly path: string;
  readonly temp: string;
  readonly destination: string;
  /** The first folder staging created for it, if any: removed again with it when it is dropped. */
  readonly created: string | undefined;
}

/** The staged file a handle names (see StagingFile.handle), written in full. */
export function stagedAt(handle: StagedHandle): StagedFile {
  return {
    async discard() {
      removeStaged(handle);
    },
    async commit() {
      try {
        renameSync(handle.temp, handle.destination);
      } catch (error) {
        removeStaged(handle);
        throw new InputError(`cannot write ${handle.path}: ${describeFsError(error)}`);
      }
    },
  };
}

/** Deletes a staged file, and the folders staging created for it if they are empty again. */
function removeStaged({ temp, destination, created }: StagedHandle): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // nothing more to do: it was never written, or cannot be removed
  }
  // rmdir removes a folder only if it is empty: another staged file may still be in it.
  for (let folder = dirname(destination); created !== undefined && folder.length >= created.length; folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      break;
    }
  }
}

/**
 * A file errgen wrote, as text, for comparing with what it would write now. Decoding the whole
 * buffer at once is several times faster on big outputs than readFile's streaming 'utf8' decoder.
 */
export async function readUtf8(path: string): Promise<string> {
  return readFileSync(path).toString('utf8');
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ELOOP':
      return 'too many symbolic links (a link that points to itself?)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return (error as Error).message;
  }
}
