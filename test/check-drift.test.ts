import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatHuman } from '../src/check/report/human.js';
import type { Diagnostic } from '../src/diagnostics.js';
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

/** A finding of `errgen check --format json` (schemas/check-report.schema.json). */
type Finding = { rule: string | null; code: string | null; severity: string; message: string; hint: string | null; [field: string]: unknown };

/** The findings of a `check --format json` run's output. */
function findingsOf(stdout: string): Finding[] {
  return (JSON.parse(stdout) as { findings: Finding[] }).findings;
}

/**
 * The user's config with targets in every language errgen names codes in, none generated yet: the
 * identifiers `check --against` compares are those of the languages the targets write.
 */
function targetEveryLanguage(dir: string): void {
  edit(join(dir, 'errgen.config.yaml'), 'targets:\n  json:\n', 'targets:\n  json:\n  typescript:\n  go:\n  java:\n  python:\n  rust:\n  protobuf:\n');
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

  it('fails on a renamed heading, which import would make the group\'s title, and passes after import', () => {
    edit(join(dir, 'errors.md'), 'Table 1. General Error Code', 'Table 1. Common errors');
    const result = errgen(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(findingsOf(result.stdout).filter((f) => f.rule === 'source-drift')).toEqual([
      expect.objectContaining({
        file: 'errors.md',
        line: 7,
        message: expect.stringMatching(/^the table at errors\.md:7 is under the heading "Common errors", and its codes' group in the catalog is titled "General Error Code" \(errors\.yaml:\d+\)$/),
        hint: 'Run `errgen import` to rename the group, or give the heading its old title.',
      }),
    ]);
    expect(errgen(['import'], { cwd: dir }).code).toBe(0);
    expect(errgen(['generate'], { cwd: dir }).code).toBe(0);
    expect(findingsOf(errgen(['check', '--format', 'json'], { cwd: dir }).stdout).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reports a source page that is missing or a folder under its own name', () => {
    edit(join(dir, 'errgen.config.yaml'), 'sources: [errors.md]', 'sources: [errors.md, missing.md, folder.md]');
    mkdirSync(join(dir, 'folder.md'));
    const result = errgen(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const unread = findingsOf(result.stdout).filter((f) => f.rule === 'source-drift');
    expect(unread).toEqual([
      expect.objectContaining({ file: 'missing.md', line: null, column: null, message: 'cannot read Markdown file missing.md: no such file or folder' }),
      expect.objectContaining({ file: 'folder.md', line: null, column: null, message: 'folder.md is a folder, not a file' }),
    ]);
    expect(errgen(['check'], { cwd: dir }).stdout).toContain('\nmissing.md\n          error    cannot read Markdown file missing.md');
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

  it('takes a generated file checked out with CRLF line ends as the same text, but not one edited besides', () => {
    const file = join(dir, 'gen/json/errors.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r\n'));
    expect(errgen(['check'], { cwd: dir }).code).toBe(0);
    edit(file, '"message": "resource cannot be found"', '"message": "edited by hand"');
    expect(errgen(['check'], { cwd: dir }).stdout).toMatch(/error {4}generated file differs from what the catalog generates/);
  });

  it('fails on a missing generated file', () => {
    execFileSync('git', ['rm', '-q', 'gen/json/errors.json'], { cwd: dir });
    const result = errgen(['check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('generated file is missing or unreadable (no such file or folder)');
  });

  it('at an output path, a file errgen did not write or a folder: says generate refuses it, and what to do', () => {
    writeFileSync(join(dir, 'gen/json/errors.json'), '{ "mine": true }\n');
    const foreign = errgen(['check'], { cwd: dir });
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain('a file errgen did not write (it has no "generated by errgen" header) is at this output path');
    expect(foreign.stdout).toContain('Move it away or give the target another `output` path; `errgen generate --force` replaces it.');
    rmSync(join(dir, 'gen/json/errors.json'));
    mkdirSync(join(dir, 'gen/json/errors.json'));
    const folder = errgen(['check'], { cwd: dir });
    expect(folder.code).toBe(1);
    expect(folder.stdout).toContain('generated file is missing or unreadable (it is a folder, not a file)');
    expect(folder.stdout).toContain('Move it away, or give the target another `output` path in the config.');
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
    const findings = findingsOf(result.stdout).filter((f) => f.rule === 'source-drift');
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

  it('fails on a changed cell of an extra column, which import writes under `fields`', () => {
    const page = join(dir, 'owned.md');
    writeFileSync(page, '| Code | Status | Message | Solution | Owner |\n|-|-|-|-|-|\n| OWNED | 400 | m | s | me |\n');
    writeFileSync(join(dir, 'owned.config.yaml'), 'sources: [owned.md]\ncatalog: owned.yaml\ntargets: {}\n');
    const run = (command: string) => errgen([command, '--config', 'owned.config.yaml', ...(command === 'check' ? ['--format', 'json'] : [])], { cwd: dir });
    expect(run('import').code).toBe(0);
    expect(findingsOf(run('check').stdout)).toEqual([]);
    edit(page, '| me |', '| you |');
    const result = run('check');
    expect(result.code).toBe(1);
    expect(findingsOf(result.stdout)).toEqual([
      expect.objectContaining({ rule: 'source-drift', file: 'owned.md', line: 3, code: 'OWNED', message: 'OWNED: column "Owner" "you" in owned.md:3, "me" in the catalog (owned.yaml:12)' }),
    ]);
    expect(run('import').code).toBe(0);
    expect(findingsOf(run('check').stdout)).toEqual([]);
    // Two columns with one header would lose one's cells, and one without a header has no name to keep them
    // under: import refuses both, and check reports them at the header cell.
    writeFileSync(page, '| Code | Status | Message | Solution | Note | Note |\n|-|-|-|-|-|-|\n| OWNED | 400 | m | s | first | last |\n');
    const twice = run('import');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('owned.md:1:47: error: columns 5 and 6 are both headed "Note": the catalog keeps a column\'s cells under its header, so one would be lost. Give the columns different headers, or merge them.\n');
    expect(findingsOf(run('check').stdout)).toEqual([expect.objectContaining({ rule: 'source-drift', file: 'owned.md', line: 1, column: 47, message: expect.stringMatching(/^columns 5 and 6 are both headed "Note"/) })]);
    writeFileSync(page, '| Code | Status | Message | Solution | |\n|-|-|-|-|-|\n| OWNED | 400 | m | s | loose |\n');
    expect(run('import').stderr).toContain('owned.md:1:38: error: column 5 has no header. Give it a header: its cells are kept in the catalog under `fields`, by that name.\n');
  });

  it('fails on a row deleted from the Markdown, says how to drop it from the catalog, and passes after import --prune', () => {
    edit(join(dir, 'errors.md'), /\| CONFLICT {3}\| 409 .*\n/, '');
    const result = errgen(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const findings = findingsOf(result.stdout).filter((f) => f.rule === 'source-drift');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringMatching(/^CONFLICT is in the catalog \(errors\.yaml:\d+\) but not in the Markdown sources$/),
        hint:
          'Run `errgen import --prune` to remove it from the catalog (or retire it there with `removed:`), or add it back to the Markdown. ' +
          'If it was renamed, rename its `code:` in the catalog before importing, and keep the old name under `aliases`: --prune would drop what the catalog adds to it (description, params, translations).',
      }),
    ]);
    // A plain import keeps it (it may have been added by hand); --prune, as the hint says, removes it.
    expect(errgen(['import'], { cwd: dir }).code).toBe(0);
    expect(errgen(['check', '--rule', 'artifact-drift=off'], { cwd: dir }).code).toBe(1);
    expect(errgen(['import', '--prune'], { cwd: dir }).code).toBe(0);
    expect(errgen(['check', '--rule', 'artifact-drift=off'], { cwd: dir }).code).toBe(0);
  });

  it('cites the Markdown lines as they are now, not as the last import found them', () => {
    // A row added at the top of the first table, not imported yet: every row below it moves down one line.
    edit(join(dir, 'errors.md'), /(\|-\|-\|-\|-\|\n)/, '$1| BRAND_NEW | 400 | new | s |\n');
    const result = errgen(['check', '--format', 'json', '--rule', 'artifact-drift=off'], { cwd: dir });
    const findings = findingsOf(result.stdout);
    expect(findings.find((f) => f['rule'] === 'duplicate-code')?.['message']).toBe('FAILED_PRECONDITION is listed 2 times (status 400 at errors.md:16, status 409 at errors.md:24) with different statuses');
    expect(findings.find((f) => f['rule'] === 'source-drift')?.['message']).toBe('BRAND_NEW is in errors.md:9 but not in the catalog errors.yaml');
  });

  it('fails on a code deleted since the previous commit, and accepts a tombstone or an alias', () => {
    targetEveryLanguage(dir);
    const catalog = join(dir, 'errors.yaml');
    const original = readFileSync(catalog, 'utf8');
    const withoutNotFound = original.replace(/ {6}- code: NOT_FOUND\n(?: {8}.*\n)+/, '');
    writeFileSync(catalog, withoutNotFound);
    const removed = errgen(['check', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(removed.code).toBe(1);
    const rules = findingsOf(removed.stdout);
    expect(rules.filter((f) => f.rule === 'code-removed')).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', message: 'NOT_FOUND (in HEAD:errors.yaml) is gone from the catalog; clients that handle it break' }),
    ]);
    // Placed in the group it was in: at that group's first entry, not at the top of the file.
    const groupOfNotFound = withoutNotFound.slice(0, original.indexOf('      - code: NOT_FOUND\n')).lastIndexOf('  - title:');
    const firstEntryLine = withoutNotFound.slice(0, withoutNotFound.indexOf('      - code:', groupOfNotFound)).split('\n').length;
    expect(rules.find((f) => f.rule === 'code-removed')?.line).toBe(firstEntryLine);

    const tombstone = original.replace(/( {6}- code: NOT_FOUND\n)/, '$1        removed: { since: "2.0", reason: merged into RESOURCE_NOT_EXIST }\n');
    writeFileSync(catalog, tombstone);
    const retired = errgen(['check', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(findingsOf(retired.stdout).filter((f) => f.rule === 'code-removed')).toEqual([]);

    const aliased = withoutNotFound.replace(/( {6}- code: RESOURCE_NOT_EXIST\n)/, '$1        aliases: [NOT_FOUND]\n');
    writeFileSync(catalog, aliased);
    const viaAlias = errgen(['check', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    const aliasFindings = findingsOf(viaAlias.stdout);
    expect(aliasFindings.filter((f) => f.rule === 'code-removed')).toEqual([]);
    // Renamed, the old name kept as an alias and its names pinned on the new code: nothing is lost.
    const pinned = original.replace(
      / {6}- code: NOT_FOUND\n/,
      '      - code: RESOURCE_MISSING\n        aliases: [NOT_FOUND]\n' +
        '        names: { ts: NotFound, go: CodeNotFound, java: NOT_FOUND, python: NOT_FOUND, rust: NotFound, proto: ERROR_CODE_NOT_FOUND }\n',
    );
    writeFileSync(catalog, pinned);
    const kept = errgen(['check', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(findingsOf(kept.stdout).filter((f) => f.rule === 'identifier-changed' || f.rule === 'code-removed')).toEqual([]);
    writeFileSync(catalog, aliased);
    // It still parses, but typed clients lose the names generated for it.
    expect(aliasFindings.filter((f) => f.rule === 'identifier-changed')).toEqual([
      expect.objectContaining({
        code: 'NOT_FOUND',
        message:
          'NOT_FOUND (in HEAD:errors.yaml) is now an alias of RESOURCE_NOT_EXIST: it still parses, but its generated names are gone ' +
          '(ts NotFound, go CodeNotFound, java NOT_FOUND, python NOT_FOUND, rust NotFound, proto ERROR_CODE_NOT_FOUND); code that uses them no longer compiles',
      }),
    ]);
  });

  it('follows a catalog moved since the revision, and says so when it cannot find it there', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    mkdirSync(join(dir, 'api'));
    git('mv', 'errors.yaml', 'api/errors.yaml');
    edit(join(dir, 'api/errors.yaml'), / {6}- code: NOT_FOUND\n(?: {8}.*\n)+/, '');
    const moved = errgen(['check', '--catalog', 'api/errors.yaml', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(moved.code).toBe(1);
    expect(findingsOf(moved.stdout).filter((f) => f.rule === 'code-removed')).toEqual([
      expect.objectContaining({ message: 'NOT_FOUND (in HEAD:errors.yaml) is gone from the catalog; clients that handle it break' }),
    ]);
    // Reached through a symbolic link: git has the file it points to.
    symlinkSync('api/errors.yaml', join(dir, 'linked.yaml'));
    const linked = errgen(['check', '--catalog', 'linked.yaml', '--against', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(findingsOf(linked.stdout).filter((f) => f.rule === 'code-removed')).toHaveLength(1);
    // Copied rather than moved, git sees no move: nothing to compare with, said as a warning.
    writeFileSync(join(dir, 'new.yaml'), readFileSync(join(dir, 'api/errors.yaml')));
    const notThere = errgen(['check', '--catalog', 'new.yaml', '--against', 'HEAD', '--format', 'json', '--rule', 'source-drift=off', '--rule', 'artifact-drift=off'], { cwd: dir });
    expect(notThere.code).toBe(0);
    expect(findingsOf(notThere.stdout).filter((f) => f.severity === 'error' || f.rule === null)).toEqual([
      expect.objectContaining({ rule: null, severity: 'warning', message: 'new.yaml is not in HEAD, under this path or moved from another: no breaking changes were checked' }),
    ]);
  });

  it('reports a status change against a catalog file, and honours an ignore that gives a reason', () => {
    const catalog = join(dir, 'errors.yaml');
    writeFileSync(join(dir, 'before.yaml'), readFileSync(catalog));
    edit(catalog, /(- code: NOT_FOUND\n {8}status:) 404/, '$1 410');
    const changed = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    const statusFindings = findingsOf(changed.stdout).filter((f) => f.rule === 'status-changed');
    expect(statusFindings).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', file: 'errors.yaml', message: 'NOT_FOUND changed status from 404 (in before.yaml) to 410' }),
    ]);

    const config = join(dir, 'errgen.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8') + 'breaking:\n  ignore:\n    - rule: status-changed\n      code: NOT_FOUND\n      reason: "410 is what the gateway really sends"\n');
    const ignored = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    expect(findingsOf(ignored.stdout).filter((f) => f.rule === 'status-changed' || f.rule === 'unused-ignore')).toEqual([]);

    // Once the change is in the earlier version, the ignore accepts nothing: said, so that it goes
    // before it accepts the next status change of NOT_FOUND unreviewed.
    writeFileSync(join(dir, 'before.yaml'), readFileSync(catalog));
    const landed = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    const line = readFileSync(config, 'utf8').split('\n').indexOf('    - rule: status-changed') + 1;
    expect(findingsOf(landed.stdout).filter((f) => f.rule === 'unused-ignore')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'errgen.config.yaml',
        line,
        column: 7,
        code: 'NOT_FOUND',
        message: 'breaking.ignore accepts status-changed for NOT_FOUND, but the catalog has no such change against before.yaml: left in place, it would accept the next one unreviewed',
      }),
    ]);
    // A rule like any other: --rule switches it.
    const strict = errgen(['check', '--against', 'before.yaml', '--format', 'json', '--rule', 'unused-ignore=error'], { cwd: dir });
    expect(findingsOf(strict.stdout).filter((f) => f.rule === 'unused-ignore').map((f) => f.severity)).toEqual(['error']);
    // A code the catalog does not have: said, with the one meant.
    writeFileSync(config, readFileSync(config, 'utf8').replace('      code: NOT_FOUND\n', '      code: NOT_FUOND\n'));
    const misspelt = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    expect(findingsOf(misspelt.stdout).filter((f) => f.rule === 'unused-ignore').map((f) => f.message)).toEqual([
      'breaking.ignore accepts status-changed for NOT_FUOND, a code neither the catalog nor before.yaml has (did you mean "NOT_FOUND"?)',
    ]);
    writeFileSync(config, readFileSync(config, 'utf8').replace('      code: NOT_FUOND\n', '      code: NOT_FOUND\n'));
    // unused-ignore is not one an ignore may name: it would hide that ignores are stale.
    writeFileSync(config, readFileSync(config, 'utf8').replace('    - rule: status-changed\n', '    - rule: unused-ignore\n'));
    const hiding = errgen(['check', '--against', 'before.yaml'], { cwd: dir });
    expect(hiding.code).toBe(2);
    expect(hiding.stderr).toContain('breaking.ignore[0].rule must be one of');
    writeFileSync(config, readFileSync(config, 'utf8').replace('    - rule: unused-ignore\n', '    - rule: status-changed\n'));
    // An ignore of a change the config switched off accepts it all the same: not unused.
    edit(catalog, /(- code: NOT_FOUND\n {8}status:) 410/, '$1 404');
    const off = errgen(['check', '--against', 'before.yaml', '--format', 'json', '--rule', 'status-changed=off'], { cwd: dir });
    expect(findingsOf(off.stdout).filter((f) => f.rule === 'unused-ignore' || f.rule === 'status-changed')).toEqual([]);

    writeFileSync(config, readFileSync(config, 'utf8').replace('      reason: "410 is what the gateway really sends"\n', ''));
    const noReason = errgen(['check', '--against', 'before.yaml'], { cwd: dir });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('is missing the required field "reason"');
  });

  it('reports a renamed identifier and a dropped alias, not additions', () => {
    const catalog = join(dir, 'errors.yaml');
    writeFileSync(join(dir, 'before.yaml'), readFileSync(catalog));
    // In a language no target writes, a new name breaks nothing; a status change beside it still does.
    edit(catalog, /(- code: CONFLICT\n)/, '$1        names: { go: CodeClash }\n');
    edit(catalog, /(- code: CONFLICT\n(?: {8}.*\n)*? {8}status:) 409/, '$1 410');
    const untargeted = findingsOf(errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(untargeted.filter((f) => f.rule === 'identifier-changed' || f.rule === 'status-changed').map((f) => f.rule)).toEqual(['status-changed']);
    writeFileSync(catalog, readFileSync(join(dir, 'before.yaml')));
    targetEveryLanguage(dir);
    edit(catalog, /(- code: CONFLICT\n)/, '$1        aliases: [OLD_CONFLICT]\n');
    writeFileSync(join(dir, 'before.yaml'), readFileSync(catalog));
    edit(catalog, /(- code: CONFLICT\n) {8}aliases: \[OLD_CONFLICT\]\n/, '$1        names: { go: CodeClash }\n');
    const result = errgen(['check', '--against', 'before.yaml', '--format', 'json'], { cwd: dir });
    const findings = findingsOf(result.stdout);
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
    // Breaking changes are looked for before the outputs are compared, but a template that fails is still said first.
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad/main.hbs'), '// Generated by errgen\n{{#each codes}}{{nope}}{{/each}}\n');
    writeFileSync(join(dir, 'errgen.config.yaml'), 'sources: [errors.md]\ncatalog: errors.yaml\noutDir: gen\ntargets:\n  json:\n  mine:\n    template: bad/main.hbs\n    output: mine.txt\n');
    const failing = errgen(['check', '--against', 'no-such-ref'], { cwd: dir, env: { ERRGEN_CACHE_DIR: 'off' } });
    expect(failing.code).toBe(2);
    expect(failing.stderr).toContain('bad/main.hbs:2:');
    expect(failing.stderr).not.toContain('no-such-ref');
  });
});

describe('the human report', () => {
  it('prints the first three diffs and counts the rest, which the JSON report has', () => {
    const drifted = (n: number): Diagnostic => ({
      severity: 'error',
      rule: 'artifact-drift',
      at: { file: `generated/f${n}.ts`, line: 1, column: 1 },
      message: 'generated file differs',
      details: `--- on disk\n+++ generated\n-old ${n}\n+new ${n}`,
    });
    const report = formatHuman([1, 2, 3, 4, 5].map(drifted), { color: false });
    expect(report.match(/^ +\+new \d$/gm)).toEqual(['          +new 1', '          +new 2', '          +new 3']);
    expect(report).toContain('(2 more diffs not shown: `errgen check --format json` has every one)');
    // Every finding is still listed.
    expect(report.match(/generated file differs/g)).toHaveLength(5);
    expect(formatHuman([1, 2, 3].map(drifted), { color: false })).not.toContain('not shown');
  });
});
