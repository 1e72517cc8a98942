// check's main thread collects its garbage before it renders beside the other threads
// (src/io/collect-garbage.ts): the collection happens, V8's flags are as they were after it, and a
// user's own gc flags neither break the run nor are changed.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage, exposesGc } from '../src/io/collect-garbage.js';
import { errgen, repoRoot, tempDir } from './helpers/cli.js';

describe('collectGarbage', () => {
  it('collects what nothing holds any more', async () => {
    let held: object | undefined = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(held);
    held = undefined;
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('unsets --expose-gc again: no gc in a new context, and a code cache made before is still accepted', () => {
    const source = 'function twice(x) { return 2 * x } twice(21)';
    const before = new Script(source, { filename: 'before.js' });
    before.runInThisContext();
    const cachedData = before.createCachedData();
    collectGarbage();
    expect(runInNewContext('typeof gc')).toBe('undefined');
    // Another file name: V8 would take the same one from its in-memory cache without reading cachedData.
    expect(new Script(source, { filename: 'after.js', cachedData }).cachedDataRejected).toBe(false);
  });

  it("tells a user's own gc flags, however V8 spells them", () => {
    expect(exposesGc(['--expose-gc'])).toBe(true);
    expect(exposesGc(['--expose-gc-as=collect'])).toBe(true);
    expect(exposesGc(['--max-old-space-size=512 --expose_gc'])).toBe(true);
    expect(exposesGc(['--no-expose-gc', '-e', 'x', ''])).toBe(false);
  });

  it("runs a threaded check under a user's --expose-gc-as, as without it", () => {
    const dir = tempDir();
    cpSync(join(repoRoot, 'data'), join(dir, 'data'), { recursive: true });
    cpSync(join(repoRoot, 'errgen.config.yaml'), join(dir, 'errgen.config.yaml'));
    expect(errgen(['generate'], { cwd: dir }).code).toBe(0);
    const env = { ...process.env, ERRGEN_THREADS: '2', ERRGEN_CACHE_DIR: 'off', NO_COLOR: '1' };
    const plain = errgen(['check'], { cwd: dir, env: { ERRGEN_THREADS: '2', ERRGEN_CACHE_DIR: 'off' } });
    const flagged = spawnSync(process.execPath, ['--expose-gc-as=collect', join(repoRoot, 'bin/errgen.js'), 'check'], { cwd: dir, env, encoding: 'utf8' });
    expect(plain.code).toBe(0);
    expect(flagged.status).toBe(0);
    expect(flagged.stderr).toBe('');
  });
});
