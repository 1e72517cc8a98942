// check's main thread collects its garbage before it renders beside the other threads
// (src/io/collect-garbage.ts): the collection happens, and V8's flags are as they were after it.
import { runInNewContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/io/collect-garbage.js';

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

  it('leaves no gc behind, and a code cache made before it is still accepted after it', () => {
    const source = 'function twice(x) { return 2 * x } twice(21)';
    const before = new Script(source);
    before.runInThisContext();
    const cachedData = before.createCachedData();
    const hadGc = typeof (globalThis as { gc?: unknown }).gc;
    collectGarbage();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGc);
    // --expose-gc is unset again: a context made now has no gc.
    expect(runInNewContext('typeof gc')).toBe('undefined');
    // V8 rejects a cache made under other flags: --expose-gc left set would cost every later run its cache.
    expect(new Script(source, { cachedData }).cachedDataRejected).toBe(false);
  });
});
