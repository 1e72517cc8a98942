import { UsageError } from '../diagnostics.js';
import { configPath, configTranslations, findConfig, type LoadedConfig, loadConfig } from '../config/load.js';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ImportOptions } from '../commands/import.js';
import type { GenerateOptions } from '../commands/generate.js';
import { resolveTargets, type TargetSelection } from '../config/targets.js';
import type { CheckOptions } from '../commands/check.js';
import { breakingRules } from '../check/breaking.js';
import { lintRules } from '../lint/rules/index.js';
import { namedLanguages } from '../lang/index.js';
import { builtinTargets } from '../emit/targets.js';
import { templateFiles } from '../emit/template-files.js';
import type { Watched } from '../commands/watch.js';
import { headerFlags, ruleFlags } from './pairs.js';
import { foreignPlaceholderRule } from '../messages/mismatch.js';

export interface GlobalOptions {
  readonly config?: string;
}

export const defaultCatalog = 'errors.yaml';

/**
 * Flags win over the config; the config's paths are relative to its folder. With no files and no
 * --locale: the sources, then every translated page; with --locale: that locale's pages only.
 */
export async function resolveImportOptions(
  global: GlobalOptions,
  markdown: readonly string[],
  flags: { output?: string; prune: boolean; header?: string[]; locale?: string },
): Promise<ImportOptions> {
  const loaded = await loadConfig(global.config);
  const configCatalog = loaded?.config.catalog ? configPath(loaded, loaded.config.catalog) : defaultCatalog;
  const catalog = flags.output ?? configCatalog;
  const headers = headerFlags(flags.header, loaded?.config.headers);
  const lintSettings = loaded?.config.lint?.rules ?? {};
  // Pages the config does not list, though they go into the catalog check reads: said, as check will not compare them.
  const unlisted = (listed: readonly string[], key: string) => (loaded && resolve(catalog) === resolve(configCatalog) ? unlistedPages(markdown, listed, key, loaded.file) : {});
  if (flags.locale !== undefined) {
    if (!localeTag.test(flags.locale)) throw new UsageError(`--locale expects a language tag such as zh-CN or pt-BR, not "${flags.locale}"`);
    const wanted = flags.locale.toLowerCase(); // tags are case-insensitive: `--locale zh-cn` reads `translations.zh-CN`
    const files = markdown.length > 0 ? [...markdown] : (configTranslations(loaded).find((t) => t.locale.toLowerCase() === wanted)?.files ?? []);
    if (files.length === 0) {
      throw new UsageError(
        `no Markdown page to import as ${flags.locale}: name it (\`errgen import --locale ${flags.locale} page.md\`) or list it under \`translations.${flags.locale}\` in errgen.config.yaml`,
      );
    }
    // Every key of this locale, whatever its case, as check reads them all; named as the config writes it.
    const keys = configTranslations(loaded).filter((t) => t.locale.toLowerCase() === wanted);
    const key = `translations.${keys[0]?.locale ?? flags.locale}`;
    return { sources: [], translations: [{ locale: flags.locale, files }], catalog, prune: flags.prune, headers, lintSettings, ...unlisted(keys.flatMap((k) => k.files), key) };
  }
  if (markdown.length > 0) {
    const listed = (loaded?.config.sources ?? []).map((p) => configPath(loaded!, p));
    return { sources: [...markdown], catalog, prune: flags.prune, headers, lintSettings, ...unlisted(listed, 'sources') };
  }
  const sources = (loaded?.config.sources ?? []).map((p) => configPath(loaded!, p));
  const translations = configTranslations(loaded);
  if (sources.length === 0 && translations.length === 0) {
    throw new UsageError(
      'no Markdown files to import: name them (`errgen import docs/errors.md`) or list them under `sources` in errgen.config.yaml',
    );
  }
  return { sources, translations, catalog, prune: flags.prune, headers, lintSettings };
}

/** Pages named on the command line that the config (`config`) does not list under `key`: `check` reads only the listed ones. */
function unlistedPages(markdown: readonly string[], listed: readonly string[], key: string, config: string): Pick<ImportOptions, 'unlisted'> {
  const known = new Set(listed.map((p) => resolve(p)));
  const files = markdown.filter((file) => !known.has(resolve(file)));
  return files.length > 0 ? { unlisted: { files, key, config } } : {};
}

/** A BCP 47 tag as the catalog schema accepts it. */
const localeTag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export interface GenerateFlags {
  readonly catalog?: string;
  readonly outDir?: string;
  readonly only?: string;
  readonly dryRun: boolean;
  readonly force: boolean;
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
  // `--only ""` (an unset variable in a script) would write nothing and succeed.
  if (only?.length === 0) throw new UsageError('--only names no target: give target names, comma-separated (e.g. --only go,java), or leave it out to write every target');
  const targets = resolveTargets({ ...fromConfig(loaded, flags.outDir), outDir, only });
  const source = relative(loaded?.dir ?? '.', resolve(catalog)).split(sep).join('/');
  return { catalog, source, targets, dryRun: flags.dryRun, force: flags.force };
}

/** What resolveTargets takes from the config (or its absence), for generate and check alike. */
function fromConfig(loaded: LoadedConfig | undefined, outDirFlag: string | undefined): Omit<TargetSelection, 'outDir' | 'only'> {
  return {
    targets: loaded?.config.targets,
    baseDir: loaded?.dir ?? '.',
    confineTo: confinement(loaded, outDirFlag),
    locate: loaded?.locate,
    writtenAt: loaded?.writtenAt,
    outDirInConfig: outDirFlag === undefined && loaded?.config.outDir !== undefined,
  };
}

/** Where config-named outputs must stay: --out-dir if the user gave one, else the config's folder. */
function confinement(loaded: LoadedConfig | undefined, outDirFlag: string | undefined): string | undefined {
  if (!loaded || loaded.config.allowOutputsOutside === true) return undefined;
  return outDirFlag ?? loaded.dir;
}

export interface CheckFlags {
  readonly catalog?: string;
  readonly source?: string[];
  readonly outDir?: string;
  readonly against?: string;
  readonly format: string;
  readonly header?: string[];
  readonly rule?: string[];
}

/** The checks besides lint rules whose severity can be set. */
export const driftChecks = ['source-drift', 'artifact-drift'] as const;

/** Rules of what a Markdown page writes, said at its cells by `import` and `check`. */
export const pageRules = [foreignPlaceholderRule] as const;

/** With a config, check everything it names; flags add to or replace its parts. */
export async function resolveCheckOptions(global: GlobalOptions, flags: CheckFlags): Promise<CheckOptions> {
  if (!['human', 'json', 'github'].includes(flags.format)) {
    throw new UsageError(`--format must be human, json or github, not "${flags.format}"`);
  }
  const loaded = await loadConfig(global.config);
  const catalog = flags.catalog ?? (loaded?.config.catalog ? configPath(loaded, loaded.config.catalog) : defaultCatalog);
  const sources = flags.source ?? (loaded?.config.sources ?? []).map((p) => configPath(loaded!, p));
  // Generated files are checked only when something says where they are.
  const namesOutputs = loaded !== undefined && (loaded.config.targets !== undefined || loaded.config.outDir !== undefined);
  const outDir = flags.outDir ?? (loaded && namesOutputs ? resolve(loaded.dir, loaded.config.outDir ?? '.') : undefined);
  const targets = outDir === undefined ? [] : resolveTargets({ ...fromConfig(loaded, flags.outDir), outDir, only: undefined });
  // One --rule flag serves both rule sets: the ids are distinct.
  // The drift checks take a severity like lint rules do (`off` skips them, e.g. before the first generate).
  const lintIds = new Set([...lintRules.map((r) => r.id), ...driftChecks, ...pageRules]);
  const ruleOverrides = ruleFlags(flags.rule, [...lintIds, ...breakingRules.map((r) => r.id)]);
  const pick = (keep: (id: string) => boolean) => Object.fromEntries(Object.entries(ruleOverrides).filter(([id]) => keep(id)));
  const lintSettings = { ...(loaded?.config.lint?.rules ?? {}), ...pick((id) => lintIds.has(id)) };
  const breakingSettings = { ...(loaded?.config.breaking?.rules ?? {}), ...pick((id) => !lintIds.has(id)) };
  const fixCommand = loaded
    ? `errgen generate${global.config ? ` --config ${global.config}` : ''}`
    : `errgen generate --catalog ${catalog} --out-dir ${flags.outDir ?? '<dir>'}`;
  return {
    catalog,
    source: relative(loaded?.dir ?? '.', resolve(catalog)).split(sep).join('/'),
    sources,
    // Translated pages always come from the config: --source replaces the default-language pages only.
    translations: configTranslations(loaded),
    headers: headerFlags(flags.header, loaded?.config.headers),
    targets,
    // Without outputs named, the languages `generate` would write with this config: every built-in target's.
    languages: namedLanguages(outDir === undefined ? builtinTargets : targets),
    fixCommand,
    against: flags.against,
    format: flags.format as CheckOptions['format'],
    color: Boolean(process.stdout.isTTY) && process.env['NO_COLOR'] === undefined && flags.format === 'human',
    lintSettings,
    breakingSettings,
    ignores: (loaded?.config.breaking?.ignore ?? []).map((ignore, i) => ({ ...ignore, at: loaded!.locate(['breaking', 'ignore', i]) })),
  };
}

/** What `generate --watch` watches: the catalog, the config and every user template with its partials. */
export async function watchedFiles(global: GlobalOptions, flags: GenerateFlags): Promise<Watched[]> {
  const configFile = global.config ?? findConfig(process.cwd());
  const options = await resolveGenerateOptions(global, flags).catch(() => undefined);
  const own = (options?.targets ?? []).filter((t) => !t.builtin);
  const templates = new Set(own.flatMap((t) => templateFiles(t.template)));
  // A partial made after the start (the fix a "there is no partial" error asks for) is seen too.
  const folders = [...new Set(own.map((t) => dirname(t.template)))].map((folder) => ({ folder, suffix: '.hbs' }));
  return [options?.catalog ?? flags.catalog ?? defaultCatalog, ...(configFile ? [configFile] : []), ...templates, ...folders];
}
