import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

export const repoRoot = resolve(import.meta.dirname, '../..');
const bin = join(repoRoot, 'bin/errgen.js');
/** The CLI's V8 code cache (src/cli/boot.ts) for this test file: not the user's ~/.cache, and warm after a first run. */
const codeCacheDir = mkdtempSync(join(tmpdir(), 'errgen-test-cache-'));
afterAll(() => rmSync(codeCacheDir, { recursive: true, force: true }));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI (bin/errgen.js → dist/) as a user would. */
export function errgen(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ERRGEN_CACHE_DIR: codeCacheDir, ...options.env },
    encoding: 'utf8',
    // For a run that might hang: killed then, with code null (a test's own timeout cannot stop spawnSync).
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A fresh temporary folder: called inside a test, removed when that test ends; called in a
 * `describe` body, shared by its tests and removed after them.
 */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'errgen-test-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    afterAll(remove);
  }
  return dir;
}
