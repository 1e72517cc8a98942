import { UsageError } from '../diagnostics.js';
import { configPath, loadConfig } from '../config/load.js';
import type { ImportOptions } from '../commands/import.js';

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
