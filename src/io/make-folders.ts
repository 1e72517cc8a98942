import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes `dir` and its missing parents, one level at a time, and returns the first it made, as
 * `mkdirSync(dir, { recursive: true })` does: that one, in Node 20, never returns where a parent
 * exists but refuses new folders with ENOENT (under /proc), retrying forever. `mode` is each new
 * folder's. Only node:fs and node:path: boot.ts makes the code cache's folder with it on every run.
 */
export function makeFolders(dir: string, mode?: number): string | undefined {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.push(at);
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i] as string, mode);
    } catch (error) {
      // Made meanwhile by another thread or run: it is there, as wanted, but not this call's.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(missing[i] as string).isDirectory()) throw error;
      if (i === missing.length - 1) missing.pop();
    }
  }
  return missing.length > 0 ? missing[missing.length - 1] : undefined;
}
