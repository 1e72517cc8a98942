import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../diagnostics.js';

/** Reads a UTF-8 file; a missing or unreadable file is the user's to fix, said in one line. */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${describeFsError(error)}`);
  }
}

/** Like readTextFile, but a missing file is undefined rather than an error. */
export async function readTextFileIfExists(path: string, what: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read ${what} ${path}: ${describeFsError(error)}`);
  }
}

export type WriteOutcome = 'written' | 'unchanged';

/**
 * Writes a file only if its content would change, atomically: a temporary file in the same
 * folder, then a rename, so readers and interrupted runs see the old file or the new, never half.
 */
export async function writeFileIfChanged(path: string, content: string): Promise<WriteOutcome> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) return 'unchanged';
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new InputError(`cannot write ${path}: ${describeFsError(error)}`);
  }
  return 'written';
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
    default:
      return (error as Error).message;
  }
}
