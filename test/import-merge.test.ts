import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, tempDir } from './helpers/cli.js';

const page = (...rows: string[]) => ['## Errors', '', '| Code | Status | Message | Solution |', '|-|-|-|-|', ...rows].join('\n') + '\n';

/** A folder with errors.md imported once into errors.yaml. */
function imported(markdown: string) {
  const dir = tempDir();
  const write = (text: string) => writeFileSync(join(dir, 'errors.md'), text);
  const run = (...flags: string[]) => errgen(['import', 'errors.md', '-o', 'errors.yaml', ...flags], { cwd: dir });
  const catalog = () => readFileSync(join(dir, 'errors.yaml'), 'utf8');
  const sources = () => (JSON.parse(readFileSync(join(dir, 'errors.sources.json'), 'utf8')) as { rows: unknown[] }).rows;
  write(markdown);
  expect(run().code).toBe(0);
  /** A hand edit of the catalog; the text it replaces must be there, or the test would prove nothing. */
  const edit = (from: string, to: string) => {
    expect(catalog()).toContain(from);
    writeFileSync(join(dir, 'errors.yaml'), catalog().replace(from, to));
  };
  return { dir, write, run, catalog, edit, sources };
}

describe('errgen import into an existing catalog', () => {
  it('keeps hand-added fields and comments, and updates a changed cell in place', () => {
    const t = imported(page('| A | 400 | Old message | Retry |', '| B | 404 | Missing | |'));
    t.edit('      - code: A\n', '      # Owned by the payments team.\n      - code: A\n        description: Explained at length for the docs.\n');
    t.write(page('| A | 409 | New message | Retry |', '| B | 404 | Missing | |'));
    const result = t.run();
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml: 0 added, 1 changed, 1 unchanged.\n  changed A: status, message\n');
    expect(t.catalog().split('\n').slice(1).join('\n')).toBe(
      [
        '',
        'groups:',
        '  - title: Errors',
        '    codes:',
        '      # Owned by the payments team.',
        '      - code: A',
        '        description: Explained at length for the docs.',
        '        status: 409',
        '        message: New message',
        '        solution: Retry',
        '      - code: B',
        '        status: 404',
        '        message: Missing',
        '        solution: ""',
        '',
      ].join('\n'),
    );
  });

  it('inserts a new row in source order and records every row in the sidecar', () => {
    const t = imported(page('| A | 400 | a | |', '| C | 400 | c | |'));
    t.write(page('| A | 400 | a | |', '| B | 400 | b | |', '| C | 400 | c | |'));
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 3 rows into errors.yaml: 1 added, 0 changed, 2 unchanged.\n  added B (status 400, group "Errors")\n');
    expect([...t.catalog().matchAll(/- code: (\w+)/g)].map((m) => m[1])).toEqual(['A', 'B', 'C']);
    expect(t.sources()).toEqual([
      { code: 'A', at: 'errors.md:5:3' },
      { code: 'B', at: 'errors.md:6:3' },
      { code: 'C', at: 'errors.md:7:3' },
    ]);
  });

  it("keeps the comment right above a group's first entry with it when a row goes before it or it moves; the list's own stays first", () => {
    const t = imported(page('| B | 400 | b | |', '| C | 400 | c | |'));
    // yaml reads all of these as the sequence's comment, not the entry's.
    t.edit('    codes:\n      - code: B\n', '    codes: # the list\n      # Section\n\n      # B belongs to billing.\n      - code: B\n');
    t.write(page('| A | 400 | a | |', '| B | 400 | b | |', '| C | 400 | c | |'));
    expect(t.run().stdout).toContain('1 added, 0 changed, 2 unchanged.');
    expect(t.catalog()).toContain('    codes:\n      # the list\n      # Section\n\n      - code: A\n        status: 400\n        message: a\n        solution: ""\n      # B belongs to billing.\n      - code: B\n');
    // Moved under another heading, with a new row before it in its old group: the comment still goes with it.
    t.edit('      - code: A\n', '      # A is new.\n      - code: A\n');
    t.write(page('| Z | 400 | z | |', '| B | 400 | b | |', '| C | 400 | c | |') + '\n## Moved\n\n| Code | Status | Message | Solution |\n|-|-|-|-|\n| A | 400 | a | |\n');
    expect(t.run().code).toBe(0);
    expect(t.catalog()).toContain('    codes:\n      # the list\n      # Section\n\n      - code: Z\n');
    expect(t.catalog()).toContain('  - title: Moved\n    codes:\n      # A is new.\n      - code: A\n');
    expect(t.catalog().match(/#/g)).toHaveLength(5); // the schema line and the four comments, each once
    // A pruned first entry leaves its comment on the list: nothing written by hand is lost.
    t.edit('      - code: Z\n', '      # Z is for now.\n      - code: Z\n');
    t.write(page('| B | 400 | b | |', '| C | 400 | c | |') + '\n## Moved\n\n| Code | Status | Message | Solution |\n|-|-|-|-|\n| A | 400 | a | |\n');
    expect(t.run('--prune').code).toBe(0);
    expect(t.catalog()).toContain('    codes:\n      # the list\n      # Section\n\n      # Z is for now.\n      # B belongs to billing.\n      - code: B\n');
    // A list written in flow style keeps the comment above its `[`: its entries' own are inside.
    const u = imported(page('| B | 400 | b | |'));
    u.edit('    codes:\n      - code: B\n        status: 400\n        message: b\n        solution: ""\n', '    codes:\n      # the list\n      [ { code: B, status: 400, message: b, solution: "" } ]\n');
    u.write(page('| A | 400 | a | |', '| B | 400 | b | |'));
    expect(u.run().code).toBe(0);
    expect(u.catalog()).toContain('    codes:\n      # the list\n      [ { code: A, status: 400, message: a, solution: "" }, { code: B, status: 400, message: b, solution: "" } ]\n');
  });

  it('keeps each row of a code listed twice on its entry when one row\'s status changes, and check agrees', () => {
    const t = imported(page('| X | 400 | first | a |', '| X | 409 | second | b |'));
    t.edit('      - code: X\n        status: 400\n', '      - code: X\n        description: hand-A\n        status: 400\n');
    t.edit('      - code: X\n        status: 409\n', '      - code: X\n        description: hand-B\n        status: 409\n');
    t.write(page('| X | 409 | first | a |', '| X | 409 | second | b |'));
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml: 0 added, 1 changed, 1 unchanged.\n  changed X: status\n');
    expect(t.catalog()).toContain('      - code: X\n        description: hand-A\n        status: 409\n        message: first\n');
    expect(t.catalog()).toContain('      - code: X\n        description: hand-B\n        status: 409\n        message: second\n');
    expect(t.sources()).toEqual([
      { code: 'X', at: 'errors.md:5:3' },
      { code: 'X', at: 'errors.md:6:3' },
    ]);
    const check = errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json', '--rule', 'duplicate-code=off'], { cwd: t.dir });
    expect((JSON.parse(check.stdout) as { findings: Array<{ rule: string }> }).findings.filter((f) => f.rule === 'source-drift')).toEqual([]);
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml: 0 added, 0 changed, 2 unchanged (file already up to date).\n');
    // Rows moved on the page keep their entries: nothing changes.
    t.write(page('| X | 409 | second | b |', '| X | 409 | first | a |'));
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml: 0 added, 0 changed, 2 unchanged (file already up to date).\n');
    expect(t.sources()).toEqual([
      { code: 'X', at: 'errors.md:6:3' },
      { code: 'X', at: 'errors.md:5:3' },
    ]);
  });

  it('keeps each entry of a code listed on two pages with its own page, also after a row is deleted', () => {
    const dir = tempDir();
    const write = (file: string, ...rows: string[]) => writeFileSync(join(dir, file), page(...rows));
    const run = (...args: string[]) => errgen(['import', ...args, '-o', 'errors.yaml'], { cwd: dir });
    write('p1.md', '| A | 400 | Bad input | Fix input |', '| A | 409 | Conflict | Retry |');
    write('p2.md', '| A | 500 | Internal | Wait |');
    expect(run('p1.md', 'p2.md').code).toBe(0);
    write('p1.md', '| A | 400 | Bad input | Fix input |');
    expect(run('p1.md', 'p2.md').code).toBe(0);
    // The kept 409 entry holds its place in the source map, so p2's entry is still p2's.
    const sources = (JSON.parse(readFileSync(join(dir, 'errors.sources.json'), 'utf8')) as { rows: unknown[] }).rows;
    expect(sources).toEqual([
      { code: 'A', at: 'p1.md:5:3' },
      { code: 'A', at: null },
      { code: 'A', at: 'p2.md:5:3' },
    ]);
    const pruned = run('p1.md', '--prune');
    expect(pruned.stdout).toContain('  pruned A (status 409, group "Errors"): it is no longer in the Markdown.\n');
    const catalog = readFileSync(join(dir, 'errors.yaml'), 'utf8');
    expect(catalog).not.toContain('Conflict');
    expect(catalog).toContain('message: Internal');
  });

  it('reports a renamed heading in check exactly when import would rename the group', () => {
    const renames = (dir: string) =>
      (JSON.parse(errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json'], { cwd: dir }).stdout) as { findings: Array<{ message: string }> }).findings
        .map((f) => f.message)
        .filter((m) => m.includes('is under the heading'));
    const section = (title: string, ...rows: string[]) => page(...rows).replace('## Errors', `## ${title}`);
    // Two headings over the rows of one group: the first renames it, the second gets a group of its own, and its row's entry moves there.
    const t = imported(page('| X | 400 | x | s |', '| Y | 400 | y | s |'));
    t.write(section('New1', '| X | 400 | x | s |') + '\n' + section('New2', '| Y | 400 | y | s |'));
    expect(renames(t.dir)).toEqual([
      expect.stringMatching(/^the table at errors\.md:3 is under the heading "New1", and its codes' group in the catalog is titled "Errors"/),
      expect.stringMatching(/^Y is under the heading "New2" in errors\.md:11, and in the group "Errors" in the catalog/),
    ]);
    expect(t.run().code).toBe(0);
    expect(t.catalog()).toMatch(/ {2}- title: New1\n {4}codes:\n {6}- code: X\n[^]* {2}- title: New2\n {4}codes:\n {6}- code: "Y"\n/);
    expect(renames(t.dir)).toEqual([]);
    // A group of that title, even an empty one, takes the table: nothing is renamed, the entry moves there.
    const u = imported(page('| X | 400 | x | s |'));
    u.edit('groups:\n', 'groups:\n  - title: Mine\n    codes: []\n');
    u.write(section('Mine', '| X | 400 | x | s |'));
    expect(renames(u.dir)).toEqual([expect.stringMatching(/^X is under the heading "Mine" in errors\.md:5, and in the group "Errors" in the catalog/)]);
    expect(u.run().stdout).toContain('0 added, 1 changed, 0 unchanged');
    expect(u.catalog()).toMatch(/groups:\n {2}- title: Mine\n {4}codes:\n {6}- code: X\n[^]*$/);
    expect(u.catalog()).not.toContain('title: Errors');
  });

  it('moves an entry to the group of the heading its row moved under, which check reports first', () => {
    const drift = (dir: string) =>
      (JSON.parse(errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json'], { cwd: dir }).stdout) as { findings: Array<{ message: string }> }).findings.map((f) => f.message);
    const section = (title: string, ...rows: string[]) => page(...rows).replace('## Errors', `## ${title}`);
    const t = imported(section('Cards', '| DECLINED | 402 | d | s |', '| NO_FUNDS | 402 | n | s |', '| EXPIRED | 402 | e | s |') + '\n' + section('Limits', '| TOO_MANY | 429 | t | s |'));
    t.edit('      - code: NO_FUNDS\n', '      # mine: a comment\n      - code: NO_FUNDS\n        description: kept\n');
    // NO_FUNDS moves to Limits, after TOO_MANY; EXPIRED under a new heading, whose group takes it.
    t.write(section('Cards', '| DECLINED | 402 | d | s |') + '\n' + section('Limits', '| TOO_MANY | 429 | t | s |', '| NO_FUNDS | 402 | n | s |') + '\n' + section('Cards expired', '| EXPIRED | 402 | e | s |'));
    expect(drift(t.dir)).toEqual([
      expect.stringMatching(/^NO_FUNDS is under the heading "Limits" in errors\.md:\d+, and in the group "Cards" in the catalog/),
      expect.stringMatching(/^EXPIRED is under the heading "Cards expired" in errors\.md:\d+, and in the group "Cards" in the catalog/),
    ]);
    expect(t.run().stdout).toContain('0 added, 2 changed, 2 unchanged.\n  moved NO_FUNDS to group "Limits"\n  moved EXPIRED to group "Cards expired"\n');
    expect(t.catalog()).toMatch(/- title: Limits\n {4}codes:\n {6}- code: TOO_MANY\n[^]*\n {6}# mine: a comment\n {6}- code: NO_FUNDS\n {8}description: kept\n[^]*- title: Cards expired\n {4}codes:\n {6}- code: EXPIRED\n/);
    expect(drift(t.dir)).toEqual([]);
    // A heading deleted, its last row moved under another: its group goes with it; an entry of your own
    // (no row on the page) keeps its group.
    t.edit('  - title: Cards expired\n', '  - title: Mine\n    codes:\n      - { code: OWN, status: 400, message: o, solution: s }\n  - title: Cards expired\n');
    t.write(section('Limits', '| TOO_MANY | 429 | t | s |', '| NO_FUNDS | 402 | n | s |', '| DECLINED | 402 | d | s |') + '\n' + section('Cards expired', '| EXPIRED | 402 | e | s |'));
    expect(drift(t.dir)).toEqual([expect.stringMatching(/^DECLINED is under the heading "Limits"/), expect.stringMatching(/^OWN is in the catalog .* but not in the Markdown sources/)]);
    expect(t.run().code).toBe(0);
    expect(t.catalog()).not.toContain('title: Cards\n');
    expect(t.catalog()).toContain('  - title: Mine\n    codes:\n      - { code: OWN, status: 400, message: o, solution: s }\n');
    // A table without a heading says nothing of groups: its rows' entries stay in theirs.
    const u = imported(page('| A | 400 | a | s |') + '\n## Other\n\n' + '| Code | Status | Message | Solution |\n|-|-|-|-|\n| B | 400 | b | s |\n');
    u.write('| Code | Status | Message | Solution |\n|-|-|-|-|\n| A | 400 | a | s |\n| B | 400 | b | s |\n');
    expect(drift(u.dir)).toEqual([]);
    expect(u.run().stdout).toContain('(file already up to date)');
  });

  it('moves no entry it should not, and check agrees: a code in two tables, a tombstone, a same-titled group, another page\'s entry', () => {
    const drift = (dir: string, source = 'errors.md') =>
      (JSON.parse(errgen(['check', '--catalog', 'errors.yaml', '--source', source, '--rule', 'duplicate-code=off', '--format', 'json'], { cwd: dir }).stdout) as { findings: Array<{ message: string }> }).findings.map((f) => f.message);
    const section = (title: string, ...rows: string[]) => page(...rows).replace('## Errors', `## ${title}`);
    // A code listed under two headings: deleting one row leaves the other's entry in its group, comments and all.
    const t = imported(section('Auth', '| A1 | 401 | a | s |', '| INTERNAL | 500 | Internal error | Retry |') + '\n' + section('Billing', '| B1 | 402 | b | s |', '| INTERNAL | 500 | Internal error | Retry |'));
    t.edit('      - code: B1\n        status: 402\n        message: b\n        solution: s\n      - code: INTERNAL\n', '      - code: B1\n        status: 402\n        message: b\n        solution: s\n      # billing\n      - code: INTERNAL\n        description: billing-specific\n');
    t.write(section('Auth', '| A1 | 401 | a | s |') + '\n' + section('Billing', '| B1 | 402 | b | s |', '| INTERNAL | 500 | Internal error | Retry |'));
    expect(drift(t.dir)).toEqual([expect.stringMatching(/^INTERNAL is in the catalog \(errors\.yaml:10\) but not in the Markdown sources/)]);
    expect(t.run().stdout).toContain('0 added, 0 changed, 3 unchanged, 1 missing from the Markdown (file already up to date).\n  kept INTERNAL (status 500, group "Auth")');
    expect(t.catalog()).toContain('      # billing\n      - code: INTERNAL\n        description: billing-specific\n');
    // A tombstone stays in its group; so does an entry in a second group of the same title.
    const u = imported(section('Auth', '| A | 401 | a | s |', '| GONE | 410 | g | s |'));
    u.edit('groups:\n', 'groups:\n  - title: Retired\n    codes:\n      # retired in v2\n      - { code: GONE, status: 410, message: g, solution: s, removed: true }\n  - title: Auth\n    codes:\n      - { code: B, status: 400, message: b, solution: s }\n');
    u.edit('      - code: GONE\n        status: 410\n        message: g\n        solution: s\n', '');
    u.write(section('Auth', '| A | 401 | a | s |', '| GONE | 410 | g | s |', '| B | 400 | b | s |'));
    expect(drift(u.dir).filter((m) => m.includes('is under the heading'))).toEqual([]);
    u.run();
    expect(u.catalog()).toContain('  - title: Retired\n    codes:\n      # retired in v2\n      - { code: GONE, status: 410, message: g, solution: s, removed: true }\n');
    expect(u.catalog()).toMatch(/ {2}- title: Auth\n {4}codes:\n {6}- \{ code: B, /);
    // A heading left with an empty table keeps its group (and the next import leaves the file as it is).
    const v = imported(section('Cards', '| C1 | 402 | c | s |') + '\n' + section('Limits', '| L1 | 429 | l | s |'));
    v.edit('  - title: Cards\n', '  - title: Cards\n    description: Card problems\n');
    v.write(section('Cards') + '\n' + section('Limits', '| L1 | 429 | l | s |', '| C1 | 402 | c | s |'));
    v.run();
    expect(v.catalog()).toContain('  - title: Cards\n    description: Card problems\n    codes: []\n');
    expect(v.run().stdout).toContain('(file already up to date)');
    // An entry of another page is that page's to place: importing this page alone moves nothing.
    const w = imported(section('Common', '| INTERNAL | 500 | i | s |'));
    writeFileSync(join(w.dir, 'b.md'), section('Payments', '| P1 | 402 | p | s |', '| INTERNAL | 500 | i | s |'));
    expect(errgen(['import', 'b.md', '-o', 'errors.yaml'], { cwd: w.dir }).stdout).toContain('1 added, 0 changed, 1 unchanged');
    // …nor renames its group after this page's heading.
    expect(w.catalog()).toMatch(/ {2}- title: Common\n {4}codes:\n {6}- code: INTERNAL\n[^]* {2}- title: Payments\n {4}codes:\n {6}- code: P1\n/);
  });

  it('names what it changed under the summary, ten at most, so that a hand edit it undid is seen', () => {
    const rows = (message: string) => Array.from({ length: 12 }, (_, i) => `| C${i} | 400 | ${message} | s |`);
    const t = imported(page(...rows('old')));
    t.edit('      - code: C0\n        status: 400\n        message: old\n', '      - code: C0\n        status: 400\n        message: edited by hand\n');
    t.write(page(...rows('old').slice(0, 1), ...rows('new').slice(1)));
    const lines = t.run().stdout.split('\n');
    expect(lines[0]).toBe('Imported 1 file, 1 table, 12 rows into errors.yaml: 0 added, 12 changed, 0 unchanged.');
    expect(lines.slice(1)).toEqual(['  changed C0: message', ...Array.from({ length: 9 }, (_, i) => `  changed C${i + 1}: message`), '  … and 2 more changed', '']);
    // So with what it added to the catalog.
    t.write(page(...rows('old').slice(0, 1), ...rows('new').slice(1), ...Array.from({ length: 11 }, (_, i) => `| D${i} | 400 | d | s |`)));
    const added = t.run().stdout.split('\n');
    expect(added.slice(1, 12)).toEqual([...Array.from({ length: 10 }, (_, i) => `  added D${i} (status 400, group "Errors")`), '  … and 1 more added']);
  });

  it('prunes a code that another table only mentions (a table of statuses), as it is not a row of that table', () => {
    const t = imported(page('| A | 400 | a | |', '| NOT_FOUND | 404 | n | |'));
    t.write('## Statuses\n\n| HTTP | gRPC |\n|-|-|\n| 404 | NOT_FOUND |\n\n' + page('| A | 400 | a | |'));
    const pruned = t.run('--prune');
    expect(pruned.stdout).toContain(', 1 pruned.\n  pruned NOT_FOUND (group "Errors"): it is no longer in the Markdown.\n');
    expect(t.catalog()).not.toContain('NOT_FOUND');
  });

  it('neither prunes nor calls missing a code the page has in a table it skipped, or in a row it could not read', () => {
    const skippedTable = '## Auth\n\n| HTTP | Error | Description | Resolution |\n|-|-|-|-|\n| 401 | TOKEN_EXPIRED | Expired | Log in |\n\n';
    const t = imported(page('| A | 400 | a | |'));
    // Read once with the headers named, then without them: the table is skipped.
    t.write(skippedTable + page('| A | 400 | a | |'));
    expect(t.run('--header', 'code=Error', '--header', 'status=HTTP').code).toBe(0);
    t.edit('      - code: TOKEN_EXPIRED\n', '      - code: TOKEN_EXPIRED\n        description: Written by hand.\n');
    const pruned = t.run('--prune');
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toBe(
      'Imported 1 file, 1 table, 1 row into errors.yaml: 0 added, 0 changed, 1 unchanged, 1 only in skipped tables (file already up to date).\n' +
        '  kept TOKEN_EXPIRED (group "Auth"): it is not in an error-code table, but in the table at errors.md:3:1, which was skipped; not pruned.\n' +
        '  skipped the table at errors.md:3:1: it has no error-code column (headers: "HTTP", "Error", "Description", "Resolution"). ' +
        'If it lists error codes, name its columns with --header (e.g. --header code=<its code header>) or under `headers` in errgen.config.yaml.\n',
    );
    expect(t.catalog()).toContain('description: Written by hand.');

    // check says where the code is instead of advising --prune; a row with a bad status is reported once, as itself.
    t.write(skippedTable + page('| A | 4xx | a | |'));
    const check = errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json'], { cwd: t.dir });
    const findings = (JSON.parse(check.stdout) as { findings: Array<{ rule: string; message: string; hint: string }> }).findings.filter((f) => f.rule === 'source-drift');
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^TOKEN_EXPIRED is in the catalog \(errors\.yaml:\d+\), and on the page only in the table at errors\.md:3, which is not read: it has no error-code column \(headers: "HTTP", "Error", "Description", "Resolution"\)$/),
      'status "4xx" of A is not an HTTP status (an integer from 100 to 599)',
    ]);
    expect(findings[0]?.hint).toContain('name its columns under `headers` in errgen.config.yaml');
    expect(JSON.stringify(findings)).not.toContain('--prune to remove');
    // So is a row with one cell too many or too few, its code in whichever cell (a stray `|` shifts it).
    const codeLast = (row: string) => '| Status | Message | Code |\n|-|-|-|\n' + row + '\n';
    for (const written of [page('| A | 400 | a | | extra |'), page('| A | 400 |'), codeLast('| 400 | a | b | A |')]) {
      t.write(skippedTable + written);
      const checked = errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json'], { cwd: t.dir });
      const said = (JSON.parse(checked.stdout) as { findings: Array<{ message: string }> }).findings.map((f) => f.message);
      expect(said.filter((m) => m.startsWith('A is in the catalog') || m.includes('cells but'))).toEqual([expect.stringMatching(/^this row has \d cells but the table header has [34]$/)]);
    }
  });

  it('keeps the rows of two tables under one heading in page order', () => {
    const table = (...rows: string[]) => ['| Code | Status | Message | Solution |', '|-|-|-|-|', ...rows, ''];
    const twoTables = (...second: string[]) => ['## Errors', '', ...table('| A | 400 | a | |'), ...table(...second)].join('\n');
    const t = imported(twoTables('| B | 500 | b | |', '| C | 500 | c | |'));
    const codes = () => [...t.catalog().matchAll(/- code: (\w+)/g)].map((m) => m[1]);
    expect(codes()).toEqual(['A', 'B', 'C']);
    t.write(twoTables('| B | 500 | b | |', '| B2 | 500 | b | |', '| C | 500 | c | |'));
    expect(t.run().code).toBe(0);
    expect(codes()).toEqual(['A', 'B', 'B2', 'C']);
  });

  it('gives a group the columns of every table under its heading, so docs print them all', () => {
    const t = imported(
      ['## Payments', '', '| Code | Status | Message | Retryable |', '|-|-|-|-|', '| A | 400 | a | yes |', '', '## Payments', '', '| Code | Status | Owner | Message |', '|-|-|-|-|', '| B | 402 | team | b |', ''].join('\n'),
    );
    expect(t.catalog()).toContain('    columns:\n      - code\n      - status\n      - message\n      - Retryable\n      - Owner\n');
    writeFileSync(join(t.dir, 'errgen.config.yaml'), 'catalog: errors.yaml\noutDir: out\ntargets:\n  docs:\n');
    expect(errgen(['generate'], { cwd: t.dir }).code).toBe(0);
    const docs = readFileSync(join(t.dir, 'out/docs/error-codes.md'), 'utf8');
    expect(docs).toContain('| Code | HTTP status | Message | Retryable | Owner |\n');
    expect(docs).toContain('A | 400 | a | yes |  |\n');
    expect(docs).toContain('B | 402 | b |  | team |\n');
    // The same heading on another page: importing one page keeps the other's extra column, whose values its entries keep.
    writeFileSync(join(t.dir, 'more.md'), ['## Payments', '', '| Code | Status | Message | Region |', '|-|-|-|-|', '| C | 402 | c | eu |', ''].join('\n'));
    expect(errgen(['import', 'more.md', '-o', 'errors.yaml'], { cwd: t.dir }).code).toBe(0);
    expect(t.catalog()).toContain('    columns:\n      - code\n      - status\n      - message\n      - Region\n      - Retryable\n      - Owner\n');
    // A column no entry has any more goes.
    t.write(['## Payments', '', '| Code | Status | Message | Retryable |', '|-|-|-|-|', '| A | 400 | a | yes |', '', '## Payments', '', '| Code | Status | Message |', '|-|-|-|', '| B | 402 | b |', ''].join('\n'));
    expect(t.run().code).toBe(0);
    expect(t.catalog()).toContain('    columns:\n      - code\n      - status\n      - message\n      - Retryable\n      - Region\n    codes:\n');
  });

  it('reports a row removed from the Markdown and keeps it; --prune deletes it', () => {
    const t = imported(page('| A | 400 | a | |', '| B | 400 | b | |'));
    t.write(page('| A | 400 | a | |'));
    const kept = t.run();
    expect(kept.stdout).toBe(
      'Imported 1 file, 1 table, 1 row into errors.yaml: 0 added, 0 changed, 1 unchanged, 1 missing from the Markdown (file already up to date).\n' +
        '  kept B (group "Errors"): it is no longer in the Markdown; run with --prune to delete it, or mark it `removed` to keep it reserved.\n',
    );
    expect(t.catalog()).toContain('- code: B');
    // B has no row in the Markdown any more: the sidecar has no place to point at for it, but keeps its
    // position, so that each later entry of a code is still its own line.
    expect(t.sources()).toEqual([
      { code: 'A', at: 'errors.md:5:3' },
      { code: 'B', at: null },
    ]);

    const pruned = t.run('--prune');
    expect(pruned.stdout).toBe(
      'Imported 1 file, 1 table, 1 row into errors.yaml: 0 added, 0 changed, 1 unchanged, 1 pruned.\n' +
        '  pruned B (group "Errors"): it is no longer in the Markdown.\n',
    );
    expect(t.catalog()).not.toContain('- code: B');
    expect(t.sources()).toEqual([{ code: 'A', at: 'errors.md:5:3' }]);
  });

  it('pairs the rows of a code listed several times with its entries by status, so a deleted row takes no other row\'s data', () => {
    const t = imported(page('| FP | 400 | Bad state | a |', '| B | 404 | b | |', '| FP | 409 | Sizes | b |'));
    t.edit('      - code: FP\n        status: 400\n', '      - code: FP\n        description: The 400 one.\n        status: 400\n');
    t.edit('      - code: FP\n        status: 409\n', '      - code: FP\n        description: The 409 one.\n        status: 409\n');
    // The 400 row is deleted: the 409 row stays on its own entry, and the 400 entry is the one missing.
    t.write(page('| B | 404 | b | |', '| FP | 409 | Sizes | b |'));
    const result = t.run();
    expect(result.stdout).toBe(
      'Imported 1 file, 1 table, 2 rows into errors.yaml: 0 added, 0 changed, 2 unchanged, 1 missing from the Markdown (file already up to date).\n' +
        '  kept FP (status 400, group "Errors"): it is no longer in the Markdown; run with --prune to delete it, or mark it `removed` to keep it reserved.\n',
    );
    expect(t.sources()).toEqual([
      { code: 'FP', at: null },
      { code: 'B', at: 'errors.md:5:3' },
      { code: 'FP', at: 'errors.md:6:3' },
    ]);
    const check = errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json', '--rule', 'duplicate-code=off'], { cwd: t.dir });
    const drift = (JSON.parse(check.stdout) as { findings: Array<{ rule: string; line: number; message: string }> }).findings.filter((f) => f.rule === 'source-drift');
    expect(drift.map((f) => f.message)).toEqual([expect.stringMatching(/^FP is in the catalog \(errors\.yaml:\d+\) but not in the Markdown sources$/)]);
    t.run('--prune');
    expect(t.catalog()).toContain('      - code: FP\n        description: The 409 one.\n        status: 409\n        message: Sizes\n');
    expect(t.catalog()).not.toContain('The 400 one.');

    // A row added before it is a new entry; the 409 row keeps its own.
    t.write(page('| B | 404 | b | |', '| FP | 400 | Back | a |', '| FP | 409 | Sizes | b |'));
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 3 rows into errors.yaml: 1 added, 0 changed, 2 unchanged.\n  added FP (status 400, group "Errors")\n');
    t.edit('      - code: FP\n        status: 400\n', '      - code: FP\n        description: Back again.\n        status: 400\n');
    // A row whose status changed on the page keeps its entry, as a code listed once does.
    t.write(page('| B | 404 | b | |', '| FP | 401 | Back | a |', '| FP | 409 | Sizes | b |'));
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 3 rows into errors.yaml: 0 added, 1 changed, 2 unchanged.\n  changed FP: status\n');
    expect(t.catalog()).toContain('      - code: FP\n        description: Back again.\n        status: 401\n        message: Back\n');
    expect(t.catalog()).toContain('      - code: FP\n        description: The 409 one.\n        status: 409\n        message: Sizes\n');
  });

  it('--prune drops a group it empties (the example group of `errgen init`), and keeps an empty group of your own', () => {
    const t = imported(page('| A | 400 | a | |'));
    t.edit('groups:\n', 'groups:\n  - title: General\n    codes:\n      - code: EXAMPLE\n        status: 400\n        message: e\n        solution: ""\n  - title: Mine\n    codes: []\n');
    expect(t.run('--prune').stdout).toContain('pruned EXAMPLE (group "General")');
    expect([...t.catalog().matchAll(/- title: (\w+)/g)].map((m) => m[1])).toEqual(['Mine', 'Errors']);
  });

  it('keeps the flow style the catalog is written in when a row changes: [de], not [ de ]', () => {
    const t = imported(page('| A | 400 | a | |', '| B | 400 | b | |'));
    t.edit('      - code: A\n', '      - code: A\n        aliases: [OLD_A]\n        names: {go: CodeA}\n');
    t.write(page('| A | 400 | a changed | |', '| B | 400 | b | |'));
    expect(t.run().stdout).toContain('1 changed');
    expect(t.catalog()).toContain('      - code: A\n        aliases: [OLD_A]\n        names: {go: CodeA}\n        status: 400\n        message: a changed\n');
  });

  it("keeps a group's title when the table has no heading to take one from, and follows a renamed heading", () => {
    const bare = (...rows: string[]) => ['| Code | Status | Message | Solution |', '|-|-|-|-|', ...rows].join('\n') + '\n';
    const t = imported(bare('| A | 400 | m | s |'));
    // Titled after the file, then given a title of your own in the catalog.
    expect(t.catalog()).toContain('  - title: errors\n');
    t.edit('  - title: errors\n', '  - title: General\n');
    t.write(bare('| A | 400 | m2 | s |', '| B | 400 | n | s |'));
    expect(t.run().code).toBe(0);
    expect(t.catalog()).toContain('  - title: General\n    codes:\n      - code: A\n        status: 400\n        message: m2\n');
    expect(t.catalog()).not.toContain('title: errors');
    expect(t.catalog()).toContain('      - code: B\n');
    // A heading is the page's own title: renaming it renames the group.
    t.write(['## Payment errors', '', bare('| A | 400 | m2 | s |', '| B | 400 | n | s |')].join('\n'));
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 2 rows into errors.yaml: 0 added, 0 changed, 2 unchanged.\n  renamed group "General" to "Payment errors", as its heading now reads\n');
    expect(t.catalog()).toContain('  - title: Payment errors\n');
    expect(t.catalog()).not.toContain('title: General');
  });

  it('writes text that replaces an empty string as yaml would write it, not in the quotes the empty one needed', () => {
    const t = imported(page('| A | 400 | m | |', '| B | 400 | p | kept |'));
    expect(t.catalog()).toContain('        message: m\n        solution: ""\n');
    t.edit('        message: p\n        solution: kept\n', '        message: p\n        solution: "kept"\n');
    t.write(page('| A | 400 | m | now given |', '| B | 400 | p | still |'));
    expect(t.run().code).toBe(0);
    expect(t.catalog()).toContain('        message: m\n        solution: now given\n');
    // Quotes someone chose are kept for the new text.
    expect(t.catalog()).toContain('        message: p\n        solution: "still"\n');
  });

  it('says why it wrote the file when no row changed: a group took other columns', () => {
    const t = imported(['## Errors', '', '| Code | Status | Message | Solution | Owner |', '|-|-|-|-|-|', '| A | 400 | m | s | me |'].join('\n') + '\n');
    t.write(page('| A | 400 | m | s |'));
    const result = t.run();
    expect(result.stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml: 0 added, 0 changed, 1 unchanged, groups updated (titles or columns).\n');
    // The Owner the page no longer has stays in the catalog, as every field not from the page does.
    expect(t.catalog()).toContain('          Owner: me\n');
    expect(t.catalog()).not.toContain('columns:');
    expect(t.run().stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml: 0 added, 0 changed, 1 unchanged (file already up to date).\n');
  });

  it('says when a code it added looks like a missing one renamed, one to one, and how to keep what the catalog adds', () => {
    const t = imported(page('| A | 400 | a | |', '| NOT_FOUND | 404 | The {id} is gone | Check the id |', '| X | 409 | same | |', '| Y | 409 | same | |'));
    t.edit('      - code: NOT_FOUND\n', '      - code: NOT_FOUND\n        description: Written by hand.\n');
    // The page writes the placeholder as its name, as it may; X and Y share their text, so their renames are not told apart.
    t.write(page('| A | 400 | a | |', '| RESOURCE_NOT_FOUND | 404 | The id is gone | Check the id |', '| X2 | 409 | same | |', '| Y2 | 409 | same | |'));
    const hint = (pruned: boolean) =>
      ` RESOURCE_NOT_FOUND, added, has its status and message: if it was renamed, ${pruned ? 'what the catalog added to NOT_FOUND (description, params, translations) went with it; carry it over from version control.' : "give NOT_FOUND's entry `code: RESOURCE_NOT_FOUND` (NOT_FOUND under `aliases`) and delete the added one, so that what the catalog adds to it stays."}`;
    const kept = t.run().stdout.split('\n');
    expect(kept).toContain(`  kept NOT_FOUND (group "Errors"): it is no longer in the Markdown; run with --prune to delete it, or mark it \`removed\` to keep it reserved.${hint(false)}`);
    expect(kept.filter((line) => line.startsWith('  kept X') || line.startsWith('  kept Y')).every((line) => line.endsWith('to keep it reserved.'))).toBe(true);
    expect(kept).toContain('  added RESOURCE_NOT_FOUND (status 404, group "Errors")');
    // Done as it says, the next import changes nothing of it, and --prune leaves it.
    const catalog = t.catalog().replace(/\n {6}- code: RESOURCE_NOT_FOUND\n(?: {8}.*\n)+/, '\n').replace('      - code: NOT_FOUND\n', '      - code: RESOURCE_NOT_FOUND\n        aliases: [NOT_FOUND]\n');
    writeFileSync(join(t.dir, 'errors.yaml'), catalog);
    expect(t.run('--prune').stdout).not.toContain('RESOURCE_NOT_FOUND');
    expect(t.catalog()).toContain('      - code: RESOURCE_NOT_FOUND\n        aliases: [NOT_FOUND]\n        description: Written by hand.\n');
    // With --prune in the same run, the entry goes, and the summary says what went with it.
    const u = imported(page('| NOT_FOUND | 404 | The {id} is gone | |'));
    u.write(page('| RESOURCE_NOT_FOUND | 404 | The {id} is gone | |'));
    expect(u.run('--prune').stdout).toContain(`  pruned NOT_FOUND (group "Errors"): it is no longer in the Markdown.${hint(true)}\n`);
    // A code listed twice that lost one row was not renamed.
    const v = imported(page('| FP | 400 | a | |', '| FP | 409 | b | |'));
    v.write(page('| FP | 400 | a | |', '| NEW | 409 | b | |'));
    expect(v.run().stdout).not.toContain('has its status and message');
  });

  it('never reports or prunes a tombstone', () => {
    const t = imported(page('| A | 400 | a | |', '| OLD | 400 | old | |'));
    t.edit('      - code: OLD\n', '      - code: OLD\n        removed: { since: "2.0" }\n');
    t.write(page('| A | 400 | a | |'));
    const result = t.run('--prune');
    expect(result.stdout).toBe('Imported 1 file, 1 table, 1 row into errors.yaml: 0 added, 0 changed, 1 unchanged (file already up to date).\n');
    expect(t.catalog()).toContain('- code: OLD\n        removed: { since: "2.0" }\n');
    // A live entry beside a tombstone of its code is the code's only one: no status is needed to tell which.
    t.edit('groups:\n', 'groups:\n  - title: Gone\n    codes:\n      - { code: A, status: 410, message: g, solution: "", removed: true }\n');
    t.write(page('| B | 400 | b | |'));
    expect(t.run().stdout).toContain('  kept A (group "Errors"): it is no longer in the Markdown;');
  });
});
