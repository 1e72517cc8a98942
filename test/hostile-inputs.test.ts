import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

/**
 * Hostile inputs through the real CLI. Each folder under test/fixtures/hostile-inputs/<case>/ holds
 * the input files of a project, `command` (errgen's arguments, one per line) and `expected.txt`:
 *
 *     exit: <code>
 *     --- stdout
 *     <exact stdout>
 *     --- stderr
 *     <exact stderr>
 *     --- file <path>            (optional, repeatable: a file's exact content after the run)
 *     <content>
 *
 * Inputs that git would mangle or that are too large to commit (invalid UTF-8, NUL bytes, CRLF, a
 * 50 MB catalog, symlinks, a folder where a file should be) are made by `madeInputs` below.
 * Every case also holds the invariants: no stack trace, never exit 70, and a failed run leaves
 * the project byte for byte as it was (no half-written file, no temporary file).
 *
 * ERRGEN_UPDATE_FIXTURES=1 rewrites expected.txt from what errgen does now: read each rewritten file.
 */

const fixtures = join(repoRoot, 'test/fixtures/hostile-inputs');
const update = process.env['ERRGEN_UPDATE_FIXTURES'] === '1';
const caseFiles = new Set(['command', 'expected.txt']);

const errorTable = '## Errors\n\n| Code | Status | Message | Solution |\n|-|-|-|-|\n';
const catalogHead = 'groups:\n  - title: Errors\n    codes:\n';
const entry = (code: string, message: string) => `      - code: ${code}\n        status: 400\n        message: ${message}\n        solution: ""\n`;

/** Inputs written at run time into the project folder, by case name. */
const madeInputs: Record<string, (dir: string) => void> = {
  'yaml-50mb-catalog': (dir) => {
    const block = Array.from({ length: 1000 }, (_, i) => entry(`CODE_${i}`, `message number ${i}, padded to make the file large`)).join('');
    const chunks = [catalogHead];
    for (let size = 0; size < 50 * 1024 * 1024; size += block.length) chunks.push(block.replaceAll('CODE_', `C${chunks.length}_`));
    writeFileSync(join(dir, 'errors.yaml'), chunks.join(''));
  },
  'yaml-invalid-utf8': (dir) => writeFileSync(join(dir, 'errors.yaml'), Buffer.concat([Buffer.from(catalogHead + entry('A', 'caf')), Buffer.from([0xe9]), Buffer.from(' latin-1\n')])),
  'yaml-nul-byte': (dir) => writeFileSync(join(dir, 'errors.yaml'), catalogHead + entry('A', '"raw \0 NUL"')),
  'yaml-bom': (dir) => writeFileSync(join(dir, 'errors.yaml'), '\uFEFF' + catalogHead + entry('A', 'after a byte order mark')),
  'yaml-crlf': (dir) => writeFileSync(join(dir, 'errors.yaml'), (catalogHead + entry('A', 'CRLF line ends')).replaceAll('\n', '\r\n')),
  'yaml-deep-block-nesting': (dir) => writeFileSync(join(dir, 'errors.yaml'), 'groups:\n' + Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 1)}- `).join('\n') + 'leaf\n'),
  'md-nul-bytes': (dir) => writeFileSync(join(dir, 'errors.md'), errorTable + '| A\0B | 400 | m | s |\n'),
  'md-binary-file': (dir) => writeFileSync(join(dir, 'errors.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])),
  'md-invalid-utf8': (dir) => writeFileSync(join(dir, 'errors.md'), Buffer.concat([Buffer.from(errorTable + '| A | 400 | caf'), Buffer.from([0xe9]), Buffer.from(' | s |\n')])),
  'md-utf16': (dir) => writeFileSync(join(dir, 'errors.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(errorTable + '| A | 400 | m | s |\n', 'utf16le')])),
  'md-bom': (dir) => writeFileSync(join(dir, 'errors.md'), '\uFEFF' + errorTable + '| A | 400 | after a BOM | s |\n'),
  'md-crlf': (dir) => writeFileSync(join(dir, 'errors.md'), (errorTable + '| A | 400 | CRLF | s |\n| B | 404 | bare CR |  |\n').replaceAll('\n', '\r\n')),
  'md-is-a-folder': (dir) => mkdirSync(join(dir, 'errors.md')),
  'md-50mb': (dir) => {
    const block = Array.from({ length: 1000 }, (_, i) => `| CODE_${i} | 400 | message number ${i}, padded to make the file large | s |\n`).join('');
    const chunks = [errorTable];
    for (let size = 0; size < 50 * 1024 * 1024; size += block.length) chunks.push(block);
    writeFileSync(join(dir, 'errors.md'), chunks.join(''));
  },
  'md-enormous-cell': (dir) => writeFileSync(join(dir, 'errors.md'), errorTable + `| HUGE | 400 | ${'x'.repeat(1_000_000)} | s |\n`),
  'md-10000-columns': (dir) => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Extra ${i}`);
    writeFileSync(join(dir, 'errors.md'), `| Code | Status | ${names.join(' | ')} |\n|${'-|'.repeat(10_002)}\n| WIDE | 400 | ${names.map((_, i) => `v${i}`).join(' | ')} |\n`);
  },
  'config-output-symlink-escape': (dir) => {
    mkdirSync(join(dir, '../elsewhere'));
    symlinkSync('../elsewhere', join(dir, 'link'));
  },
  'generate-output-is-a-folder': (dir) => mkdirSync(join(dir, 'out/json/errors.json'), { recursive: true }),
};

/** Every file and symlink under `dir` with its content, to prove a failed run changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const key = relative(dir, path);
      if (stat.isSymbolicLink()) files.set(key, `-> ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        files.set(key + '/', '');
        walk(path);
      } else files.set(key, readFileSync(path).toString('base64'));
    }
  };
  walk(dir);
  return files;
}

function parseExpected(text: string): { exit: number; stdout: string; stderr: string; files: Map<string, string> } {
  const [head, ...sections] = text.split(/^--- /m);
  const exit = /^exit: (\d+)$/m.exec(head ?? '')?.[1];
  if (exit === undefined) throw new Error('expected.txt must start with "exit: <code>"');
  const result = { exit: Number(exit), stdout: '', stderr: '', files: new Map<string, string>() };
  for (const section of sections) {
    const newline = section.indexOf('\n');
    const name = section.slice(0, newline);
    const body = section.slice(newline + 1);
    if (name === 'stdout' || name === 'stderr') result[name] = body;
    else if (name.startsWith('file ')) result.files.set(name.slice(5), body);
    else throw new Error(`unknown section "--- ${name}" in expected.txt`);
  }
  return result;
}

function formatExpected(exit: number, stdout: string, stderr: string, files: ReadonlyMap<string, string>): string {
  return [`exit: ${exit}\n`, `--- stdout\n${stdout}`, `--- stderr\n${stderr}`, ...[...files].map(([path, text]) => `--- file ${path}\n${text}`)].join('');
}

const cases = readdirSync(fixtures).sort();

describe('hostile inputs through the real CLI', () => {
  it('every made input has its fixture folder', () => {
    expect(Object.keys(madeInputs).filter((name) => !cases.includes(name))).toEqual([]);
  });

  it.each(cases)('%s', (name) => {
    const source = join(fixtures, name);
    // One level down, so that `../` in a config stays inside the temporary folder.
    const root = tempDir();
    const dir = join(root, 'project');
    mkdirSync(dir);
    for (const file of readdirSync(source)) if (!caseFiles.has(file)) cpSync(join(source, file), join(dir, file), { recursive: true });
    madeInputs[name]?.(dir);
    const args = readFileSync(join(source, 'command'), 'utf8').split('\n').filter((line) => line !== '').map((arg) => arg.replaceAll('<tmp>', root));

    const before = snapshot(dir);
    const result = errgen(args, { cwd: dir });
    const hideTemp = (text: string) => text.replaceAll(root, '<tmp>');
    const stdout = hideTemp(result.stdout);
    const stderr = hideTemp(result.stderr);

    expect(stderr).not.toMatch(/^\s+at /m);
    expect(result.code).not.toBe(70);
    if (result.code !== 0) expect(snapshot(dir)).toEqual(before);
    expect([...snapshot(dir).keys()].filter((path) => /\.tmp$/.test(path))).toEqual([]);

    const expectedPath = join(source, 'expected.txt');
    const expected = existsSync(expectedPath) ? parseExpected(readFileSync(expectedPath, 'utf8')) : undefined;
    const files = new Map([...(expected?.files.keys() ?? [])].map((path) => [path, existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : '<missing>\n']));
    if (update) {
      writeFileSync(expectedPath, formatExpected(result.code ?? -1, stdout, stderr, files));
      return;
    }
    if (!expected) throw new Error(`${name} has no expected.txt: run with ERRGEN_UPDATE_FIXTURES=1 and read what it writes`);
    expect({ exit: result.code, stdout, stderr }).toEqual({ exit: expected.exit, stdout: expected.stdout, stderr: expected.stderr });
    expect(files).toEqual(expected.files);
  });
});
