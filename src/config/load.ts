import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type Location, UsageError, UserError } from '../diagnostics.js';
import type { FieldName } from '../markdown/columns.js';
import { readTextFile } from '../io/files.js';
import { parseYaml } from '../yaml/parse.js';
import type { TargetConfig } from './targets.js';
import type { RuleSetting } from '../lint/rule.js';
import type { BreakingIgnore } from '../check/breaking.js';

export const configFileNames = ['errgen.config.yaml', 'errgen.config.yml'] as const;

/** errgen.config.yaml as written; see schemas/config.schema.json. */
export interface ConfigFile {
  readonly sources?: readonly string[];
  /** Translated pages by locale (`zh-CN: data/error-codes.zh-CN.md`), imported into `messages.<locale>`. */
  readonly translations?: Readonly<Record<string, string | readonly string[]>>;
  readonly catalog?: string;
  readonly headers?: Partial<Record<FieldName, readonly string[]>>;
  readonly outDir?: string;
  readonly allowOutputsOutside?: boolean;
  readonly targets?: Readonly<Record<string, TargetConfig | null | boolean>>;
  readonly lint?: { readonly rules?: Readonly<Record<string, RuleSetting>> };
  readonly breaking?: { readonly rules?: Readonly<Record<string, RuleSetting>>; readonly ignore?: readonly BreakingIgnore[] };
}

export interface LoadedConfig {
  /** The config file as the user would name it (relative to cwd). */
  readonly file: string;
  /** Where a value of the config is, for a problem found after it was read. */
  readonly locate: (path: readonly (string | number)[]) => Location;
  /** A plain value as it is written in the config (`0x10`, which YAML reads as 16), for a one-line scalar at `path`. */
  readonly writtenAt: (path: readonly (string | number)[]) => string | undefined;
  /** Its folder: config paths are relative to it. */
  readonly dir: string;
  readonly config: ConfigFile;
}

/** Finds errgen.config.yaml by walking up from `from`; undefined when there is none. */
export function findConfig(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of configFileNames) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Loads the config named by --config, or the one found from cwd, or none. */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd()): Promise<LoadedConfig | undefined> {
  const path = explicit ?? findConfig(cwd);
  if (path === undefined) return undefined;
  const file = relative(cwd, resolve(cwd, path)) || path;
  const text = await readTextFile(file, 'config file').catch((error: Error) => {
    throw new UsageError(error.message, error instanceof UserError ? error.diagnostics : []);
  });
  const parsed = await parseYaml<ConfigFile>(text, file, 'config');
  if (Array.isArray(parsed)) throw new UsageError(`${file} is not a valid errgen configuration`, parsed);
  let lines: string[] | undefined; // split when first asked: most configs never are
  const writtenAt = (path: readonly (string | number)[]) => {
    const at = parsed.locate(path);
    const line = (lines ??= text.split(/\r?\n/))[at.line - 1];
    // A plain scalar runs to a comment or the end of its line (in a flow mapping, to `,` or `}`).
    return line?.slice(at.column - 1).split(/\s#|[,}\]]/)[0]?.trim() || undefined;
  };
  return { file, locate: (path) => parsed.locate(path), writtenAt, dir: dirname(file), config: parsed.value };
}

/** A config path made relative to cwd, for reading and for messages. */
export function configPath(loaded: LoadedConfig, path: string): string {
  return relative(process.cwd(), resolve(loaded.dir, path)) || '.';
}

/** The config's translated pages, each locale with its files relative to cwd, in config order. */
export function configTranslations(loaded: LoadedConfig | undefined): Array<{ locale: string; files: string[] }> {
  return Object.entries(loaded?.config.translations ?? {}).map(([locale, files]) => ({
    locale,
    files: (typeof files === 'string' ? [files] : files).map((p) => configPath(loaded!, p)),
  }));
}
