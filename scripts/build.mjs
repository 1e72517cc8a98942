// Bundles src/ and its dependencies into dist/ with esbuild: one file per command plus shared
// chunks, so `errgen --help` loads commander alone and each command loads only what it uses
// (remark for import and check, handlebars for generate and check, …). One bundle instead of
// hundreds of small modules is most of errgen's start-up budget.
import { build } from 'esbuild';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileSchemas } from './compile-schemas.mjs';
import { precompileTemplates } from './precompile-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
// Build beside dist/ and swap it in, so a CLI running meanwhile never sees a half-built folder.
const fresh = `${dist}.${process.pid}.tmp`;
const stale = `${dist}.${process.pid}.old`;

compileSchemas(root);
precompileTemplates(root);
await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outdir: `${fresh}/cli`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '../chunks/[name]-[hash]',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __errgenRequire } from 'node:module'; const require = __errgenRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
await rename(dist, stale).catch(() => undefined);
await rename(fresh, dist);
await rm(stale, { recursive: true, force: true });
