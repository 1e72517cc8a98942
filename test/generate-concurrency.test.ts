import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

const bin = join(repoRoot, 'bin/errgen.js');

/** Every file under `dir` with its content, by relative path. */
function contents(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());
  return Object.fromEntries(files.sort().map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

function runAsync(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function project(): string {
  const dir = join(tempDir(), 'project');
  mkdirSync(dir);
  writeFileSync(join(dir, 'errors.yaml'), readFileSync(join(repoRoot, 'data/errors.yaml')));
  writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\n');
  return dir;
}

describe('errgen generate run twice at once', () => {
  it('leaves the same files as one run, and no temporary file', async () => {
    const single = project();
    expect(errgen(['generate', '--out-dir', 'out'], { cwd: single }).code).toBe(0);
    const expected = contents(join(single, 'out'));
    expect(Object.keys(expected).length).toBeGreaterThan(5);

    for (let round = 0; round < 3; round++) {
      const dir = project();
      const runs = await Promise.all([runAsync(['generate', '--out-dir', 'out'], dir), runAsync(['generate', '--out-dir', 'out'], dir), runAsync(['generate', '--out-dir', 'out'], dir)]);
      for (const run of runs) expect(run).toEqual({ code: 0, stderr: '' });
      expect(contents(join(dir, 'out'))).toEqual(expected);
      expect(readdirSync(join(dir, 'out'), { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    }
  }, 120_000);
});
