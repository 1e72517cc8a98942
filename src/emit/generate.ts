import type { Catalog } from '../catalog/model.js';
import { InputError, type Location, UsageError } from '../diagnostics.js';
import { namedLanguages } from '../lang/index.js';
import { localeSpellingClashes } from '../messages/locale-spellings.js';
import { compileTemplate, joinedText, type Render } from './templates.js';
import { describeFailure } from './template-place.js';
import { buildViewModel, type ViewLocale } from './view-model.js';

/** One thing to write: a template, its options and where its output goes (relative to cwd). */
export interface ResolvedTarget {
  readonly name: string;
  /** The template's main file. */
  readonly template: string;
  readonly output: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** Whether the template is one errgen ships (its failures are errgen's bugs). */
  readonly builtin: boolean;
  /**
   * The ids of the languages whose identifiers its template prints: a built-in target's own (none
   * for docs, JSON …); every language for a template of yours, which may print any.
   */
  readonly names: readonly string[];
}

export interface GenerateInput {
  readonly catalog: Catalog;
  /** The catalog path for generated headers, as the project names it. */
  readonly source: string;
  /** Where the node at a catalog path is (`['groups', 0, 'codes', 3]`), for diagnostics. */
  readonly locate: (path: readonly (string | number)[]) => Location;
}

/** One output file, rendered only when asked, so a big catalog's outputs need not all be in memory at once. */
export interface PendingOutput {
  /** Where it goes, relative to the working folder. */
  readonly path: string;
  /** The target it is rendered for. */
  readonly target: ResolvedTarget;
  /** Hands the text, which ends with a newline, to `write` in pieces, in order: at 100,000 codes one output is over 100 MB. */
  renderTo(write: (piece: string) => void): void;
  /** The whole text at once. */
  render(): string;
}

/**
 * The engine: catalog + targets → the files to write, each rendered on demand. Problems with the
 * catalog's identifiers throw here, before anything is rendered. No file is written here, so
 * `generate`, `check` and the tests share one code path. `compile` is for a test that renders the
 * built-in templates through Handlebars itself, to compare.
 */
export function planOutputs(input: GenerateInput, targets: readonly ResolvedTarget[], compile: (mainPath: string) => Render = compileTemplate): PendingOutput[] {
  if (targets.length === 0) return [];
  // Everything but the options is the same for every target: name and index the catalog once.
  // The built-in targets' code types, by the language they name codes in: no member may take their names.
  const typeNames = new Map<string, Set<string>>();
  for (const t of targets) {
    const typeName = t.options['typeName'];
    if (!t.builtin || t.names.length !== 1 || typeof typeName !== 'string') continue;
    const names = typeNames.get(t.names[0] as string) ?? new Set();
    typeNames.set(t.names[0] as string, names.add(typeName));
  }
  const locateEntry = (group: number, index: number) => input.locate(['groups', group, 'codes', index]);
  const { model, diagnostics } = buildViewModel({ ...input, locate: locateEntry, options: {}, languages: namedLanguages(targets), typeNames });
  // The built-in targets write an enum of the codes and lookups over it: with none, a type
  // checker refuses them (an empty TypeScript enum cast from Object.keys, an empty Python lookup).
  if (model.codes.length === 0 && targets.some((target) => target.builtin)) {
    diagnostics.push({
      severity: 'error',
      at: input.locate(['groups']),
      message: `${input.source} has no live code (none, or every one removed): the built-in targets generate an enum of the live codes, which needs one`,
      hint: 'Add a code (errgen import reads them from your Markdown page), or generate only templates of your own.',
    });
  }
  // One locale spelt two ways would be generated as two, each with part of the translations.
  for (const clash of localeSpellingClashes(input.catalog, input.locate)) diagnostics.push({ ...clash, severity: 'error', rule: 'locale-config' });
  if (diagnostics.length > 0) throw new InputError(`cannot generate from ${input.source}`, diagnostics);
  const outputs = targets.flatMap((target) => {
    const template = compiledOnce(target, compile);
    const output = (path: string, locale: ViewLocale, localeIndex: number) =>
      pendingOutput(target, path, template, { ...model, options: target.options, locale, localeIndex });
    if (!perLocale.test(target.output)) return [output(target.output, model.locales[0]!, 0)];
    // An output named per locale (a resource bundle) is rendered once for each known locale.
    return model.locales.map((locale, localeIndex) => output(localeOutput(target.output, locale), locale, localeIndex));
  });
  const writers = new Map<string, string>();
  for (const { target, path } of outputs) {
    const other = writers.get(path);
    if (other !== undefined) throw new UsageError(`targets "${other}" and "${target.name}" both write ${path}: give one of them another \`output\` in the config`);
    writers.set(path, target.name);
  }
  return outputs;
}

/** Every output rendered, by path. */
export function generate(input: GenerateInput, targets: readonly ResolvedTarget[]): Map<string, string> {
  return new Map(planOutputs(input, targets).map((output) => [output.path, output.render()]));
}

/**
 * `{locale}` (the tag, `zh-CN`), `{locale_}` (`zh_CN`) or `{_locale_}` in an output path: one file
 * per locale. `{_locale_}` is a resource bundle's suffix: `_zh_CN`, and nothing for the default
 * locale, whose file is the base bundle (`Messages.properties`) that ResourceBundle falls back to.
 */
const perLocale = /\{(?:locale|locale_|_locale_)\}/;

function localeOutput(output: string, locale: ViewLocale): string {
  return output
    .replace(/\{locale\}/g, locale.tag)
    .replace(/\{locale_\}/g, locale.underscore)
    .replace(/\{_locale_\}/g, locale.isDefault ? '' : `_${locale.underscore}`);
}

/** A target's template, compiled at its first render and kept for its other locales' outputs. */
function compiledOnce(target: ResolvedTarget, compile: (mainPath: string) => Render): () => Render {
  let compiled: Render | undefined;
  return () => (compiled ??= compile(target.template));
}

function pendingOutput(target: ResolvedTarget, path: string, template: () => Render, model: object): PendingOutput {
  const renderTo = (write: (piece: string) => void) => renderPieces(target, template, model, write);
  return {
    target,
    path,
    renderTo,
    render: () => joinedText(renderTo),
  };
}

/**
 * Renders in pieces, none empty, ending the text with a newline if the template did not. A failure
 * of the template is the user's to fix if it is theirs; a failure of `write` (a full disk) passes as it is.
 */
function renderPieces(target: ResolvedTarget, template: () => Render, model: object, write: (piece: string) => void): void {
  let last = '';
  let writeFailed: { error: unknown } | undefined;
  const forward = (piece: string) => {
    if (!piece) return;
    last = piece;
    try {
      write(piece);
    } catch (error) {
      writeFailed = { error };
      throw error;
    }
  };
  try {
    template()(model, forward);
  } catch (error) {
    if (writeFailed) throw writeFailed.error;
    if (target.builtin) throw error;
    const failure = describeFailure(error, model);
    const failed = `template ${target.template} of target "${target.name}" failed`;
    throw failure.at ? new UsageError(failed, [{ severity: 'error', at: failure.at, message: failure.message }]) : new UsageError(`${failed}: ${failure.message}`);
  }
  if (!last.endsWith('\n')) write('\n');
}
