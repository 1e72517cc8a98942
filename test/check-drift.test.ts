import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

/**
 * A user's repository: the seed page, its catalog, the JSON target generated from it, all
 * committed, with errgen.config.yaml naming everything `errgen check` should look at.
 */
function userRepo(): string {
  const dir = tempDir();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  writeFileSync(join(dir, 'errors.md'), readFileSync(join(repoRoot, 'data/error-codes.md')));
  writeFileSync(
    join(dir, 'errgen.config.yaml'),
    'sources: [errors.md]\ncatalog: errors.yaml\noutDir: gen\ntargets:\n  json:\nlint:\n  rules:\n    duplicate-code: warn\n',
  );
  expect(errgen(['import'], { cwd: dir }).code).toBe(0);
  expect(errgen(['generate'], { cwd: dir }).code).toBe(0);
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'initial');
  return dir;
}

function edit(file: string, from: string | RegExp, to: string): () => void {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return () => writeFileSync(file, before);
}

describe('errgen check in a user repository', () => {
  let dir: string;
  beforeEach(() => {
    dir = userRepo();
  });

  it('passes on a consistent repository, with the seed quirks as warnings', () => {
    const result = errgen(['check'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning  FAILED_PRECONDITION is listed 2 times');
    expect(result.stdout).toMatch(/⚠ \d+ problems \(0 errors, \d+ warnings\)$/m);
    expect(result.stdout).not.toContain('\u001b['); // no colour when not on a terminal
  });

  it('fails on a hand-edited generated file, shows a diff and the fix, and passes once restored', () => {
    const restore = edit(join(dir, 'gen/json/errors.json'), '"message": "resource cannot be found"', '"message": "edited by hand"');
    const result = errgen(['check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('gen/json/errors.json\n');
    expect(result.stdout).toMatch(/error {4}generated file differs from what the catalog generates/);
    expect(result.stdout).toContain('-      "message": "edited by hand",');
    expect(result.stdout).toContain('+      "message": "resource cannot be found",');
    expect(result.stdout).toContain('Run `errgen generate` to regenerate it');
    restore();
    expect(errgen(['check'], { cwd: dir }).code).toBe(0);
  });

  it('fails on a missing generated file', () => {
    execFileSync('git', ['rm', '-q', 'gen/json/errors.json'], { cwd: dir });
    const result = errgen(['check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('generated file is missing or unreadable (no such file or folder)');
  });

  it('takes a severity for the drift checks: off skips one, warn reports it without failing', () => {
    execFileSync('git', ['rm', '-q', 'gen/json/errors.json'], { cwd: dir });
    edit(join(dir, 'errors.md'), '| NOT_FOUND   | 404 ', '| NOT_FOUND   | 410 ');
    const skipped = errgen(['check', '--rule', 'artifact-drift=off', '--rule', 'source-drift=off'], { cwd: dir });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).not.toMatch(/artifact-drift|source-drift/);
    const warned = errgen(['check', '--rule', 'artifact-drift=warn', '--rule', 'source-drift=warn'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/warning {2}generated file is missing or unreadable .*artifact-drift/);
    expect(warned.stdout).toMatch(/warning {2}NOT_FOUND: status 410 in .*source-drift/);
    expect(errgen(['check'], { cwd: dir }).code).toBe(1);
  });

  it('fails on a changed Markdown cell, naming the cell and both values', () => {
    const restore = edit(join(dir, 'errors.md'), '| NOT_FOUND   | 404 ', '| NOT_FOUND   | 410 ');
    const result = errgen(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter((f) => f['rule'] === 'source-drift');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'errors.md',
        line: 19,
        column: 17,
        code: 'NOT_FOUND',
        message: 'NOT_FOUND: status 410 in errors.md:19, 404 in the catalog (errors.yaml:46)',
      }),
    ]);
    restore();
    expect(errgen(['check'], { cwd: dir }).code).toBe(0);
  });

  it('fails on a code deleted since the previous commit, and accepts a tombstone or an alias', () => {
    const catalog = join(dir, 'errors.yaml');
    const original = readFileSync(catalog, 'utf8');
    const withoutNotFound = original.replace(/ {6}- code: NOT_FOUND\n(?: {8}.*\n)+/, '');
    writeFileSync(catalog, withoutNotFound);
    const removed = errgen(['check', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(removed.code).toBe(1);
    const rules = (JSON.parse(removed.stdout) as { findings: Array<{ rule: string; code: string; message: string }> }).findings;
    expect(rules.filter((f) => f.rule === 'code-removed')).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', message: 'NOT_FOUND (in HEAD:errors.yaml) is gone from the catalog; clients that handle it break' }),
    ]);

    const tombstone = original.replace(/( {6}- code: NOT_FOUND\n)/, '$1        removed: { since: "2.0", reason: merged into RESOURCE_NOT_EXIST }\n');
    writeFileSync(catalog, tombstone);
    const retired = errgen(['check', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(retired.stdout).findings.filter((f: { rule: string }) => f.rule === 'code-removed')).toEqual([]);

    const aliased = withoutNotFound.replace(/( {6}- code: RESOURCE_NOT_EXIST\n)/, '$1        aliases: [NOT_FOUND]\n');
    writeFileSync(catalog, aliased);
    const viaAlias = errgen(['check', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(viaAlias.stdout).findings.filter((f: { rule: string }) => f.rule === 'code-removed')).toEqual([]);
  });

  it('reports a status change against a catalog file, and honours an ignore that gives a reason', () => {
    const catalog = join(dir, 'errors.yaml');
    writeFileSync(join(dir, 'before.yaml'), readFileSync(catalog));
    edit(catalog, /(- code: NOT_FOUND\n {8}status:) 404/, '$1 410');
    const changed = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    const statusFindings = JSON.parse(changed.stdout).findings.filter((f: { rule: string }) => f.rule === 'status-changed');
    expect(statusFindings).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', file: 'errors.yaml', message: 'NOT_FOUND changed status from 404 (in before.yaml) to 410' }),
    ]);

    const config = join(dir, 'errgen.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + 'breaking:\n  ignore:\n    - rule: status-changed\n      code: NOT_FOUND\n      reason: "410 is what the gateway really sends"\n');
    const ignored = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(ignored.stdout).findings.filter((f: { rule: string }) => f.rule === 'status-changed')).toEqual([]);

    writeFileSync(config, readFileSync(config, 'utf8').replace('      reason: "410 is what the gateway really sends"\n', ''));
    const noReason = errgen(['check', '--against', 'before.yaml'], { cwd: dir });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('is missing the required field "reason"');
  });

  it('reports a renamed identifier and a dropped alias, not additions', () => {
    const catalog = join(dir, 'errors.yaml');
    edit(catalog, /(- code: CONFLICT\n)/, '$1        aliases: [OLD_CONFLICT]\n');
    writeFileSync(join(dir, 'before.yaml'), readFileSync(catalog));
    edit(catalog, /(- code: CONFLICT\n) {8}aliases: \[OLD_CONFLICT\]\n/, '$1        names: { go: CodeClash }\n');
    const result = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(result.stdout).findings as Array<{ rule: string; message: string }>;
    expect(findings.filter((f) => f.rule === 'identifier-changed').map((f) => f.message)).toEqual([
      'CONFLICT is named CodeClash in go, was CodeConflict (in before.yaml); code that uses the old name no longer compiles',
    ]);
    expect(findings.filter((f) => f.rule === 'alias-dropped').map((f) => f.message)).toEqual([
      'alias OLD_CONFLICT of CONFLICT (in before.yaml) was dropped; clients sending it get an unknown code',
    ]);
    expect(findings.filter((f) => f.rule === 'code-removed')).toEqual([]);
  });

  it('prints --format json that matches its published schema', async () => {
    edit(join(dir, 'errors.md'), '| NOT_FOUND   | 404 ', '| NOT_FOUND   | 410 ');
    edit(join(dir, 'gen/json/errors.json'), '"status": 400', '"status": 401');
    const result = errgen(['check', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(result.stdout) as { findings: Array<{ rule: string }> };
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/check-report.schema.json'), 'utf8')));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['duplicate-code', 'non-standard-status', 'success-status', 'empty-solution', 'source-drift', 'artifact-drift']));
  });

  it('writes GitHub annotations with --format github', () => {
    const result = errgen(['check', '--format', 'github'], { cwd: dir });
    expect(result.stdout).toContain('::warning file=errors.yaml,line=30,col=9,title=errgen duplicate-code::FAILED_PRECONDITION is listed 2 times');
  });

  it('rejects an unknown revision as a usage error', () => {
    const result = errgen(['check', '--against', 'no-such-ref'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('errgen: --against no-such-ref: not a file, and not a git revision in the repository of errors.yaml\n');
  });
});
