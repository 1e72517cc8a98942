import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputFile } from '../src/io/output-file.js';
import { tempDir } from './helpers/cli.js';

/** Writes `pieces` to `path` through OutputFile: what it found, and what is at the path after committing. */
async function write(path: string, pieces: readonly string[], stage = true) {
  const outcome = new OutputFile(path).compare((write) => pieces.forEach(write), { stage });
  await outcome.staged?.commit();
  return { ...outcome, after: readOrNone(path), leftovers: readdirSync(join(path, '..')).filter((f) => f.endsWith('.tmp')) };
}

function readOrNone(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

describe('OutputFile: an output compared with the file on disk piece by piece', () => {
  it('creates a missing file, in a folder it makes', async () => {
    const path = join(tempDir(), 'new/deep/out.txt');
    const result = await write(path, ['hello ', 'world\n']);
    expect(result).toMatchObject({ existed: false, changed: true, after: 'hello world\n', leftovers: [] });
  });

  it('leaves an equal file alone, however the text is cut into pieces', async () => {
    const path = join(tempDir(), 'out.txt');
    writeFileSync(path, 'añb😀c\n');
    const result = await write(path, ['a', 'ñ', 'b\ud83d', '\ude00c', '\n']);
    expect(result).toMatchObject({ existed: true, changed: false, staged: undefined, after: 'añb😀c\n', leftovers: [] });
  });

  it('takes a piece of any size, a surrogate pair across the edge of the slices it is encoded in', async () => {
    const dir = tempDir();
    const text = `${'a'.repeat(65535)}😀${'b'.repeat(70000)}é😀\n`;
    const created = await write(join(dir, 'out.txt'), [text]);
    expect(created.after).toBe(text);
    expect((await write(join(dir, 'out.txt'), [text.slice(0, 65536), text.slice(65536)])).changed).toBe(false);
  });

  it('stages a file that differs in its middle, is longer or is shorter, keeping the equal start', async () => {
    const dir = tempDir();
    for (const [old, pieces] of [
      ['abcdef\n', ['abc', 'XYZ', 'ef\n']],
      ['abcdef\nmore\n', ['abc', 'def\n']],
      ['abc', ['abc', 'def\n']],
      ['', ['abc\n']],
    ] as const) {
      const path = join(dir, 'out.txt');
      writeFileSync(path, old);
      const result = await write(path, pieces);
      expect(result).toMatchObject({ existed: true, changed: true, after: pieces.join(''), leftovers: [] });
    }
  });

  it('without staging only tells: nothing is written', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.txt');
    writeFileSync(path, 'old\n');
    expect(await write(path, ['new\n'], false)).toMatchObject({ existed: true, changed: true, staged: undefined, after: 'old\n', leftovers: [] });
    expect(await write(join(dir, 'none.txt'), ['new\n'], false)).toMatchObject({ existed: false, changed: true, staged: undefined, after: undefined });
  });

  it('refuses a folder at the path, and drops what it staged when the render fails', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    expect(() => new OutputFile(join(dir, 'folder'))).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    writeFileSync(join(dir, 'out.txt'), 'abc\n');
    const failing = (write: (piece: string) => void) => {
      write('abX');
      throw new Error('template failed');
    };
    expect(() => new OutputFile(join(dir, 'out.txt')).compare(failing, { stage: true })).toThrow('template failed');
    expect(readdirSync(dir).sort()).toEqual(['folder', 'out.txt']);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('abc\n');
  });

  it('reads as equal exactly when the texts are equal, and stages exactly the new text (property)', async () => {
    const dir = tempDir();
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '😀', '\n'), maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, { maxLength: 6 }), async (old, pieces) => {
        const path = join(dir, 'out.txt');
        writeFileSync(path, old);
        const result = await write(path, pieces);
        expect(result.changed).toBe(old !== pieces.join(''));
        expect(result.after).toBe(pieces.join(''));
      }),
      { numRuns: 300 },
    );
  });
});
