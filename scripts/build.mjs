// Bundles src/ and its dependencies into dist/ with esbuild:
// - dist/cli/main.cjs: the whole CLI (src/cli/main.ts, exporting `run`) as one CommonJS file. CommonJS
//   because bin/errgen.js runs it with a V8 code cache (src/cli/boot.ts), which ES modules cannot use in
//   Node 20: a warm start skips parsing and compiling. Command modules stay lazy inside the bundle (esbuild
//   turns `await import()` into a deferred module initialiser), so `--help` runs commander alone.
// - dist/cli/cli.cjs: the same program without the commands' modules, for a command line that runs no
//   command (--help, --version, a typo): it reads a seventh of main.cjs and its cache is a third as big.
// - dist/cli/boot.cjs: the small loader bin/errgen.js requires; it picks a bundle by the command line
//   and loads it with the cache. The bundles' SHA-256s are compiled into it, as part of the cache key.
//   CommonJS too, like bin/errgen.js (bin/package.json): an ES module entry starts Node's ESM loader,
//   ~20 ms before errgen's first line runs.
// The bundle should be ASCII: V8 reads and compiles an ASCII source as one byte per character, several
// milliseconds faster per run than a UTF-16 one. esbuild escapes strings and templates, minifyWhitespace
// drops comments, but regular expression literals are copied as written: in src/, write a non-ASCII
// character in a regex as a \u escape (`/[\uFF1A]/`, not `/[：]/`). The build warns when it is not ASCII.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileSchemas } from './compile-schemas.mjs';
import { compileTemplates } from './compile-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
// Build beside dist/ and swap it in, so a CLI running meanwhile never sees a half-built folder.
const fresh = `${dist}.${process.pid}.tmp`;
const stale = `${dist}.${process.pid}.old`;
const nonAscii = /[^\x00-\x7f]/;

compileSchemas(root);
compileTemplates(root);
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
// src/ is ESM and finds its package (and `handlebars`, through createRequire) from import.meta.url;
// in a CommonJS bundle that is the bundle's own file. Strict mode first, as an ES module was.
const asCommonJs = (define = {}) => ({
  format: 'cjs',
  define: { 'import.meta.url': '__errgenImportMetaUrl', ...define },
  banner: { js: "'use strict';var __errgenImportMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
});

/** The CLI as one CommonJS file: its text, path and SHA-256. */
async function cliBundle(name, plugins = []) {
  const result = await build({
    ...common,
    ...asCommonJs(),
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${fresh}/cli/${name}`,
    write: false,
    minifyWhitespace: true,
    plugins,
  });
  const [file] = result.outputFiles;
  const stray = file.text.search(nonAscii);
  if (stray >= 0) {
    console.warn(`build: warning: dist/cli/${name} is not ASCII, so every run loads it a few ms slower; write non-ASCII
  characters in regular expression literals as \\u escapes. The first one: …${file.text.slice(Math.max(0, stray - 60), stray + 20)}…`);
  }
  return { file, hash: createHash('sha256').update(file.contents).digest('hex') };
}

/**
 * For cli.cjs: the modules main.ts imports only inside a command's action become a module that fails.
 * boot.ts never runs a command with cli.cjs (it picks main.cjs for any command line naming one), so
 * this is only reached through a bug there, which it then names.
 */
const withoutCommands = {
  name: 'without-commands',
  setup(b) {
    b.onResolve({ filter: /^(?:\.\.\/commands\/(?:init|import|generate|check|watch|output-worker)|\.\/resolve-options)\.js$/ }, (args) => ({ path: args.path, namespace: 'not-in-cli-bundle' }));
    b.onLoad({ filter: /.*/, namespace: 'not-in-cli-bundle' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`internal: ${args.path} is not in dist/cli/cli.cjs; boot.ts should have run main.cjs`)});`,
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands that are executables of
 * their own, which errgen has none of: loading it cost every run ~5 ms. It is required when used.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to make lazy; update scripts/build.mjs for this commander`);
      return { contents: text.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};

const main = await cliBundle('main.cjs', [lazyChildProcess]);
const light = await cliBundle('cli.cjs', [lazyChildProcess, withoutCommands]);
await rm(fresh, { recursive: true, force: true });
await mkdir(`${fresh}/cli`, { recursive: true });
await writeFile(main.file.path, main.file.contents);
await writeFile(light.file.path, light.file.contents);
await build({
  ...common,
  entryPoints: [`${root}src/cli/boot.ts`],
  outfile: `${fresh}/cli/boot.cjs`,
  ...asCommonJs({ ERRGEN_BUNDLE_HASHES: JSON.stringify({ 'main.cjs': main.hash, 'cli.cjs': light.hash }) }),
});
await rename(dist, stale).catch(() => undefined);
await rename(fresh, dist);
await rm(stale, { recursive: true, force: true });
