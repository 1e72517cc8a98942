import { createRequire } from 'node:module';

/**
 * A full garbage collection, now, if V8 lets errgen ask for one. For `check`'s main thread, which
 * reads the pages and lints while other threads render: before it reads an earlier catalog
 * (--against) and before it plans the outputs to render its share. At 100,000 codes the pages it
 * read and linted are a few hundred megabytes of garbage, which V8 would keep until its next full
 * collection, as much again later; with the outputs' view model on top and the other thread's heap
 * beside it, the process went past 1 GB.
 *
 * V8 gives JavaScript its `gc` only under `--expose-gc`. Set at run time, the flag puts `gc` in a
 * context made afterwards; it is unset again at once, because V8 accepts a code cache only under the
 * flags it was made with (src/cli/boot.ts writes the cache after a run). A user's own gc flags
 * (`node --expose-gc`, `--expose-gc-as=…`) are left as they are. It only saves memory: whatever goes
 * wrong, the run goes on.
 */
export function collectGarbage(): void {
  try {
    const own = (globalThis as { gc?: unknown }).gc;
    if (typeof own === 'function') return void own();
    if (exposesGc([...process.execArgv, process.env['NODE_OPTIONS'] ?? ''])) return;
    const require = createRequire(import.meta.url);
    const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
    const { runInNewContext } = require('node:vm') as typeof import('node:vm');
    setFlagsFromString('--expose-gc');
    try {
      const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as unknown;
      if (typeof gc === 'function') gc();
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  } catch {
    // Not collected: the run takes more memory, nothing else.
  }
}

/** Whether Node was started with a flag of V8's that exposes gc (V8 reads `-` and `_` alike). */
export function exposesGc(options: readonly string[]): boolean {
  return options.some((option) => /(?:^|\s)--expose[-_]gc/.test(option));
}
