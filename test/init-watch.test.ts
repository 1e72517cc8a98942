import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

describe('errgen init', () => {
  it('scaffolds a config and an example catalog that generate and check accept', () => {
    const dir = tempDir();
    const result = errgen(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote errors.yaml (an example: to start from your page instead, delete errors.yaml, run `errgen import <your page.md>` and name the page under `sources` in errgen.config.yaml)');
    const config = readFileSync(join(dir, 'errgen.config.yaml'), 'utf8');
    // errgen runs from outside the project here: the published schema (installed, node_modules/…: test/package.test.ts).
    expect(config).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/errgen@0\/schemas\/config\.schema\.json\n/);
    expect(readFileSync(join(dir, 'errors.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/errgen@0\/schemas\/catalog\.schema\.json\n/);
    expect(config).toContain('catalog: errors.yaml\noutDir: generated\n');
    expect(config).toContain('targets:\n  typescript:\n');
    expect(errgen(['generate'], { cwd: dir }).code).toBe(0);
    const check = errgen(['check'], { cwd: dir });
    expect(check.stdout).toContain('✔ no problems');
    expect(check.code).toBe(0);
  });

  it('from the example, does what its advice says: a new catalog from the page, nothing of the example\'s, and check watching the page', () => {
    const dir = tempDir();
    const init = errgen(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    // NOT_FOUND is one of the example's codes too, with a description of its own.
    writeFileSync(join(dir, 'errors.md'), '| Code | Status | Message | Solution |\n|---|---|---|---|\n| MINE | 404 | mine | s |\n| NOT_FOUND | 404 | Order not found | Check the id |\n');
    // The advice as printed: the file it says to delete, and the command it says to run.
    const advice = /delete (\S+), run `errgen (import) <your page\.md>`/.exec(init.stdout);
    expect(advice).not.toBeNull();
    rmSync(join(dir, advice![1]!));
    expect(errgen([advice![2]!, 'errors.md'], { cwd: dir }).code).toBe(0);
    const catalog = readFileSync(join(dir, 'errors.yaml'), 'utf8');
    expect(catalog.match(/- code: (\S+)/g)).toEqual(['- code: MINE', '- code: NOT_FOUND']);
    expect(catalog).not.toContain('description');
    const config = join(dir, 'errgen.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('# sources: [docs/error-codes.md]', 'sources: [errors.md]'));
    writeFileSync(join(dir, 'errors.md'), '| Code | Status | Message | Solution |\n|---|---|---|---|\n| MINE | 410 | mine | s |\n');
    const check = errgen(['check', '--rule', 'artifact-drift=off'], { cwd: dir });
    expect(check.stdout).toContain('MINE: status 410 in errors.md:3, 404 in the catalog');
  });

  it('imports the Markdown it is pointed at, and never overwrites an existing config', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.md'), readFileSync(join(repoRoot, 'data/error-codes.md')));
    const result = errgen(['init', 'errors.md'], { cwd: dir });
    expect(result.stdout).toContain('Imported 1 file, 2 tables, 63 rows into errors.yaml');
    expect(readFileSync(join(dir, 'errgen.config.yaml'), 'utf8')).toContain('sources:\n  - errors.md\n');
    const again = errgen(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('errgen: errgen.config.yaml already exists; edit it, or remove it to start again\n');
  });

  it('imports the page into a catalog that is already there, so that check agrees with the config it writes', () => {
    const dir = tempDir();
    expect(errgen(['init'], { cwd: dir }).code).toBe(0); // the example catalog
    rmSync(join(dir, 'errgen.config.yaml'));
    writeFileSync(join(dir, 'errors.md'), readFileSync(join(repoRoot, 'data/error-codes.md')));
    const result = errgen(['init', 'errors.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('errors.yaml already exists: the pages are imported into it, keeping what it holds\nImported 1 file, 2 tables, 63 rows into errors.yaml: 61 added, 2 changed, 0 unchanged, 1 missing from the Markdown.\n');
    expect(result.stdout).toContain('  kept RATE_LIMITED (group "General Error Code"): it is no longer in the Markdown; run with --prune to delete it');
    // Every row of the page is in the catalog; the example's code the page lacks is kept, and check says so.
    const checked = errgen(['check', '--format', 'json'], { cwd: dir });
    const drift = (JSON.parse(checked.stdout) as { findings: Array<{ rule: string; code?: string }> }).findings.filter((f) => f.rule === 'source-drift');
    expect(drift.map((f) => f.code)).toEqual(['RATE_LIMITED']);
  });

  it('reads a page with other header names given with --header, and writes them to the config for import and check', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.md'), '## Auth\n\n| HTTP | Error | Description |\n|-|-|-|\n| 401 | TOKEN_EXPIRED | Expired |\n');
    const result = errgen(['init', 'errors.md', '--header', 'code=Error', '--header', 'status=HTTP', '--header', 'code=Fehler: "x"'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Imported 1 file, 1 table, 1 row into errors.yaml: 1 added, 0 changed, 0 unchanged.\n');
    expect(readFileSync(join(dir, 'errgen.config.yaml'), 'utf8')).toContain('headers:\n  code: ["Error", "Fehler: \\"x\\""]\n  status: ["HTTP"]\n');
    expect(errgen(['import'], { cwd: dir }).stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml: 0 added, 0 changed, 1 unchanged (file already up to date).\n');
    expect(errgen(['generate'], { cwd: dir }).code).toBe(0);
    const check = errgen(['check'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).not.toContain('source-drift');
    expect(errgen(['init', '--header', 'kode=Error'], { cwd: tempDir() }).stderr).toContain('--header names an unknown field "kode"');
  });

  it('says a Markdown page it cannot find is missing, exit 1 as for import, and writes nothing', () => {
    const dir = tempDir();
    const result = errgen(['init', 'nope.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('errgen: cannot find the Markdown file nope.md: give the path of your error-code page, or run init without it for an example catalog\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** Resolves when `predicate` holds, polling; fails the test after `limitMs` (a hang guard, not a timing assertion). */
async function eventually(predicate: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('errgen generate --watch', () => {
  it('regenerates when the catalog changes, reports a broken catalog and goes on, stops on SIGINT', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), readFileSync(join(repoRoot, 'data/errors.yaml')));
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\ntargets:\n  json:\n');
    const child = spawn(process.execPath, [join(repoRoot, 'bin/errgen.js'), 'generate', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ERRGEN_CACHE_DIR: join(dir, '.cache') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const output = join(dir, 'out/json/errors.json');
    try {
      await eventually(() => stdout.includes('Watching for changes'), 'the first run');
      expect(readFileSync(output, 'utf8')).toContain('"resource cannot be found"');

      const catalog = readFileSync(join(dir, 'errors.yaml'), 'utf8');
      writeFileSync(join(dir, 'errors.yaml'), catalog.replace('resource cannot be found', 'resource has gone away'));
      await eventually(() => readFileSync(output, 'utf8').includes('"resource has gone away"'), 'the regenerated file');

      writeFileSync(join(dir, 'errors.yaml'), 'groups: [');
      await eventually(() => stderr.includes('errgen: errors.yaml is not a valid catalog'), 'the error report');
      expect(child.exitCode).toBeNull(); // still watching

      writeFileSync(join(dir, 'errors.yaml'), catalog);
      await eventually(() => readFileSync(output, 'utf8').includes('"resource cannot be found"'), 'recovery');
    } finally {
      child.kill('SIGINT');
    }
    let exitCode: number | null | undefined;
    void exited.then((code) => (exitCode = code));
    await eventually(() => exitCode !== undefined, 'the exit after SIGINT').finally(() => child.kill('SIGKILL'));
    expect(exitCode).toBe(0);
    // Four generate runs while the suite compiles Java, Rust and Go on the same cores: a hang guard
    // (each step also has its own), not a timing assertion.
  }, 180_000);

  it('sees a partial made after it started, the fix its "there is no partial" error asks for', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), readFileSync(join(repoRoot, 'data/errors.yaml')));
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\ntargets:\n  list:\n    template: tpl/list.tmpl\n    output: list.txt\n');
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl/list.tmpl'), '# Generated by errgen\n{{#each codes}}\n{{> line}}\n{{/each}}\n');
    const child = spawn(process.execPath, [join(repoRoot, 'bin/errgen.js'), 'generate', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ERRGEN_CACHE_DIR: join(dir, '.cache') } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    try {
      // Written as soon as the error shows, before the run re-arms its watchers: those armed before it see it.
      await eventually(() => stderr.includes('there is no partial "line"'), 'the missing partial');
      writeFileSync(join(dir, 'tpl/line.hbs'), '{{code}}\n');
      await eventually(() => existsSync(join(dir, 'out/list.txt')) && readFileSync(join(dir, 'out/list.txt'), 'utf8').includes('ARGUMENT_NOT_SUPPORT\n'), 'the output, once the partial is there');
    } finally {
      child.kill('SIGINT');
    }
    await exited;
  }, 180_000);
});
