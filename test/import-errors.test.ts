import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, tempDir } from './helpers/cli.js';

const catalogText = '# Kept as written.\ngroups:\n  - title: Errors\n    codes:\n      - code: KEEP\n        status: 400\n        message: m\n        solution: ""\n';

/**
 * Runs `errgen import` in a folder holding `files` and an existing errors.yaml, and checks what every
 * failure must do: no stack trace, the catalog byte-for-byte untouched, no temporary file left behind.
 */
function failingImport(files: Record<string, string>, args: readonly string[], catalog = catalogText) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'errors.yaml'), catalog);
  const result = errgen(['import', ...args], { cwd: dir });
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
  expect(readFileSync(join(dir, 'errors.yaml'), 'utf8')).toBe(catalog);
  expect(readdirSync(dir).sort()).toEqual([...Object.keys(files), 'errors.yaml'].sort());
  return { ...result, dir };
}

const table = (...rows: string[]) => ['## Errors', '', '| Code | Status | Message | Solution |', '|-|-|-|-|', ...rows].join('\n') + '\n';

describe('errgen import refuses bad Markdown, saying where and how to fix it', () => {
  it.each([
    ['a letter O for a zero', '4O4'],
    ['too small', '99'],
    ['too large', '600'],
    ['a word', 'Not Found'],
  ])('status not an integer from 100 to 599: %s', (_name, status) => {
    const result = failingImport({ 'errors.md': table(`| A | ${status} | m | s |`) }, ['errors.md', '-o', 'errors.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `errors.md:5:7: error: status "${status}" of A is not an HTTP status (an integer from 100 to 599). ` +
        'Write the status as a number, optionally followed by its reason phrase, e.g. `404` or `404 Not Found`.\n' +
        'errgen: import failed with 1 problem; errors.yaml was not changed\n',
    );
  });

  it('refuses a status cell that names two statuses, saying which and how to fix it', () => {
    const result = failingImport({ 'errors.md': table('| A | 500 Not Found | m | s |', '| B | 404 / 410 | m | s |') }, ['errors.md', '-o', 'errors.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errors.md:5:7: error: status "500 Not Found" of A names two statuses: 500, and Not Found, which is 404. ' +
        'Fix the number or the phrase: `404 Not Found`, or `500` alone (500 is Internal Server Error).\n' +
        'errors.md:6:7: error: status "404 / 410" of B is not one HTTP status. Write one status per row: list the code again on another row ' +
        'for its other status (errgen reads a code listed twice as one code with both statuses).\n' +
        'errgen: import failed with 2 problems; errors.yaml was not changed\n',
    );
  });

  it('reports every problem of a file in one run: missing cells, extra cells, an empty code, bad statuses', () => {
    const md = table('| A | 4O4 | m | s |', '| B | 400 | m |', '| C | 400 | m | s | extra |', '|  | 400 | m | s |', '| OK | 400 | m | s |', '| D | 600 | m | s |');
    const result = failingImport({ 'errors.md': md }, ['errors.md', '-o', 'errors.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'errors.md:5:7: error: status "4O4" of A is not an HTTP status (an integer from 100 to 599). Write the status as a number, optionally followed by its reason phrase, e.g. `404` or `404 Not Found`.',
        'errors.md:6:3: error: this row has 3 cells but the table header has 4. Add the missing cells (an empty cell is written `|  |`).',
        'errors.md:7:21: error: this row has 5 cells but the table header has 4. Remove the extra cells, or write a literal pipe inside a cell as `\\|`.',
        'errors.md:8:2: error: the error code cell is empty. Write the code, e.g. NOT_FOUND, or delete the row.',
        'errors.md:10:7: error: status "600" of D is not an HTTP status (an integer from 100 to 599). Write the status as a number, optionally followed by its reason phrase, e.g. `404` or `404 Not Found`.',
        'errgen: import failed with 5 problems; errors.yaml was not changed',
        '',
      ].join('\n'),
    );
  });

  it('a file with no error-code table', () => {
    const md = '# Limits\n\n| Name | Value |\n|-|-|\n| rate | 10/s |\n';
    const result = failingImport({ 'limits.md': md }, ['limits.md', '-o', 'errors.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'limits.md:3:1: error: no error-code table found: its table has no error-code column (headers: "Name", "Value"). An error-code table needs a header row with a code column ("Error Code") and a status column ("HTTP Status"). ' +
        'Map other header names with `--header code=<name>` (and status, message, solution), or under `headers` in errgen.config.yaml.\n' +
        'errgen: import failed with 1 problem; errors.yaml was not changed\n',
    );
  });

  it('a table with a code column but no status column', () => {
    const md = '# Errors\n\n| Code | Message |\n|-|-|\n| A | m |\n';
    const result = failingImport({ 'errors.md': md }, ['errors.md', '-o', 'errors.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errors.md:3:1: error: this table has an error-code column ("Code") but no HTTP status column (headers: "Code", "Message"). Add a "HTTP Status" column, or name its header as the status: `--header status=<its header>`, or under `headers.status` in errgen.config.yaml.\n' +
        'errgen: import failed with 1 problem; errors.yaml was not changed\n',
    );
  });

  it('a missing file, reported with the problems of the other files', () => {
    const result = failingImport({ 'errors.md': table('| A | 4O4 | m | s |') }, ['missing.md', 'errors.md', '-o', 'errors.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: cannot read Markdown file missing.md: no such file or folder. Check the path and the file permissions.\n' +
        'errors.md:5:7: error: status "4O4" of A is not an HTTP status (an integer from 100 to 599). Write the status as a number, optionally followed by its reason phrase, e.g. `404` or `404 Not Found`.\n' +
        'errgen: import failed with 2 problems; errors.yaml was not changed\n',
    );
  });

  it('an unreadable file', () => {
    // root reads a chmod 000 file anyway, so there a folder stands in for the unreadable file.
    const asRoot = process.getuid?.() === 0;
    const files = asRoot ? {} : { 'secret.md': table('| A | 400 | m | s |') };
    const dir = tempDir();
    if (asRoot) mkdirSync(join(dir, 'secret.md'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    if (!asRoot) chmodSync(join(dir, 'secret.md'), 0o000);
    writeFileSync(join(dir, 'errors.yaml'), catalogText);
    const result = errgen(['import', 'secret.md', '-o', 'errors.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      (asRoot
        ? 'error: secret.md is a folder, not a file. Name the Markdown file inside it, not the folder.\n'
        : 'error: cannot read Markdown file secret.md: permission denied. Check the path and the file permissions.\n') +
        'errgen: import failed with 1 problem; errors.yaml was not changed\n',
    );
    expect(readFileSync(join(dir, 'errors.yaml'), 'utf8')).toBe(catalogText);
  });
});

describe('errgen import refuses a Markdown path that is not a regular file, without waiting on it', () => {
  it.skipIf(process.platform === 'win32')('a named pipe (FIFO) with no writer', () => {
    const dir = tempDir();
    expect(spawnSync('mkfifo', [join(dir, 'pipe.md')]).status).toBe(0);
    writeFileSync(join(dir, 'errors.yaml'), catalogText);
    // Opening a FIFO for reading blocks until a writer comes; errgen must refuse it at once instead.
    const result = errgen(['import', 'pipe.md', '-o', 'errors.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: cannot read Markdown file pipe.md: it is not a regular file (a device, pipe or socket). Check the path and the file permissions.\n' +
        'errgen: import failed with 1 problem; errors.yaml was not changed\n',
    );
    expect(readFileSync(join(dir, 'errors.yaml'), 'utf8')).toBe(catalogText);
  });
});

describe('errgen import refuses a catalog it cannot merge into, leaving it untouched', () => {
  it('a catalog that is not valid YAML', () => {
    const result = failingImport({ 'errors.md': table('| A | 400 | m | s |') }, ['errors.md', '-o', 'errors.yaml'], 'groups: [\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errors.yaml:2:1: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML syntax at this place.\n' +
        'errgen: errors.yaml is not a valid catalog\n',
    );
  });

  it('a catalog that does not match the schema', () => {
    const invalid = 'groups:\n  - title: Errors\n    codes:\n      - code: A\n        status: 99\n        color: red\n';
    const result = failingImport({ 'errors.md': table('| A | 400 | m | s |') }, ['errors.md', '-o', 'errors.yaml'], invalid);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'errors.yaml:4:9: error: groups[0].codes[0] (A) is missing the required field "message". See https://unpkg.com/errgen@0/schemas/catalog.schema.json for the catalog format.',
        'errors.yaml:4:9: error: groups[0].codes[0] (A) is missing the required field "solution". See https://unpkg.com/errgen@0/schemas/catalog.schema.json for the catalog format.',
        'errors.yaml:6:9: error: groups[0].codes[0] (A) has an unknown field "color". See https://unpkg.com/errgen@0/schemas/catalog.schema.json for the catalog format.',
        'errors.yaml:5:17: error: groups[0].codes[0].status (in A) must be from 100 to 599 (an HTTP status). See https://unpkg.com/errgen@0/schemas/catalog.schema.json for the catalog format.',
        'errgen: errors.yaml is not a valid catalog',
        '',
      ].join('\n'),
    );
  });
});

describe('errgen import usage errors exit 2', () => {
  it('no sources', () => {
    const result = failingImport({}, ['-o', 'errors.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'errgen: no Markdown files to import: name them (`errgen import docs/errors.md`) or list them under `sources` in errgen.config.yaml\n',
    );
  });

  it('an unknown option', () => {
    const result = failingImport({ 'errors.md': table('| A | 400 | m | s |') }, ['errors.md', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: unknown option '--bogus'\n(run `errgen import --help` for its options)\n");
  });

  it('an invalid config', () => {
    const result = failingImport({ 'errgen.config.yaml': 'sources: docs/errors.md\nheaders:\n  kode: [K]\n' }, ['-o', 'errors.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        'errgen.config.yaml:1:10: error: sources must be an array. See https://unpkg.com/errgen@0/schemas/config.schema.json for the config format.',
        'errgen.config.yaml:3:3: error: headers has an unknown field "kode" (did you mean "code"?). See https://unpkg.com/errgen@0/schemas/config.schema.json for the config format.',
        'errgen: errgen.config.yaml is not a valid errgen configuration',
        '',
      ].join('\n'),
    );
  });
});
