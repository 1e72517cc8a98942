// Bundles src/ and its dependencies into dist/ with esbuild:
// - dist/cli/main.cjs: the whole CLI (src/cli/main.ts, exporting `run`) as one CommonJS file. CommonJS
//   because bin/errgen.js runs it with a V8 code cache (src/cli/boot.ts), which ES modules cannot use in
//   Node 20: a warm start skips parsing and compiling. Command modules stay lazy inside the bundle (esbuild
//   turns `await import()` into a deferred module initialiser), so `--help` runs commander alone.
// - dist/cli/boot.js: the small ES module bin/errgen.js imports; it loads main.cjs with the cache. The
//   bundle's SHA-256 is compiled into it, as part of the cache key.
// The bundle should be ASCII: V8 reads and compiles an ASCII source as one byte per character, several
// milliseconds faster per run than a UTF-16 one. esbuild escapes strings and templates, minifyWhitespace
// drops comments, but regular expression literals are copied as written: in src/, write a non-ASCII
// character in a regex as a \u escape (`/[\uFF1A]/`, not `/[：]/`). The build warns when it is not ASCII.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileSchemas } from './compile-schemas.mjs';
import { precompileTemplates } from './precompile-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
// Build beside dist/ and swap it in, so a CLI running meanwhile never sees a half-built folder.
const fresh = `${dist}.${process.pid}.tmp`;
const stale = `${dist}.${process.pid}.old`;
const nonAscii = /[^\x00-\x7f]/;

compileSchemas(root);
precompileTemplates(root);
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
const main = await build({
  ...common,
  entryPoints: [`${root}src/cli/main.ts`],
  outfile: `${fresh}/cli/main.cjs`,
  format: 'cjs',
  write: false,
  minifyWhitespace: true,
  // src/ is ESM and finds its package (and `handlebars`, through createRequire) from import.meta.url;
  // in the CommonJS bundle that is the bundle's own file. Strict mode first, as an ES module was.
  define: { 'import.meta.url': '__errgenImportMetaUrl' },
  banner: { js: "'use strict';var __errgenImportMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
});
const [bundle] = main.outputFiles;
const stray = bundle.text.search(nonAscii);
if (stray >= 0) {
  console.warn(`build: warning: dist/cli/main.cjs is not ASCII, so every run loads it a few ms slower; write non-ASCII
  characters in regular expression literals as \\u escapes. The first one: …${bundle.text.slice(Math.max(0, stray - 60), stray + 20)}…`);
}
await rm(fresh, { recursive: true, force: true });
await mkdir(`${fresh}/cli`, { recursive: true });
await writeFile(bundle.path, bundle.contents);
await build({
  ...common,
  entryPoints: [`${root}src/cli/boot.ts`],
  outfile: `${fresh}/cli/boot.js`,
  format: 'esm',
  define: { ERRGEN_BUNDLE_HASH: JSON.stringify(createHash('sha256').update(bundle.contents).digest('hex')) },
});
await rename(dist, stale).catch(() => undefined);
await rename(fresh, dist);
await rm(stale, { recursive: true, force: true });
