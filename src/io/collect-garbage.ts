import { createRequire } from 'node:module';

/**
 * A full garbage collection, now. For `check`'s main thread before it renders beside the other
 * threads: at 100,000 codes the pages it read and linted are a few hundred megabytes of garbage,
 * which V8 would keep until its next full collection, a few hundred megabytes further on; with the
 * outputs' view model on top and the other thread's heap beside it, the process went past 1 GB.
 *
 * V8 gives JavaScript its `gc` only under `--expose-gc`. Set at run time, the flag puts `gc` in a
 * context made afterwards; it is unset again at once, because V8's code cache is only accepted under
 * the flags it was made with (src/cli/boot.ts writes the cache after a run).
 */
export function collectGarbage(): void {
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return own(); // node --expose-gc: the user's flag, left as it is
  const require = createRequire(import.meta.url);
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  const { runInNewContext } = require('node:vm') as typeof import('node:vm');
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
