import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { didYouMean } from '../closest-match.js';
import { type Location, UsageError } from '../diagnostics.js';
import { describeFsError } from '../io/files.js';
import { isInside, realPathOf } from '../io/paths.js';
import type { ResolvedTarget } from '../emit/generate.js';
import { builtinTarget, builtinTargets, builtinTemplatePath, defaultOptions, meantTarget, optionProblems } from '../emit/targets.js';
import { languages } from '../lang/index.js';

/** A target as written in the config's `targets` mapping. */
export interface TargetConfig {
  readonly kind?: string;
  readonly template?: string;
  readonly output?: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface TargetSelection {
  /** The config's `targets`, or undefined for "every built-in target with its defaults". */
  readonly targets: Readonly<Record<string, TargetConfig | null | boolean>> | undefined;
  /** Folder the config's template paths are relative to (the config's folder, or cwd). */
  readonly baseDir: string;
  /** Folder output paths are relative to. */
  readonly outDir: string;
  /** --only: names to keep. */
  readonly only: readonly string[] | undefined;
  /**
   * A config arrives in pull requests: outputs it names must stay inside this folder (the
   * config's, or --out-dir), following symlinks. Undefined when the config allows any path.
   */
  readonly confineTo: string | undefined;
  /** Whether `outDir` comes from the config (not --out-dir, nor the default): where to report an output it sends outside. */
  readonly outDirInConfig?: boolean;
  /** Where a value of the config is: a problem with a target is reported there. */
  readonly locate?: ((path: readonly (string | number)[]) => Location) | undefined;
  /** A value as it is written in the config (see LoadedConfig.writtenAt). */
  readonly writtenAt?: ((path: readonly (string | number)[]) => string | undefined) | undefined;
}

const builtinNames = builtinTargets.map((t) => t.name);

/** Turns the config's target entries (or the built-in defaults) into resolved targets, paths relative to cwd. */
export function resolveTargets(selection: TargetSelection): ResolvedTarget[] {
  const entries: Array<[string, TargetConfig | null | boolean]> = selection.targets
    ? Object.entries(selection.targets)
    : builtinTargets.map((t) => [t.name, {}]);
  const known = entries.filter(([, value]) => value !== false).map(([name]) => name);
  for (const name of selection.only ?? []) {
    if (!known.includes(name)) throw new UsageError(`--only names an unknown target "${name}"${didYouMean(name, known, meantTarget(name, known))}; the targets are: ${known.join(', ')}`);
  }
  // Inside the working tree paths read best relative; outside it, absolute.
  const cwdRelative = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.';
  };
  const folderName = (folder: string) => {
    const shown = cwdRelative(resolve(folder));
    return shown === '.' ? 'the current folder' : shown;
  };
  const realPaths = new Map<string, string>(); // the targets share their folders
  return entries
    .filter(([name, value]) => value !== false && (!selection.only || selection.only.includes(name)))
    .map(([name, value]) => {
      const config: TargetConfig = typeof value === 'object' && value !== null ? value : {};
      // A problem with the config's target, at its place in the config when there is one: a path in
      // the target's entry, or (`root`) from the config's root.
      const invalidEach = (problems: ReadonlyArray<{ message: string; path: readonly string[]; root?: boolean }>) => {
        const located = problems.map(({ message, path, root }) => ({ severity: 'error' as const, at: selection.locate?.(root ? path : ['targets', name, ...path]), message }));
        const first = located[0]?.at;
        return first && located.every((d): d is typeof d & { at: Location } => d.at !== undefined)
          ? new UsageError(`${first.file} is not a valid errgen configuration`, located)
          : new UsageError(problems.map((p) => p.message).join('; '));
      };
      const invalid = (message: string, ...path: string[]) => invalidEach([{ message, path }]);
      const builtin = builtinTarget(config.kind ?? name);
      if (config.kind !== undefined && !builtin) {
        throw invalid(`target "${name}" has kind "${config.kind}", which is not a built-in target${didYouMean(config.kind, builtinNames, meantTarget(config.kind, builtinNames))}; the built-in targets are: ${builtinNames.join(', ')}`, 'kind');
      }
      if (!builtin && config.template === undefined) {
        const meant = meantTarget(name, builtinNames);
        throw invalid(
          meant !== undefined
            ? `target "${name}" is not a built-in target${didYouMean(name, builtinNames, meant)}: rename it, or give it a \`template\` (your own) or a \`kind\``
            : `target "${name}" is not a built-in target: give it a \`template\` (your own) or a \`kind\` (${builtinNames.join(', ')})`,
        );
      }
      const respelt = Object.entries(config.options ?? {}).flatMap(([option, value]) => {
        if (typeof value !== 'number' && typeof value !== 'boolean') return [];
        const written = selection.writtenAt?.(['targets', name, 'options', option]);
        if (written === undefined || written === String(value)) return [];
        const read = typeof value === 'number' ? `the number ${value}` : String(value);
        return [{ message: `target "${name}": option "${option}" is written ${written}, which YAML reads as ${read}: write it in quotes ("${written}") to keep it as text`, path: ['options', option] }];
      });
      if (respelt.length > 0) throw invalidEach(respelt);
      const given = textOptions(config.options ?? {});
      if (builtin) {
        const problems = optionProblems(builtin, given, config.template !== undefined);
        if (problems.length > 0) throw invalidEach(problems.map((p) => ({ message: `target "${name}": ${p.message}`, path: ['options', p.option] })));
      }
      const options = { ...(builtin ? defaultOptions(builtin) : {}), ...given };
      const output = config.output ?? builtin?.defaultOutput(options);
      if (output === undefined) throw invalid(`target "${name}" needs an \`output\` path`);
      const target = isAbsolute(output) ? output : resolve(selection.outDir, output);
      if (selection.confineTo !== undefined && !isInside(target, selection.confineTo, realPaths)) {
        const lexical = relative(resolve(selection.confineTo), target);
        const via = lexical.startsWith('..') || isAbsolute(lexical) ? '' : ` (a symlink leads it to ${cwdRelative(realPathOf(target, realPaths))})`;
        const message =
          `target "${name}" would write ${cwdRelative(target)}${via}, outside ${folderName(selection.confineTo)}; errgen refuses paths from a config that leave its folder. ` +
          'Fix the `output`/`outDir` path, or set `allowOutputsOutside: true` in the config if this is intended';
        // Its own `output`, else the config's `outDir` that it is written under, else the target.
        const place = config.output !== undefined ? { path: ['output'] } : selection.outDirInConfig ? { path: ['outDir'], root: true } : { path: [] };
        throw invalidEach([{ message, ...place }]);
      }
      const template = config.template !== undefined ? resolve(selection.baseDir, config.template) : builtinTemplatePath(builtin!.name);
      // A template is read and printed into an output: from a config, it must not reach outside either.
      if (config.template !== undefined && selection.confineTo !== undefined && !isInside(template, selection.baseDir, realPaths)) {
        throw invalid(
          `target "${name}" would read its template ${cwdRelative(template)}, outside ${folderName(selection.baseDir)}; errgen refuses paths from a config that leave its folder. ` +
            'Move the template into the config\'s folder, or set `allowOutputsOutside: true` in the config if this is intended',
          'template',
        );
      }
      if (config.template !== undefined) {
        const problem = templateProblem(template);
        if (problem) throw invalid(`target "${name}": its template ${cwdRelative(template)} ${problem}`, 'template');
      }
      return {
        name,
        template: config.template !== undefined ? cwdRelative(template) : template,
        output: cwdRelative(target),
        options,
        builtin: config.template === undefined,
        names: config.template === undefined ? builtin!.names : languages.map((language) => language.id),
      };
    });
}

/**
 * YAML reads `enumLimit: 5000` as a number and `version: 3.1` as one too: option values are text, so
 * say them as written (one YAML changes as it reads, `0x10` or `3.0`, was refused before this).
 */
function textOptions(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([name, value]) => [name, typeof value === 'number' || typeof value === 'boolean' ? String(value) : value]));
}

/** Why a template path of the config's cannot be the main template, or undefined if it can. */
function templateProblem(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? 'is a folder; give the path of its main .hbs file' : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A path through a file (`errors.md/main.hbs`) names nothing there, as a missing one does.
    if (code === 'ENOENT' || code === 'ENOTDIR') return "does not exist (a path relative to the config's folder)";
    return `cannot be read: ${describeFsError(error)}`;
  }
}
