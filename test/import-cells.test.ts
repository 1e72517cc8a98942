import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../src/catalog/model.js';
import { parseCatalog } from '../src/catalog/read.js';
import { errgen, tempDir } from './helpers/cli.js';

/** Writes the files into a fresh folder, runs `errgen import` there and returns the result and catalog. */
async function importFiles(files: Record<string, string>, args: readonly string[]) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = errgen(['import', ...args, '-o', 'errors.yaml'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const catalog: Catalog = (await parseCatalog(readFileSync(join(dir, 'errors.yaml'), 'utf8'), 'errors.yaml')).value;
  return { result, catalog };
}

const table = (header: string, ...rows: string[]) => [header, header.replace(/[^|]+/g, ' --- '), ...rows].join('\n') + '\n';

/** Imports one page as errors.md, whatever the outcome: the result, and the codes of the catalog written (none if it was not). */
function importPage(markdown: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'errors.md'), markdown);
  const result = errgen(['import', 'errors.md', '-o', 'errors.yaml'], { cwd: dir });
  const codes = () => [...readFileSync(join(dir, 'errors.yaml'), 'utf8').matchAll(/- code: (\S+)/g)].map((m) => m[1]);
  return { result, codes, dir };
}

describe('errgen import: odd cells', () => {
  it('reads markup as its text, decodes escapes and entities, trims layout spaces, keeps non-ASCII', async () => {
    const md =
      '# Errors\n\n' +
      table(
        '| Error Code | HTTP Status | Error Information | Solution |',
        '| `INLINE_CODE` | 400 | use `x-api-key` header | *see* **docs** |',
        '|    PADDED    |   400   |    spaced out    |     |',
        '| LINKED | 400 | see [the guide](https://example.com/guide) and ![an icon](i.png) | ~~old~~ new |',
        '| PIPES | 400 | a \\| b \\|\\| c | one<br>two <br/> three |',
        '| ENTITIES | 400 | &amp; &lt;tag&gt; &#x41;&#66; &quot;q&quot; | 1&nbsp;000 |',
        '| UNICODE | 404 | 资源不存在 — ünïcödé 🚀 | 请检查访问信息 |',
        '| <a id="anchored"></a> ANCHORED | 400 | x <!-- a note --> y | <span>wrapped</span> |',
      );
    const { catalog } = await importFiles({ 'errors.md': md }, ['errors.md']);
    expect(catalog.groups).toEqual([
      {
        title: 'Errors',
        codes: [
          { code: 'INLINE_CODE', status: 400, message: 'use x-api-key header', solution: 'see docs' },
          { code: 'PADDED', status: 400, message: 'spaced out', solution: '' },
          { code: 'LINKED', status: 400, message: 'see the guide and an icon', solution: 'old new' },
          { code: 'PIPES', status: 400, message: 'a | b || c', solution: 'one\ntwo\nthree' },
          { code: 'ENTITIES', status: 400, message: '& <tag> AB "q"', solution: '1\u00a0000' },
          { code: 'UNICODE', status: 404, message: '资源不存在 — ünïcödé 🚀', solution: '请检查访问信息' },
          { code: 'ANCHORED', status: 400, message: 'x  y', solution: 'wrapped' },
        ],
      },
    ]);
  });

  it('reads a status with its reason phrase', async () => {
    const md = table(
      '| Code | Status |',
      '| A | 404 Not Found |',
      '| B | 404 NotFound |',
      '| C | 503 - Service Unavailable |',
      '| D | 400 (Bad Request) |',
      '| E | 429 Rate Limited |',
      '| F | 499 Client Closed Request |',
    );
    const { catalog } = await importFiles({ 'errors.md': md }, ['errors.md']);
    // A phrase of the API's own (Rate Limited) or nginx's (499) is kept as the page's business.
    expect(catalog.groups[0]?.codes.map((c) => c.status)).toEqual([404, 404, 503, 400, 429, 499]);
  });
});

describe('errgen import: a code cell Markdown reads otherwise', () => {
  it('warns when underscores around part of a code were read as emphasis, not when the code is bold or in backticks', () => {
    const { result, codes } = importPage(table('| Code | Status | Message |', '| __proto__ | 400 | m |', '| **BOLD_OK** | 400 | _em_ |', '| `__init__` | 400 | m |', '| \\_\\_esc\\_\\_ | 400 | m |'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'errors.md:3:3: warning: the code reads as "proto": Markdown takes the underscores around part of it as emphasis. ' +
        'If they are part of the code, write the code in backticks, e.g. `__proto__`, or escape them, e.g. \\_\\_proto\\_\\_.\n',
    );
    expect(codes()).toEqual(['proto', 'BOLD_OK', '__init__', '__esc__']);
  });
});

describe('errgen import: a tag no HTML element has', () => {
  it('keeps it as text, and warns at it that the page does not show it; HTML elements\' tags stay markup', () => {
    const { result } = importPage(
      table(
        '| Code | Status | Message | Solution |',
        '| TOKEN_BAD | 401 | Header must be Bearer <token> | Send Bearer <your-token> |',
        '| LIST_BAD | 400 | Value must be a List<String> | Use <b>JSON</b> or `<x>` or &lt;y> |',
      ),
    );
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual(
      [['3:43', '<token>'], ['3:65', '<your-token>'], ['4:40', '<String>']].map(
        ([at, tag]) => `errors.md:${at}: warning: ${tag} is read as text (a tag never ended, without attributes), but Markdown renderers take it for HTML and hide it: the page does not show it. Write it in backticks, \`${tag}\`, or with &lt; for its <, so that the page shows it too; errgen reads it the same way.`,
      ),
    );
  });

  it('reads it into the catalog as written, whatever its name; markup by its shape is dropped', async () => {
    const md = table(
      '| Code | Status | Message | Solution |',
      '| TOKEN_BAD | 401 | Bearer <token>, not <i>that</i>; after <time> s | <Badge text="beta" /> <Foo-Bar>x</Foo-Bar> <copy-button></copy-button> |',
      '| LISTS | 400 | Expected List<Object> | <span class="x">y</span> <img src="i.png"> z </token> |',
    );
    const { result, dir } = importPage(md);
    // A start tag never ended and without attributes is text, an HTML element's name (`time`) too; an end tag nothing started too.
    expect(result.stderr.match(/warning: \S+/g)).toEqual(['warning: <token>', 'warning: <time>', 'warning: <Object>', 'warning: </token>']);
    const catalog = (await parseCatalog(readFileSync(join(dir, 'errors.yaml'), 'utf8'), 'errors.yaml')).value;
    expect(catalog.groups[0]?.codes).toEqual([
      { code: 'TOKEN_BAD', status: 401, message: 'Bearer <token>, not that; after <time> s', solution: 'x' },
      { code: 'LISTS', status: 400, message: 'Expected List<Object>', solution: 'y  z </token>' },
    ]);
  });

  it('in a heading, keeps it in the group title and warns once, however many tables are under it', () => {
    const rows = (code: string) => table('| Code | Status | Message | Solution |', `| ${code} | 400 | m | s |`);
    const md = `## Limits <token> <span class="x">new</span>\n\n${rows('A')}\n${rows('B')}\n## Auth <Badge />\n\n${rows('C')}`;
    const { result, dir } = importPage(md);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/errors\.md:\d+:\d+: warning: \S+/g)).toEqual(['errors.md:1:11: warning: <token>']);
    expect(readFileSync(join(dir, 'errors.yaml'), 'utf8').match(/title: .*/g)).toEqual(['title: Limits <token> new', 'title: Auth']);
    const checked = errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(checked.stdout) as { findings: Array<{ line: number; column: number; message: string }> }).findings.map((f) => [f.line, f.column, f.message.slice(0, 7)])).toEqual([[1, 11, '<token>']]);
  });
});

describe('errgen import: a placeholder in another template syntax', () => {
  it('warns that {{name}} is literal text and that ${name} keeps its $, at the cell', () => {
    const { result, codes } = importPage(table('| Code | Status | Message | Solution |', '| A | 404 | Order {{order_id}} not found | Costs ${amount} |', '| B | 400 | Literal {{{x}}} and {y} | ok |'));
    expect(result.code).toBe(0);
    const said = [
      'errors.md:3:13: warning: the message of A has {{order_id}}, which reads as the text {order_id}, not a placeholder: {{ and }} are literal braces. For a placeholder, write {order_id}. [foreign-placeholder]\n',
      'errors.md:3:44: warning: the solution of A has ${amount}: the placeholder is {amount}, and the $ before it stays in the text. Write {amount} alone; if the text means a $ before the value, set the rule foreign-placeholder to off. [foreign-placeholder]\n',
    ];
    expect(result.stderr).toBe(said.join(''));
    expect(codes()).toEqual(['A', 'B']);
  });

  it('is said by check too, at its setting, and the rule off silences both commands', () => {
    const { dir } = importPage(table('| Code | Status | Message | Solution |', '| A | 404 | Order {{order_id}} not found | Costs ${amount} |', '| B | 400 | Stray { brace | x |'));
    const check = (...flags: string[]) => errgen(['check', '--catalog', 'errors.yaml', '--source', 'errors.md', '--format', 'json', ...flags], { cwd: dir });
    const findings = (result: { stdout: string }) => (JSON.parse(result.stdout) as { findings: Array<{ rule: string; severity: string; line: number; column: number }> }).findings;
    const stray = ['placeholder-syntax', 'warning', 12, 24]; // in the catalog, where check lints it (set to warn below), listed first
    const config = (rules: Record<string, string>) =>
      writeFileSync(join(dir, 'errgen.config.yaml'), `sources: [errors.md]\ncatalog: errors.yaml\nlint:\n  rules: ${JSON.stringify({ 'placeholder-syntax': 'warn', ...rules })}\n`);
    config({});
    const warned = check();
    expect(warned.code).toBe(0);
    expect(findings(warned).map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      stray,
      ['foreign-placeholder', 'warning', 3, 13],
      ['foreign-placeholder', 'warning', 3, 44],
    ]);
    const failed = check('--rule', 'foreign-placeholder=error');
    expect(failed.code).toBe(1);
    expect(findings(failed).map((f) => f.severity)).toEqual(['warning', 'error', 'error']);
    const imported = () => errgen(['import'], { cwd: dir }).stderr.match(/\[[a-z-]+\]$/gm);
    expect(imported()).toEqual(['[foreign-placeholder]', '[foreign-placeholder]', '[placeholder-syntax]']);
    // Each rule off silences its own warnings only, in both commands.
    config({ 'foreign-placeholder': 'off' });
    expect(findings(check()).map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([stray]);
    expect(imported()).toEqual(['[placeholder-syntax]']);
    config({ 'placeholder-syntax': 'off' });
    expect(findings(check()).map((f) => f.rule)).toEqual(['foreign-placeholder', 'foreign-placeholder']);
    expect(imported()).toEqual(['[foreign-placeholder]', '[foreign-placeholder]']);
  });
});

describe('errgen import: a struck-through code', () => {
  it('is read as a live code, with a warning that says how to retire it', () => {
    const { result, codes } = importPage(
      table('| Code | Status | Message | Solution |', '| ~~OLD_CODE~~ | 404 | Gone | x |', '| NEW | 400 | ~~old~~ new | y |', '| **~~OLD_B~~** | 410 | Gone | x |', '| <del>OLD_C</del> | 410 | Gone | x |', '| <S class="x">OLD_D</S> | 410 | <strike>old</strike> | x |', '| <sub>SUB</sub> | 400 | <span>s</span> | x |', '| NEW_E <del /> | 400 | e | x |'),
    );
    expect(result.code).toBe(0);
    const hint = 'To retire it, say so in the catalog: `deprecated: { since: …, replacement: … }` while the API still sends it; once it does not, `removed: true` (a tombstone, so it is never reused) and delete its row.';
    expect(result.stderr).toBe(
      `errors.md:3:3: warning: the code cell of OLD_CODE has struck-through text: errgen reads it as plain text, so OLD_CODE is a live code. ${hint}\n` +
        `errors.md:5:3: warning: the code cell of OLD_B has struck-through text: errgen reads it as plain text, so OLD_B is a live code. ${hint}\n` +
        `errors.md:6:3: warning: the code cell of OLD_C has struck-through text: errgen reads it as plain text, so OLD_C is a live code. ${hint}\n` +
        `errors.md:7:3: warning: the code cell of OLD_D has struck-through text: errgen reads it as plain text, so OLD_D is a live code. ${hint}\n`,
    );
    expect(codes()).toEqual(['OLD_CODE', 'NEW', 'OLD_B', 'OLD_C', 'OLD_D', 'SUB', 'NEW_E']);
    // A start tag never ended is text (`<s>` here, warned of as such), not a strikethrough.
    const unended = importPage(table('| Code | Status | Message | Solution |', '| <s>KEEP | 400 | k | x |'));
    expect(unended.result.stderr).toMatch(/^errors\.md:3:3: warning: <s> is read as text [^\n]*\n$/);
  });
});

describe('errgen import: a section title inside a table', () => {
  it('says what a row with text only in its code cell is, and how to write it', () => {
    const { result } = importPage(table('| Code | Status | Message |', '| **Auth** | | |', '| A | 400 | m |') + '\n' + table('| Code | Status |', '| B | |'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errors.md:3:3: error: this row has text only in its code cell ("Auth"): a section title inside a table is not read. ' +
        'Put it above the table as a heading (## Auth), which names the group of the rows below it, and start a new table there; if it is a code, fill in its status.\n' +
        // With only a code and a status column, an empty status is just that.
        'errors.md:8:5: error: status "" of B is not an HTTP status (an integer from 100 to 599). Write the status as a number, optionally followed by its reason phrase, e.g. `404` or `404 Not Found`.\n' +
        'errgen: import failed with 2 problems; errors.yaml was not changed\n',
    );
  });
});

describe('errgen import: what looks like a table but is not one', () => {
  it('warns of pipe lines no table holds and of HTML tables, not of tables in code blocks or lists', () => {
    const md = [
      '## E', '', '| Code | Status |', '| NODELIM | 400 |', '', '<table><tr><td>A</td></tr></table>', '',
      '```', '| Code | Status |', '| IN_CODE | 1 |', '```', '',
      '<!-- put away:', '| Code | Status |', '|-|-|', '| IN_COMMENT | 400 |', '<table>', '-->', '',
      '| Code | Status |', '|-|-|', '| OK | 400 |', '', '- item', '', '  | Code | Status |', '  |-|-|', '  | IN_LIST | 404 |', '',
    ].join('\n');
    const { result, codes } = importPage(md);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'errors.md:3:1: warning: these lines look like a table but Markdown does not read one here, so their rows are not imported. Put a delimiter row (| --- | --- |) under the header row, and a blank line before the table.\n' +
        'errors.md:6:1: warning: an HTML table is not read, so its rows are not imported. Write an error-code table as a Markdown table.\n',
    );
    expect(codes()).toEqual(['OK', 'IN_LIST']);
  });
});

describe('errgen import: table shapes', () => {
  it('knows header synonyms in any order and case, and records a non-default column order', async () => {
    const md = '## Mixed\n\n' + table('| RESOLUTION | description | Code | status |', '| retry | busy | BUSY | 503 |');
    const { catalog } = await importFiles({ 'errors.md': md }, ['errors.md']);
    expect(catalog.groups).toEqual([
      { title: 'Mixed', columns: ['solution', 'message', 'code', 'status'], codes: [{ code: 'BUSY', status: 503, message: 'busy', solution: 'retry' }] },
    ]);
  });

  it('reads the field\'s own name before a synonym when two headers name one field, and says so at the other', async () => {
    const md = table('| Code | Status | Description | Message | Solution |', '| A | 404 | internal note | Not found | Look |');
    const { result, dir } = importPage(md);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'errors.md:1:19: warning: "Description" could be the message column too: errgen reads "Message" (column 4) as the message, and this column is kept under `fields`, by its header. ' +
        'To read this column as the message, map its header: `--header "message=Description"`, or under `headers.message` in errgen.config.yaml. Or rename one of the two headers.\n',
    );
    const catalog = (await parseCatalog(readFileSync(join(dir, 'errors.yaml'), 'utf8'), 'errors.yaml')).value;
    expect(catalog.groups[0]?.codes).toEqual([{ code: 'A', status: 404, message: 'Not found', solution: 'Look', fields: { Description: 'internal note' } }]);
  });

  it('reads a header mapped with --header before every built-in name, of any field, without a warning', async () => {
    // "Status" is the built-in name, "Action" a built-in solution: the mapped names win.
    const md = table('| Error Code | Status | HTTP Status | Message | Action |', '| A | Active | 404 | Not found | internal |');
    const { catalog, result } = await importFiles({ 'errors.md': md }, ['errors.md', '--header', 'status=HTTP Status', '--header', 'solution=Message', '--header', 'message=Action']);
    expect(result.stderr).toBe('');
    expect(catalog.groups[0]?.codes).toEqual([{ code: 'A', status: 404, message: 'internal', solution: 'Not found', fields: { Status: 'Active' } }]);
  });

  it('reads --header names before the config\'s, and warns when a config name chose between two columns', () => {
    const run = (config: string, header: string, args: string[]) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'errgen.config.yaml'), config);
      writeFileSync(join(dir, 'p.md'), table(header, '| A | 400 | first | second |'));
      const result = errgen(['import', 'p.md', '-o', 'e.yaml', ...args], { cwd: dir });
      expect(result.code).toBe(0);
      const text = readFileSync(join(dir, 'e.yaml'), 'utf8');
      return { stderr: result.stderr, message: /\n {8}message: (.*)\n/.exec(text)?.[1], solution: /\n {8}solution: (.*)\n/.exec(text)?.[1] };
    };
    // The same field: the flag's name wins, silently (this run's choice).
    expect(run('headers:\n  message: [Summary]\n', '| Code | Status | Details | Summary |', ['--header', 'message=Details'])).toEqual({ stderr: '', message: 'first', solution: '""' });
    // Another field: the flag's name is read for it, not as the config's message.
    expect(run('headers:\n  message: [Notes]\n', '| Code | Status | Message | Notes |', ['--header', 'solution=Notes'])).toEqual({ stderr: '', message: 'first', solution: 'second' });
    // A config name serves every page: where it chose over the built-in Message, a warning says so.
    const configChose = run('headers:\n  message: [Details]\n', '| Code | Status | Message | Details |', []);
    expect(configChose.message).toBe('second');
    expect(configChose.stderr).toMatch(/^p\.md:1:19: warning: "Message" could be the message column too: errgen reads "Details" \(column 4\) as the message/);
  });

  it('says to rename one of two columns with one header, as no header name can choose between them', () => {
    const { result } = importPage(table('| Code | Status | Status | Message |', '| A | 400 | Active | m |'));
    expect(result.stderr).toContain('warning: "Status" could be the status column too: errgen reads "Status" (column 2) as the status, and this column is kept under `fields`, by its header. Rename one of the two headers.\n');
  });

  it('knows the Chinese headers', async () => {
    const md = '## 通用错误码\n\n' + table('| 错误码 | HTTP状态码 | 错误信息 | 解决方案 |', '| NOT_FOUND | 404 | 资源不存在 | 请检查访问信息 |');
    const { catalog } = await importFiles({ 'errors.md': md }, ['errors.md']);
    expect(catalog.groups).toEqual([
      { title: '通用错误码', codes: [{ code: 'NOT_FOUND', status: 404, message: '资源不存在', solution: '请检查访问信息' }] },
    ]);
  });

  it('titles groups from headings at any level without their numbering, else from the file name', async () => {
    const md =
      table('| Code | Status |', '| FIRST | 400 |') +
      '\n###### Table 2. Deep Errors\n\n' +
      table('| Code | Status |', '| SECOND | 400 |') +
      '\n# 3.1 Numbered Errors\n\n' +
      table('| Code | Status |', '| THIRD | 400 |') +
      '\nSetext <a id="x"></a>Errors\n---\n\n' +
      table('| Code | Status |', '| FOURTH | 400 |');
    const { catalog } = await importFiles({ 'api-errors.md': md }, ['api-errors.md']);
    expect(catalog.groups.map((g) => [g.title, g.codes.map((c) => c.code)])).toEqual([
      ['api-errors', ['FIRST']],
      ['Deep Errors', ['SECOND']],
      ['Numbered Errors', ['THIRD']],
      ['Setext Errors', ['FOURTH']],
    ]);
  });

  it('skips YAML and TOML front matter, and a heading id after the title', async () => {
    const yamlPage = '---\ntitle: Error codes\nsidebar_position: 3\n---\n\n' + table('| Code | Status |', '| FIRST | 400 |') + '\n## Auth errors {#auth}\n\n' + table('| Code | Status |', '| SECOND | 401 |');
    const tomlPage = '+++\ntitle = "Error codes"\n+++\n\n## 2. Limits {#limits .unnumbered}\n\n' + table('| Code | Status |', '| THIRD | 429 |');
    const { catalog } = await importFiles({ 'docs-page.md': yamlPage, 'hugo-page.md': tomlPage }, ['docs-page.md', 'hugo-page.md']);
    expect(catalog.groups.map((g) => [g.title, g.codes.map((c) => c.code)])).toEqual([
      ['docs-page', ['FIRST']],
      ['Auth errors', ['SECOND']],
      ['Limits', ['THIRD']],
    ]);
  });

  it('reads a page that starts with a rule and has another further down: what lies between is no front matter', async () => {
    const md = '---\n\n' + table('| Code | Status |', '| RULED | 400 |') + '\n---\n\nMore text.\n';
    const { catalog } = await importFiles({ 'ruled.md': md }, ['ruled.md']);
    expect(catalog.groups.map((g) => g.codes.map((c) => c.code))).toEqual([['RULED']]);
  });

  it('skips tables without a code column and lists them in the summary', async () => {
    const md = '## Limits\n\n' + table('| Name | Value |', '| rate | 10/s |') + '\n## Errors\n\n' + table('| Code | Status |', '| A | 400 |');
    const { result, catalog } = await importFiles({ 'errors.md': md }, ['errors.md']);
    expect(result.stdout).toBe(
      'Imported 1 file, 1 table, 1 row into errors.yaml: 1 added, 0 changed, 0 unchanged.\n' +
        '  skipped the table at errors.md:3:1: it has no error-code column (headers: "Name", "Value"). ' +
          'If it lists error codes, name its columns with --header (e.g. --header code=<its code header>) or under `headers` in errgen.config.yaml.\n',
    );
    expect(catalog.groups.map((g) => g.title)).toEqual(['Errors']);
  });

  it('keeps extra columns under fields and records the columns', async () => {
    const md = '## Errors\n\n' + table('| Code | Since | Status | Message | Solution | Owner |', '| A | v2 | 400 | m | s | team-a |');
    const { catalog } = await importFiles({ 'errors.md': md }, ['errors.md']);
    expect(catalog.groups).toEqual([
      {
        title: 'Errors',
        columns: ['code', 'Since', 'status', 'message', 'solution', 'Owner'],
        codes: [{ code: 'A', status: 400, message: 'm', solution: 's', fields: { Since: 'v2', Owner: 'team-a' } }],
      },
    ]);
  });

  it('reads other header names mapped under `headers` in errgen.config.yaml, and its sources', async () => {
    const config = 'sources: [fehler.md]\nheaders:\n  code: [Kennung]\n  status: [HTTP-Code]\n  message: [Meldung]\n  solution: [Abhilfe]\n';
    const md = '## Fehler\n\n' + table('| Kennung | HTTP-Code | Meldung | Abhilfe |', '| NICHT_GEFUNDEN | 404 | Nicht gefunden | Pfad prüfen |');
    const { catalog } = await importFiles({ 'errgen.config.yaml': config, 'fehler.md': md }, []);
    expect(catalog.groups).toEqual([
      { title: 'Fehler', codes: [{ code: 'NICHT_GEFUNDEN', status: 404, message: 'Nicht gefunden', solution: 'Pfad prüfen' }] },
    ]);
  });
});
