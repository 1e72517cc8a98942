import { UsageError } from '../diagnostics.js';
import { configPath, loadConfig } from '../config/load.js';
import { relative, resolve, sep } from 'node:path';
import type { ImportOptions } from '../commands/import.js';
import type { GenerateOptions } from '../commands/generate.js';
import { resolveTargets } from '../config/targets.js';

export interface GlobalOptions {
  readonly config?: string;
}

export const defaultCatalog = 'errors.yaml';

/** Flags win over the config; the config's paths are relative to its folder. */
export async function resolveImportOptions(
  global: GlobalOptions,
  markdown: readonly string[],
  flags: { output?: string; prune: boolean },
): Promise<ImportOptions> {
  const loaded = await loadConfig(global.config);
  const sources = markdown.length > 0 ? markdown : (loaded?.config.sources ?? []).map((p) => configPath(loaded!, p));
  if (sources.length === 0) {
    throw new UsageError(
      'no Markdown files to import: name them (`errgen import docs/errors.md`) or list them under `sources` in errgen.config.yaml',
    );
  }
  const catalog = flags.output ?? (loaded?.config.catalog ? configPath(loaded, loaded.config.catalog) : defaultCatalog);
  return { sources, catalog, prune: flags.prune, ...(loaded?.config.headers ? { headers: loaded.config.headers } : {}) };
}

export interface GenerateFlags {
  readonly catalog?: string;
  readonly outDir?: string;
  readonly only?: string;
  readonly dryRun: boolean;
}

/** `--catalog` and `--out-dir` with no config: every built-in target, default file names. */
export async function resolveGenerateOptions(global: GlobalOptions, flags: GenerateFlags): Promise<GenerateOptions> {
  const loaded = await loadConfig(global.config);
  const catalog = flags.catalog ?? (loaded?.config.catalog ? configPath(loaded, loaded.config.catalog) : defaultCatalog);
  const outDir = flags.outDir ?? (loaded ? resolve(loaded.dir, loaded.config.outDir ?? '.') : undefined);
  if (outDir === undefined) {
    throw new UsageError('no output folder: pass --out-dir <dir>, or write an errgen.config.yaml with `outDir` and `targets`');
  }
  const only = flags.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const targets = resolveTargets({
    targets: loaded?.config.targets,
    baseDir: loaded?.dir ?? '.',
    outDir,
    only,
  });
  const source = relative(loaded?.dir ?? '.', resolve(catalog)).split(sep).join('/');
  return { catalog, source, targets, dryRun: flags.dryRun };
}
