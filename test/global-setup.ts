import { execFileSync } from 'node:child_process';

/** CLI tests run the real bin/errgen.js, which runs dist/: build it once, fresh, before any test. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
