/**
 * Where in a user's template a render failed. Handlebars reports a missing field as
 * `"mesage" not defined in [object Object] - 2:2` (0-based column) without saying which file, and
 * a helper's own error with no place at all. Wrapping each template file, each block handed to a
 * partial, each inline partial and each helper lets an error pick up its file, and a failing
 * helper's call as written, on its way out.
 */
import type Handlebars from 'handlebars';
import type { Location } from '../diagnostics.js';
import { dirname, join } from 'node:path';
import { closestMatch, didYouMean } from '../closest-match.js';
import { templateHelpers } from './helpers.js';
import { lineAndColumn, literally, templateLines } from './template-syntax.js';

/** A template file: main.hbs or a partial beside it. */
export interface TemplateFile {
  /** As the user should read it (relative to the working folder). */
  readonly path: string;
  readonly text: string;
}

/** Handlebars' place of a node: line 1-based, column 0-based. */
interface Loc {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

interface Place {
  file?: TemplateFile;
  call?: { readonly loc: Loc; readonly helper: string };
}

const places = new WeakMap<object, Place>();

function placeOf(error: unknown): Place | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  let place = places.get(error);
  if (!place) places.set(error, (place = {}));
  return place;
}

/**
 * The file whose text runs now. A block passed to a partial (`{{#> layout}}…{{/layout}}`) and an
 * inline partial run inside another file's render, but are the text of the file that wrote them.
 */
let running: TemplateFile | undefined;
const ours = new WeakSet<object>();

type Fn = (...args: never[]) => unknown;

/** `fn`, run as the text of `file`: errors from it that no inner file claimed are marked with it. */
function runIn<F extends Fn>(file: TemplateFile, fn: F): F {
  const wrapped = function (this: unknown) {
    const outer = running;
    running = file;
    try {
      return fn.apply(this, arguments as unknown as Parameters<F>);
    } catch (error) {
      const place = placeOf(error);
      if (place && place.file === undefined) place.file = file;
      throw error;
    } finally {
      running = outer;
    }
  } as F;
  ours.add(wrapped);
  return wrapped;
}

/** A template file's compiled function. A block it is called with runs as its caller's text. */
export function inFile<F extends (context: never, options?: never) => unknown>(file: TemplateFile, render: F): F {
  const inner = runIn(file, render as unknown as (context: unknown, options: unknown) => unknown);
  return function (this: unknown, context: unknown, options?: { data?: Record<string, unknown> }) {
    const data = options?.data;
    const block = data?.['partial-block'];
    // A block not wrapped yet is the caller's, handed to this call (an outer one's was wrapped before).
    if (data && typeof block === 'function' && !ours.has(block) && running !== undefined) data['partial-block'] = runIn(running, block as Fn);
    return inner.call(this, context, options);
  } as unknown as F;
}

/** Registers `{{#*inline}}` so that an inline partial runs as the text of the file that defines it. */
export function registerInline(env: typeof Handlebars): void {
  const inline = env.decorators['inline'] as (...args: unknown[]) => unknown;
  env.registerDecorator('inline', function (this: unknown, fn: unknown, props: unknown, container: unknown, options: { fn: Fn }) {
    const definedIn = running;
    return inline.call(this, fn, props, container, definedIn ? { ...options, fn: runIn(definedIn, options.fn) } : options);
  });
}

/** A helper that marks its own errors with its call's place (Handlebars passes it as `options.loc`). */
export function atCall<F extends Fn>(helper: F): F {
  return function (this: unknown) {
    try {
      return helper.apply(this, arguments as unknown as Parameters<F>);
    } catch (error) {
      const place = placeOf(error);
      const options = arguments[arguments.length - 1] as { loc?: Loc; name?: string } | undefined;
      // errgen's helpers are not block helpers: nothing else of the template runs inside one.
      if (place && options?.loc && options.name) place.call = { loc: options.loc, helper: options.name };
      throw error;
    }
  } as F;
}

/** The call as written (`{{javaComment mesage}}`, `(pascal code)`), on one line; undefined if it cannot be found. */
function callSource(file: TemplateFile, call: { readonly loc: Loc; readonly helper: string }): string | undefined {
  const lines = templateLines(file.text);
  const { start, end } = call.loc;
  const from = lines[start.line - 1]?.slice(start.column) ?? '';
  const text = start.line === end.line ? from.slice(0, end.column - start.column) : [from, ...lines.slice(start.line, end.line - 1), lines[end.line - 1]?.slice(0, end.column) ?? ''].join('\n');
  // A block helper's node is its whole block: its opening tag is the call.
  const opening = text.startsWith('{{#') ? text.slice(0, text.indexOf('}}') + 2) : text;
  const oneLine = opening.replace(/\s+/g, ' ');
  return new RegExp(`^(?:\\{\\{[~#]?\\s*|\\()${literally(call.helper)}\\b`).test(oneLine) ? oneLine : undefined;
}

/** A Handlebars exception's place, which its message ends with as ` - line:column` (0-based column). */
interface HandlebarsPlace {
  readonly lineNumber: number;
  readonly column: number;
}

const isHandlebarsPlace = (error: unknown): error is Error & HandlebarsPlace =>
  error instanceof Error && typeof (error as Partial<HandlebarsPlace>).lineNumber === 'number' && typeof (error as Partial<HandlebarsPlace>).column === 'number';

/** A failure of a user's template as a reader wants it: what, and in which file at which line and column, when known; `model` is what it rendered, whose field names a misspelt one is matched with. */
export function describeFailure(error: unknown, model?: object): { readonly message: string; readonly at?: Location } {
  const message = error instanceof Error ? error.message : String(error);
  const place = placeOf(error);
  const file = place?.file;
  // At its place in the file, or (a file not known) with its line and column in words.
  const placed = (text: string, line: number, column: number) =>
    file ? { message: text, at: { file: file.path, line, column } } : { message: `${text} (line ${line}, column ${column})` };
  if (isHandlebarsPlace(error)) {
    const what = message.replace(/ - \d+:\d+$/, '');
    const missing = /^"(.*)" not defined in ([\s\S]*)$/.exec(what);
    if (!missing) return placed(what, error.lineNumber, error.column + 1);
    const name = missing[1] as string;
    const written = file && writtenName(file, name, error.lineNumber, error.column);
    const column = (written?.column ?? error.column) + 1;
    // Called with arguments, it was meant as a helper: the helper a misspelling most likely meant.
    if (written?.called) return placed(`there is no helper "${name}"${didYouMean(name, Object.keys(templateHelpers()))}`, error.lineNumber, column);
    // An extra column a code's table did not have: `fields` holds only the columns its row had.
    if (written?.inFields) return placed(`"${name}" is not defined here: this row's table has no "${name}" column (\`fields\` holds the extra columns its row has); read it with (lookup fields "${name}"), which gives nothing where it is missing, e.g. {{#if (lookup fields "${name}")}}`, error.lineNumber, column);
    // Read from a field with no value (`deprecated.since` of a live code): that field is what to test.
    const inNothing = missing[2] === 'undefined' || missing[2] === 'null';
    if (inNothing) return placed(`"${name}" is not defined here: what it is read from has no value here (test that first, e.g. {{#if deprecated}})`, error.lineNumber, column);
    return placed(`"${name}" is not defined here${model ? meantField(name, model) : ''}`, error.lineNumber, column);
  }
  const call = place?.call;
  if (call) {
    const source = file && callSource(file, call);
    const { line, column } = call.loc.start;
    return placed(`${message}${source ? `, in ${source}` : ''}`, line, column + 1);
  }
  const parse = /^Parse error on line (\d+):\n?/.exec(message);
  // Handlebars gives the line of a syntax error, but not its column.
  if (parse) return file ? placed(`parse error:\n${message.slice(parse[0].length)}`, Number(parse[1]), 1) : { message };
  const partial = /^The partial (.+) could not be found$/.exec(message);
  const partialAt = partial && file ? partialCall(file, partial[1] as string) : undefined;
  if (partial && partialAt) return placed(missingPartial(partial[1] as string, file), partialAt.line, partialAt.column + 1);
  const text = partial ? missingPartial(partial[1] as string, file) : message;
  // Handlebars gives no line for these: the file alone.
  return { message: file ? `${text} (in ${file.path})` : text };
}

/** What to say of a partial that is not there: the file it would be. */
export function missingPartial(name: string, file: TemplateFile | undefined): string {
  if (name.startsWith('@')) return `there is no ${name} here: it is the block of a partial called as {{#> name}}…{{/name}}`;
  return `there is no partial "${name}": a partial is a .hbs file beside the main template, here ${file ? join(dirname(file.path), `${name}.hbs`) : `${name}.hbs`}`;
}

/** Where a partial is called in a file (`{{> name`, `{{#> name`), the first time; Handlebars does not say. */
function partialCall(file: TemplateFile, name: string): { line: number; column: number } | undefined {
  const call = new RegExp(`\\{\\{~?\\s*#?>\\s*${literally(name)}(?=[\\s}~(])`).exec(file.text);
  return call ? lineAndColumn(file.text, call.index) : undefined;
}

/**
 * A missing name as written at Handlebars' place of its path (line, 0-based column): its own
 * column in a dotted path (`options.pakage` is placed at `options`), and whether arguments follow
 * it, as they follow a helper's name.
 */
function writtenName(file: TemplateFile, name: string, line: number, column: number): { column: number; called: boolean; inFields: boolean } | undefined {
  const text = templateLines(file.text)[line - 1]?.slice(column) ?? '';
  const path = /^[^\s}()~=|]+/.exec(text)?.[0] ?? '';
  // The first segment of the path with that name (strict mode stops at the first one missing).
  let at = 0;
  let previous = '';
  for (const segment of path.split(/[./]/)) {
    if (segment === name) return { column: column + at, called: path === name && /^\s+[^\s}~]/.test(text.slice(path.length)), inFields: previous === 'fields' };
    at += segment.length + 1;
    previous = segment;
  }
  return undefined;
}

/**
 * For a field missing where a template read it: the field it most likely meant (the nearest name in
 * the whole model) and where that one is, e.g. ` (did you mean "status"? It is a field of each item
 * of codes)`; for a field of the model's top read inside a block (`source` in `{{#each codes}}`),
 * how to reach it there.
 */
function meantField(name: string, model: object): string {
  const owners = fieldOwners(model);
  // Nearest in the model first: `codez` at the top meant `codes` there, not a code's `code`.
  const meant = owners.has(name) ? name : closestMatch(name, [...owners.keys()], { firstOnTie: true });
  if (meant === undefined) return '';
  const where = owners.get(meant) as string[][];
  // A name found where the template read it raises no error: one of the top is read inside a block.
  const inner = where.find((path) => path.length > 0);
  const said = inner ? `it is a field of ${describePath(inner)}` : `it is at the model's top: {{@root.${meant}}} inside a block`;
  return meant === name ? `: ${said}` : ` (did you mean "${meant}"? ${said[0]!.toUpperCase()}${said.slice(1)})`;
}

/**
 * Each field name in the model with the paths of the objects that have it (`[]` for the top,
 * `['codes', '[]']` for each item of codes), nearest first. Lists are sampled (a field such as
 * `deprecated.since` is there only in some items), and an object reached twice counts where it is
 * reached first, so that a code's fields belong to `codes`, not to `groups[].codes`.
 */
function fieldOwners(model: object): Map<string, string[][]> {
  const owners = new Map<string, string[][]>();
  const seen = new Set<object>();
  let level: Array<{ value: object; path: string[] }> = [{ value: model, path: [] }];
  for (let depth = 0; level.length > 0 && depth < 8; depth++) {
    const next: typeof level = [];
    for (const { value, path } of level) {
      if (seen.has(value)) continue;
      seen.add(value);
      if (Array.isArray(value)) {
        for (const item of value.slice(0, listSample)) if (typeof item === 'object' && item !== null) next.push({ value: item, path: [...path, '[]'] });
        continue;
      }
      for (const [key, field] of Object.entries(value)) {
        const list = owners.get(key);
        if (!list) owners.set(key, [path]);
        else if (!list.some((known) => known.join('.') === path.join('.'))) list.push(path);
        if (typeof field === 'object' && field !== null) next.push({ value: field, path: [...path, key] });
      }
    }
    level = next;
  }
  return owners;
}

/** Items of each list looked at for field names: enough to meet optional fields, few enough to stay quick. */
const listSample = 200;

/** `['codes', '[]', 'grpc']` → "grpc of each item of codes". */
function describePath(path: readonly string[]): string {
  let text = '';
  for (const segment of path) text = segment === '[]' ? `each item of ${text}` : text ? `${segment} of ${text}` : segment;
  return text;
}
