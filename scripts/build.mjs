// Bundles src/ into dist/ with esbuild. Dependencies stay external (installed beside the package);
// each command's modules become their own chunk, loaded only when that command runs.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: '../chunks/[name]-[hash]',
  logLevel: 'warning',
});
