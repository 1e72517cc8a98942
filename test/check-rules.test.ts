import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingRules } from '../src/check/breaking.js';
import { driftChecks, pageRules } from '../src/cli/resolve-options.js';
import { lintRules } from '../src/lint/rules/index.js';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

interface Finding {
  rule: string;
  severity: string;
  code: string | null;
  line: number | null;
  message: string;
  hint?: string;
  related: { file: string; line: number | null; column: number | null }[];
}

/** A catalog from entries written as YAML flow mappings, one group. */
function catalog(...entries: string[]): string {
  return `groups:\n  - title: Test\n    codes:\n${entries.map((e) => `      - ${e}\n`).join('')}`;
}

const ok = (code: string, extra = '') => `{ code: ${code}, status: 404, message: Gone, solution: Look elsewhere${extra} }`;

function check(dir: string, yaml: string, args: string[] = []): { code: number | null; findings: Finding[] } {
  writeFileSync(join(dir, 'errors.yaml'), yaml);
  const result = errgen(['check', '--catalog', 'errors.yaml', '--format', 'json', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
}

/** Each lint rule: a catalog that breaks it, and one that keeps it. */
const lintCases: Array<{ rule: string; failing: string; passing: string; severity: 'error' | 'warning' }> = [
  { rule: 'duplicate-code', failing: catalog(ok('TWICE'), ok('TWICE')), passing: catalog(ok('ONCE'), ok('OTHER')), severity: 'error' },
  { rule: 'non-standard-status', failing: catalog('{ code: CLOSED, status: 499, message: m, solution: s }'), passing: catalog(ok('GONE')), severity: 'warning' },
  { rule: 'success-status', failing: catalog('{ code: FINE, status: 200, message: m, solution: s }'), passing: catalog(ok('GONE')), severity: 'warning' },
  { rule: 'code-format', failing: catalog(ok('notUpper')), passing: catalog(ok('NOT_UPPER')), severity: 'warning' },
  { rule: 'empty-message', failing: catalog('{ code: SILENT, status: 400, message: "", solution: s }'), passing: catalog(ok('SPOKEN')), severity: 'error' },
  { rule: 'empty-solution', failing: catalog('{ code: STUCK, status: 400, message: m, solution: "" }'), passing: catalog(ok('UNSTUCK')), severity: 'warning' },
  { rule: 'identifier-collision', failing: catalog(ok('NOT-FOUND'), ok('NOT_FOUND')), passing: catalog(ok('NOT-FOUND', ', names: { ts: NotFoundDash, go: CodeNotFoundDash, java: NOT_FOUND_DASH, python: NOT_FOUND_DASH, rust: NotFoundDash, proto: ERROR_CODE_NOT_FOUND_DASH }'), ok('NOT_FOUND')), severity: 'error' },
  { rule: 'identifier-override', failing: catalog(ok('A', ', names: { go: Parse }')), passing: catalog(ok('A', ', names: { go: CodeParse }')), severity: 'error' },
  { rule: 'identifier-renamed', failing: catalog(ok('404_PAGE')), passing: catalog(ok('PAGE_404')), severity: 'warning' },
  { rule: 'removed-code-reused', failing: catalog(ok('OLD', ', removed: true'), ok('OLD')), passing: catalog(ok('OLD', ', removed: true'), ok('NEW')), severity: 'error' },
  { rule: 'deprecated-replacement', failing: catalog(ok('OLD', ', deprecated: { replacement: MISSING }')), passing: catalog(ok('OLD', ', deprecated: { replacement: NEW }'), ok('NEW')), severity: 'warning' },
  { rule: 'alias-conflict', failing: catalog(ok('A', ', aliases: [B]'), ok('B')), passing: catalog(ok('A', ', aliases: [OLD_A]'), ok('B')), severity: 'error' },
];

describe('errgen check: lint rules', () => {
  const dir = tempDir();

  for (const { rule, failing, passing, severity } of lintCases) {
    it(`${rule}: reports the failing case as ${severity}, not the passing one`, () => {
      const bad = check(dir, failing);
      const hits = bad.findings.filter((f) => f.rule === rule);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((f) => f.severity === severity && f.line !== null && f.code !== null)).toBe(true);
      expect(bad.code).toBe(bad.findings.some((f) => f.severity === 'error') ? 1 : 0);
      const good = check(dir, passing);
      expect(good.findings.filter((f) => f.rule === rule)).toEqual([]);
    });
  }

  it('sends a fix of a text or code imported from a page to the page, where the next import would not undo it', () => {
    const page = tempDir();
    writeFileSync(join(page, 'errors.md'), '## E\n\n| Code | Status | Message | Solution |\n|-|-|-|-|\n| STUCK | 400 | m |  |\n| SILENT | 400 |  | s |\n| notUpper | 400 | m | s |\n');
    expect(errgen(['import', 'errors.md', '-o', 'errors.yaml'], { cwd: page }).code).toBe(0);
    const result = errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json'], { cwd: page });
    const hints = Object.fromEntries((JSON.parse(result.stdout) as { findings: Finding[] }).findings.map((f) => [f.rule, f.hint]));
    expect(hints['empty-solution']).toBe('Say what the caller can do about it in errors.md:5, where this text comes from (the next import would undo a fix in the catalog), then run `errgen import`; or set this rule to off.');
    expect(hints['empty-message']).toBe('Write what went wrong in errors.md:6, where this text comes from (the next import would undo a fix in the catalog), then run `errgen import`.');
    expect(hints['code-format']).toBe("Rename it in errors.md:7 and in the catalog's `code:` (keeping the old spelling under `aliases`), then run `errgen import`; or set this rule to off.");
    // An entry written in the catalog by hand is mended there.
    const byHand = check(dir, catalog('{ code: STUCK, status: 400, message: m, solution: "" }')).findings.find((f) => f.rule === 'empty-solution');
    expect(byHand?.hint).toBe('Say what the caller can do about it, or set this rule to off.');
  });

  it('duplicate-code names every row of the duplicate', () => {
    const { findings } = check(dir, catalog(ok('TWICE'), '{ code: TWICE, status: 409, message: m, solution: s }'));
    const duplicate = findings.find((f) => f.rule === 'duplicate-code');
    expect(duplicate?.message).toBe('TWICE is listed 2 times (status 404 at errors.yaml:4, status 409 at errors.yaml:5) with different statuses');
    // The other row, in the catalog: not a place the message names already.
    expect(duplicate?.related).toEqual([{ file: 'errors.yaml', line: 5, column: 9 }]);
    // Its hint suggests warn only where the rule is not at warn already.
    expect(duplicate?.hint).toContain('with this rule at warn (`lint.rules`)');
    const atWarn = check(dir, catalog(ok('TWICE'), ok('TWICE')), ['--rule', 'duplicate-code=warn']).findings.find((f) => f.rule === 'duplicate-code');
    expect(atWarn?.hint).toBe('Keep one row per code, unless the code really has several statuses: then it stays listed once per status, reported without failing (this rule is at warn).');
  });

  it('a config can switch a rule off or change its severity, and rejects unknown rule ids', () => {
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\nlint:\n  rules:\n    duplicate-code: warn\n    empty-solution: off\n');
    writeFileSync(join(dir, 'errors.yaml'), catalog(ok('TWICE'), ok('TWICE'), '{ code: STUCK, status: 400, message: m, solution: "" }'));
    const result = errgen(['check', '--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['duplicate-code', 'warning']]);
    expect(result.code).toBe(0);

    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\nlint:\n  rules:\n    duplicate-cod: warn\n');
    const typo = errgen(['check'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('errgen.config.yaml:4:5: error: lint.rules has an unknown rule "duplicate-cod" (did you mean "duplicate-code"?).');
    // A severity written as check prints it: the one it extends is named.
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\nlint:\n  rules:\n    duplicate-code: warning\n');
    expect(errgen(['check'], { cwd: dir }).stderr).toContain('lint.rules.duplicate-code must be one of off, warn, error (did you mean "warn"?).');
  });

  it('names what a misspelt config name most likely meant', () => {
    const config = (text: string) => {
      writeFileSync(join(dir, 'errgen.config.yaml'), text);
      const result = errgen(['check'], { cwd: dir });
      expect(result.code).toBe(2);
      return result.stderr;
    };
    writeFileSync(join(dir, 'errors.yaml'), catalog(ok('FINE')));
    expect(config('catalog: errors.yaml\ntargets:\n  go:\n    outptu: x.go\n')).toBe(
      'errgen.config.yaml:4:5: error: targets.go has an unknown field "outptu" (did you mean "output"?). See https://unpkg.com/errgen@0/schemas/config.schema.json for the config format.\n' +
        'errgen: errgen.config.yaml is not a valid errgen configuration\n',
    );
    expect(config('catalgo: errors.yaml\n')).toContain('errgen.config.yaml:1:1: error: the config has an unknown field "catalgo" (did you mean "catalog"?).');
    expect(config('catalog: errors.yaml\ntargets:\n  typescrpt: {}\n')).toBe(
      'errgen.config.yaml:3:14: error: target "typescrpt" is not a built-in target (did you mean "typescript"?): rename it, or give it a `template` (your own) or a `kind`.\n' +
        'errgen: errgen.config.yaml is not a valid errgen configuration\n',
    );
    expect(config('catalog: errors.yaml\ntargets:\n  api:\n    kind: opnapi\n')).toContain(
      'errgen.config.yaml:4:11: error: target "api" has kind "opnapi", which is not a built-in target (did you mean "openapi"?); the built-in targets are: ',
    );
    // Where errgen is installed in the working folder (here, its own repository), the hint is a path there.
    const elsewhere = join(dir, 'errgen.config.yaml');
    writeFileSync(elsewhere, 'catalgo: errors.yaml\n');
    expect(errgen(['-c', elsewhere, 'check'], { cwd: repoRoot }).stderr).toContain('(did you mean "catalog"?). See schemas/config.schema.json for the config format.\n');
    // Another name for a target is no near spelling of it, but is still suggested.
    expect(config('catalog: errors.yaml\ntargets:\n  api:\n    kind: golang\n')).toContain('has kind "golang", which is not a built-in target (did you mean "go"?)');
    expect(config('catalog: errors.yaml\ntargets:\n  proto: {}\n')).toContain('target "proto" is not a built-in target (did you mean "protobuf"?)');
    // Each option's problem at its own value.
    expect(config('catalog: errors.yaml\ntargets:\n  go:\n    options:\n      pakage: errs\n      typeName: 5\n')).toBe(
      'errgen.config.yaml:5:15: error: target "go": unknown option "pakage" (did you mean "package"?); the options are: package, typeName.\n' +
        'errgen.config.yaml:6:17: error: target "go": option "typeName" must be an identifier (ASCII letters, digits and _, not starting with a digit), not "5".\n' +
        'errgen: errgen.config.yaml is not a valid errgen configuration\n',
    );
    // An abbreviation is no near spelling, but the one name it abbreviates is suggested.
    expect(config('catalog: errors.yaml\ntargets:\n  java:\n    options:\n      pkg: errs\n')).toContain('target "java": unknown option "pkg" (did you mean "package"?)');
    expect(config('catalog: errors.yaml\ntargets:\n  java:\n    options:\n      tn: Errs\n')).toContain('target "java": unknown option "tn"; the options are');
    // A value of no allowed type still hears every type it could have; one of the right type, only what is wrong inside it.
    expect(config('catalog: errors.yaml\nlint:\n  rules: {}\nfoo: 1\n')).toContain('errgen.config.yaml:4:1: error: the config has an unknown field "foo".');
    expect(config('catalog: errors.yaml\ntargets:\n  go: 5\n')).toContain('targets.go must be a null, or a boolean, or an object.');
    expect(config('catalog: errors.yaml\ntargets:\n  go:\n    output: 5\n')).toBe(
      'errgen.config.yaml:4:13: error: targets.go.output must be a string. See https://unpkg.com/errgen@0/schemas/config.schema.json for the config format.\n' +
        'errgen: errgen.config.yaml is not a valid errgen configuration\n',
    );
  });

  it('reports a missing catalog as a finding, with how to make one', () => {
    const empty = tempDir();
    const result = errgen(['check', '--format', 'json'], { cwd: empty });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { findings: Finding[] }).findings).toEqual([
      expect.objectContaining({
        rule: 'catalog-schema',
        // The file it is about, with no line or column in a file that is not there.
        file: 'errors.yaml',
        line: null,
        column: null,
        message: 'cannot read catalog errors.yaml: no such file or folder',
        hint: 'Create it from your Markdown pages with `errgen import`, or start a project here with `errgen init`; a catalog elsewhere is named with --catalog or `catalog` in errgen.config.yaml.',
      }),
    ]);
    // Under its file in the human report, and a file annotation (no line) on GitHub.
    expect(errgen(['check'], { cwd: empty }).stdout).toMatch(/^errors\.yaml\n {10}error {4}cannot read catalog errors\.yaml/);
    expect(errgen(['check', '--format', 'github'], { cwd: empty }).stdout).toMatch(/^::error file=errors\.yaml,title=errgen catalog-schema::cannot read catalog errors\.yaml/);
  });

  it('reports a catalog that does not match the schema as findings with file:line:col, exit 1', () => {
    rmSync(join(dir, 'errgen.config.yaml'), { force: true });
    writeFileSync(join(dir, 'errors.yaml'), 'groups:\n  - title: T\n    codes:\n      - { code: X, status: "404", message: m, solution: s }\n');
    const bad = errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('4:28    error    groups[0].codes[0].status (in X) must be an integer  catalog-schema');
    // A syntax error is reported once, not with the errors of the rest of the file misread after it.
    writeFileSync(join(dir, 'errors.yaml'), 'groups:\n  - title: T\n    codes:\n      - code: X\n\tstatus: 404\n        message: m\n        solution: s\n        note: n\n');
    const tab = errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir });
    expect(tab.code).toBe(1);
    expect(tab.stdout).toContain('Tabs are not allowed as indentation');
    expect(tab.stdout).toContain('1 problem (1 error, 0 warnings)');
    // Two mistakes that leave the rest of the file readable are both reported.
    writeFileSync(join(dir, 'errors.yaml'), 'groups:\n  - title: T\n    codes:\n      - code: X\n        status: 404\n        message: "bad \\q"\n        solution: "bad \\z"\n');
    const escapes = errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir });
    expect(escapes.stdout).toContain('Invalid escape sequence \\q');
    expect(escapes.stdout).toContain('Invalid escape sequence \\z');
    // An unknown field: at its own line, named with the field most likely meant.
    writeFileSync(join(dir, 'errors.yaml'), 'groups:\n  - title: T\n    codes:\n      - code: X\n        status: 404\n        message: m\n        solution: s\n        descripton: d\n');
    expect(errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir }).stdout).toContain(
      '8:9     error    groups[0].codes[0] (X) has an unknown field "descripton" (did you mean "description"?)  catalog-schema',
    );
    // A value not among those allowed: named with the one most likely meant.
    writeFileSync(join(dir, 'errors.yaml'), 'groups:\n  - title: T\n    codes:\n      - { code: X, status: 404, message: m, solution: s, grpc: NOTFOUND }\n');
    expect(errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir }).stdout).toMatch(/grpc \(in X\) must be one of OK, .*, UNAUTHENTICATED \(did you mean "NOT_FOUND"\?\)  catalog-schema/);
  });
});

describe('identifiers are checked in the languages the targets generate', () => {
  // 失败 has no proto name (proto identifiers are ASCII), and ÄRGER and ARGER are one proto name:
  // both stop a run that writes proto, and nothing else.
  const project = (targets: string, catalogText = catalog(ok('失败'), ok('ÄRGER'), ok('ARGER'))) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errors.yaml'), catalogText);
    writeFileSync(join(dir, 'errgen.config.yaml'), `catalog: errors.yaml\noutDir: out\ntargets:\n${targets}`);
    return dir;
  };
  const identifierFindings = (dir: string) =>
    (JSON.parse(errgen(['check', '--format', 'json'], { cwd: dir }).stdout) as { findings: Finding[] }).findings.filter((f) => f.rule.startsWith('identifier-')).map((f) => f.message);

  it('a project without proto generates and checks clean', () => {
    const dir = project('  go:\n  typescript:\n  docs:\n');
    const generated = errgen(['generate'], { cwd: dir });
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect(readFileSync(join(dir, 'out/go/errcodes/errcodes.go'), 'utf8')).toContain('Code失败 Code = "失败"');
    expect(identifierFindings(dir)).toEqual([]);
  });

  it('one that writes proto is stopped, by generate and by check, for proto alone', () => {
    const dir = project('  go:\n  protobuf:\n');
    const generated = errgen(['generate'], { cwd: dir });
    expect(generated.code).toBe(1);
    expect(generated.stderr).toContain('code "失败" has no letters or digits to make a proto identifier from');
    expect(generated.stderr).toContain('codes "ÄRGER" and "ARGER" both become the proto identifier ERROR_CODE_ARGER');
    expect(generated.stderr).not.toMatch(/ go | ts /);
    expect(identifierFindings(dir)).toEqual([
      'code "失败" has no letters or digits to make a proto identifier from',
      'ÄRGER is named ERROR_CODE_ARGER in proto (not ERROR_CODE_ÄRGER, which is not a valid identifier there)',
      'codes "ÄRGER" and "ARGER" both become the proto identifier ERROR_CODE_ARGER',
    ]);
  });

  it('your own template may print any language: every one is checked', () => {
    const dir = project('  mine:\n    template: main.hbs\n    output: list.txt\n');
    writeFileSync(join(dir, 'main.hbs'), '{{#each codes}}{{code}}\n{{/each}}');
    const generated = errgen(['generate'], { cwd: dir });
    expect(generated.code).toBe(1);
    expect(generated.stderr).toContain('proto identifier');
  });

  it("Java's formatter names clash only in a project that writes Java", () => {
    // Java constants A_B1 and A_B_1 (pinned in the catalog) both have the formatter aB1Message.
    const pinned = catalog('{ code: FIRST, status: 400, message: "x {p}", solution: s, names: { java: A_B1 } }', '{ code: SECOND, status: 400, message: "y {p}", solution: s, names: { java: A_B_1 } }');
    const formatters = (targets: string) => errgen(['generate'], { cwd: project(targets, pinned) });
    expect(formatters('  python:\n  docs:\n').code).toBe(0);
    const java = formatters('  java:\n');
    expect(java.code).toBe(1);
    expect(java.stderr).toContain('codes "FIRST" and "SECOND" both get the java formatter aB1Message');
  });
});

/** Each breaking-change rule: before → after that breaks it, and before → after that does not. */
const breakingCases: Array<{ rule: string; before: string; broken: string; fine: string }> = [
  { rule: 'code-removed', before: catalog(ok('A'), ok('B')), broken: catalog(ok('A')), fine: catalog(ok('A'), ok('B', ', removed: true')) },
  { rule: 'status-changed', before: catalog(ok('A')), broken: catalog('{ code: A, status: 410, message: Gone, solution: s }'), fine: catalog(ok('A'), ok('ADDED')) },
  { rule: 'identifier-changed', before: catalog(ok('A_B')), broken: catalog(ok('A_B', ', names: { java: AB }')), fine: catalog(ok('A_B', ', names: { java: A_B }')) },
  { rule: 'alias-dropped', before: catalog(ok('A', ', aliases: [OLD_A]')), broken: catalog(ok('A')), fine: catalog(ok('A', ', aliases: [OLD_A, OLDER_A]')) },
  { rule: 'tombstone-reused', before: catalog(ok('A'), ok('GONE', ', removed: true')), broken: catalog(ok('A'), ok('GONE')), fine: catalog(ok('A'), ok('GONE', ', removed: { since: "2" }')) },
  { rule: 'code-removed', before: catalog(ok('OLD_NAME')), broken: catalog(ok('NEW_NAME')), fine: catalog(ok('NEW_NAME', ', aliases: [OLD_NAME]')) },
  { rule: 'number-changed', before: catalog(ok('A')), broken: catalog(ok('A', ', number: 7')), fine: catalog(ok('A'), ok('B', ', number: 7')) },
];

describe('errgen check --against: breaking-change rules', () => {
  const dir = tempDir();

  for (const [i, { rule, before, broken, fine }] of breakingCases.entries()) {
    it(`${rule} (${i + 1}): reports the breaking change, not the compatible one`, () => {
      writeFileSync(join(dir, 'before.yaml'), before);
      const bad = check(dir, broken, ['--against', 'before.yaml']);
      expect(bad.findings.filter((f) => f.rule === rule).map((f) => f.severity)).toEqual(['error']);
      expect(bad.code).toBe(1);
      const good = check(dir, fine, ['--against', 'before.yaml']);
      expect(good.findings.filter((f) => f.rule === rule)).toEqual([]);
    });
  }

  it('reports an earlier catalog it cannot read in the report, exit 1, as it does the catalog itself', () => {
    writeFileSync(join(dir, 'before.yaml'), 'groups: [\n');
    const { code, findings } = check(dir, catalog(ok('A'), '{ code: FINE, status: 200, message: m, solution: s }'), ['--against', 'before.yaml']);
    expect(code).toBe(1);
    // The other checks' findings are there too.
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['success-status', 'warning'],
      ['catalog-schema', 'error'],
    ]);
    expect(findings[1]?.message).toMatch(/flow sequence/i);
    mkdirSync(join(dir, 'folder.yaml'), { recursive: true });
    const folder = check(dir, catalog(ok('A')), ['--against', 'folder.yaml']);
    expect(folder.code).toBe(1);
    expect(folder.findings.map((f) => f.rule)).toEqual(['catalog-schema']);
  });
});

describe('errgen check: flags instead of a config', () => {
  const dir = tempDir();

  it('--rule sets a lint rule (or a breaking rule) and rejects unknown ids and severities', () => {
    const yaml = catalog(ok('TWICE'), ok('TWICE'), '{ code: STUCK, status: 400, message: m, solution: "" }');
    const { findings, code } = check(dir, yaml, ['--rule', 'duplicate-code=warn', '--rule', 'empty-solution=off']);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['duplicate-code', 'warning']]);
    expect(code).toBe(0);
    const typo = errgen(['check', '--catalog', 'errors.yaml', '--rule', 'dupe=warn'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^errgen: --rule names unknown rule dupe \(did you mean "duplicate-code"\?\); the rules are: duplicate-code, /);
    expect(errgen(['check', '--catalog', 'errors.yaml', '--rule', 'zz=warn'], { cwd: dir }).stderr).toMatch(/^errgen: --rule names unknown rule zz; the rules are: duplicate-code, /);
    const badSeverity = errgen(['check', '--catalog', 'errors.yaml', '--rule', 'duplicate-code=loud'], { cwd: dir });
    expect(badSeverity.stderr).toBe('errgen: --rule duplicate-code must be off, warn or error, not "loud"\n');
    // Both wrong: the rule is what is said first, as a setting of a rule that does not exist means nothing.
    const both = errgen(['check', '--catalog', 'errors.yaml', '--rule', 'duplicate-cod=loud'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^errgen: --rule names unknown rule duplicate-cod \(did you mean "duplicate-code"\?\); the rules are: /);
  });

  it('--header maps another header name, for import and for the drift check', () => {
    writeFileSync(join(dir, 'fehler.md'), '# Fehler\n\n| Fehlercode | Status | Meldung |\n|---|---|---|\n| NICHT_DA | 404 | Nicht gefunden |\n');
    const imported = errgen(['import', 'fehler.md', '-o', 'fehler.yaml', '--header', 'code=Fehlercode', '--header', 'message=Meldung'], { cwd: dir });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Imported 1 file, 1 table, 1 row into fehler.yaml: 1 added');
    const checked = errgen(['check', '--catalog', 'fehler.yaml', '--source', 'fehler.md', '--header', 'code=Fehlercode', '--header', 'message=Meldung', '--rule', 'empty-solution=off'], { cwd: dir });
    expect(checked.stdout).toContain('✔ no problems');
    expect(checked.code).toBe(0);
    const unknownField = errgen(['import', 'fehler.md', '--header', 'kode=Fehlercode'], { cwd: dir });
    expect(unknownField.stderr).toBe('errgen: --header names an unknown field "kode"; the fields are: code, status, message, solution\n');
  });
});

describe('the config schema', () => {
  it('lists exactly the rules errgen has, so editors complete them and every command rejects a misspelt one', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/config.schema.json'), 'utf8'));
    expect(Object.keys(schema.$defs.lintRuleSettings.properties).sort()).toEqual([...lintRules.map((r) => r.id), ...driftChecks, ...pageRules].sort());
    expect(Object.keys(schema.$defs.breakingRuleSettings.properties).sort()).toEqual(breakingRules.map((r) => r.id).sort());
    // Every rule but unused-ignore, which no ignore may hide.
    expect([...schema.properties.breaking.properties.ignore.items.properties.rule.enum].sort()).toEqual(breakingRules.map((r) => r.id).filter((id) => id !== 'unused-ignore').sort());
  });

  it('rejects a misspelt rule in generate too, at its place', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'errgen.config.yaml'), 'catalog: errors.yaml\nlint:\n  rules:\n    duplicate-codes: warn\nbreaking:\n  ignore:\n    - { rule: status-chnged, code: A, reason: x }\n');
    const result = errgen(['generate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('errgen.config.yaml:4:5: error: lint.rules has an unknown rule "duplicate-codes" (did you mean "duplicate-code"?).');
    expect(result.stderr).toContain('errgen.config.yaml:7:15: error: breaking.ignore[0].rule must be one of code-removed, status-changed,');
  });
});

describe('report order', () => {
  it('lists findings by their place in every format, whichever check found them', () => {
    const dir = tempDir();
    // duplicate-code runs before code-format, but finds the later entry.
    const { findings } = check(dir, catalog(ok('notUpper'), ok('TWICE'), ok('TWICE')));
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['duplicate-code', 'code-format']));
    const lines = findings.map((f) => f.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const github = errgen(['check', '--catalog', 'errors.yaml', '--format', 'github'], { cwd: dir }).stdout;
    expect(github.trim().split('\n').map((l) => Number(/,line=(\d+)/.exec(l)?.[1] ?? 0))).toEqual(lines);
    const human = errgen(['check', '--catalog', 'errors.yaml'], { cwd: dir }).stdout;
    const humanLines = human.split('\n').flatMap((l) => /^ {2}(\d+):\d+ /.exec(l)?.[1] ?? []).map(Number);
    expect(humanLines).toEqual(lines.filter((line) => line > 0));
  });
});
