import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers/cli.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });
// The installed CLI's code cache goes to a temp folder, not ~/.cache.
const codeCache = mkdtempSync(join(tmpdir(), 'errgen-test-cache-'));
afterAll(() => rmSync(codeCache, { recursive: true, force: true }));
const npx = (args: string[], cwd: string) => execFileSync('npx', ['--no-install', 'errgen', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ERRGEN_CACHE_DIR: codeCache } });

/** What a user gets from the registry: `npm pack`, installed into an empty project. */
describe('the npm package', () => {
  it('installs in an empty folder, where npx errgen runs init, import, generate and check', () => {
    const packDir = tempDir();
    const tarballName = npm(['pack', '--pack-destination', packDir, '--silent'], repoRoot).trim().split('\n').pop() as string;
    const tarball = join(packDir, tarballName);

    const project = tempDir();
    writeFileSync(join(project, 'package.json'), '{ "name": "user-project", "private": true }\n');
    npm(['install', '--no-save', tarball], project);

    expect(npx(['--help'], project)).toContain('Usage: errgen [options] [command]');
    writeFileSync(join(project, 'errors.md'), readFileSync(join(repoRoot, 'data/error-codes.md')));
    expect(npx(['init', 'errors.md'], project)).toContain('Imported 1 file, 2 tables, 63 rows into errors.yaml');
    // The schema comment points into the installed package, relative to the project.
    expect(readFileSync(join(project, 'errors.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/errgen/schemas/catalog.schema.json');
    expect(npx(['import'], project)).toContain('0 added, 0 changed, 63 unchanged');
    expect(npx(['generate'], project)).toMatch(/Generated \d+ files from errors\.yaml/);
    expect(readdirSync(join(project, 'generated')).sort()).toContain('go');
    // With the default rules the seed's duplicate FAILED_PRECONDITION is an error: check exits 1 and says why.
    let status = 0;
    let stdout = '';
    try {
      stdout = npx(['check'], project);
    } catch (error) {
      status = (error as { status: number }).status;
      stdout = (error as { stdout: string }).stdout;
    }
    expect(status).toBe(1);
    expect(stdout).toContain('FAILED_PRECONDITION is listed 2 times');
    expect(stdout).not.toContain('artifact-drift');
    // The installed bin found its bundle and kept a code cache per command, and generate its output record.
    expect(readdirSync(codeCache).map((f) => f.replace(/-.*/, '')).sort()).toEqual(['check', 'cli', 'generate', 'import', 'init', 'outputs']);
  });
});
