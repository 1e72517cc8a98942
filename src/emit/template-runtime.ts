// What the built-in templates, compiled to plain functions by scripts/template-compiler.mjs, call at
// render time: Handlebars 4.7's semantics for the few things a compiled template cannot inline.

type Helper = (...args: unknown[]) => unknown;
type Frame = Record<string, unknown> & { _parent?: Frame };

/** The context a block helper gets for a missing one, as Handlebars' `container.nullContext`. */
export const nullContext: object = Object.seal({});

export function helper(helpers: Record<string, Helper>, name: string): Helper {
  const found = helpers[name];
  if (typeof found !== 'function') throw new Error(`internal: helper "${name}" is not registered`);
  return found;
}

/** Where a helper that takes its values alone, never its options, keeps the function that does the work. */
export const valuesOnly = Symbol('errgen.valuesOnly');

/**
 * A helper call with `count` values and no named arguments, as compiled templates make it: the
 * helper's own function when it takes its values alone (one call, not two, at each of 100,000s of
 * calls), else the helper called with its values and the options it is always given.
 */
export function withValues(found: Helper & { [valuesOnly]?: Helper }, options: object): Helper {
  // The others (concat, and, or: a list of values each) gather their values into an array anyway.
  return found[valuesOnly] ?? ((...values) => found(...values, options));
}

/**
 * A value that is a function, called with a context: a mustache's value (Handlebars' `lambda`) and
 * a block helper's argument both are.
 */
export function called(value: unknown, context: unknown): unknown {
  return typeof value === 'function' ? value.call(context) : value;
}

/** Strict mode's read of a mustache's last name: it must be there. Inherited values read as missing, as `lookupProperty` does. */
function strict(object: unknown, name: string, line: number, column: number): unknown {
  if (!object || !(name in (object as object))) throw new Error(`"${name}" not defined in ${String(object)} - ${line}:${column}`);
  return ownProperty(object as Record<string, unknown>, name);
}

/** A mustache's field: `called(strict(object, name, …), context)` in one call. */
export function field(object: unknown, name: string, line: number, column: number, context: unknown): unknown {
  return called(strict(object, name, line, column), context);
}

function ownProperty(object: Record<string, unknown>, name: string): unknown {
  const value = object[name];
  return value == null || Object.prototype.hasOwnProperty.call(object, name) ? value : undefined;
}

/** The `lookup` helper: `{{lookup list 0}}`. */
export function lookup(object: unknown, name: unknown): unknown {
  return object ? ownProperty(object as Record<string, unknown>, name as string) : object;
}

/** Handlebars' isEmpty: what `#with` skips and `#if` reads as false (with every other falsy value but 0). */
export function isEmpty(value: unknown): boolean {
  return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
}

/** `#if`'s test: false for falsy values (0 only without `includeZero`) and empty lists. */
export function truthy(value: unknown, self: unknown, includeZero: boolean): boolean {
  const tested = called(value, self);
  return !((!includeZero && !tested) || isEmpty(tested));
}

const noItems: readonly unknown[] = [];

/** What `#each` visits: a list's items, an iterable's values or an object's property values; nothing for anything else. */
export function eachValues(list: unknown): readonly unknown[] {
  if (!list || typeof list !== 'object') return noItems;
  if (Array.isArray(list)) return list;
  if (Symbol.iterator in list) return Array.from(list as Iterable<unknown>);
  const object = list as Record<string, unknown>;
  return Object.keys(object).map((key) => object[key]);
}

/** `@key` of each item `eachValues` gave: null where it is the index. */
export function eachKeys(list: unknown, values: readonly unknown[]): readonly string[] | null {
  return values === list || values === noItems || Symbol.iterator in (list as object) ? null : Object.keys(list as object);
}

/**
 * A data frame for a block's `@index` and the like, whose `@../` is the frame it was made in.
 * Handlebars' createFrame copies every name of its parent; a compiled template's frames hold only
 * these six (the render's first frame has `root` alone, and only `#each` makes frames, setting the
 * other four before anything reads them), so one literal copies them: Object.assign took a tenth
 * of rendering TypeScript's per-code loops. A new `@` name in the compiler must be added here.
 */
export function frame(parent: Frame): Frame {
  return { root: parent['root'], key: parent['key'], index: parent['index'], first: parent['first'], last: parent['last'], _parent: parent };
}

/** `@../name`: the frame `depth` levels out. */
export function dataAt(data: Frame | undefined, depth: number): Frame | undefined {
  let at = data;
  while (at && depth--) at = at._parent;
  return at;
}

/** The contexts `../` reads in a block run with `context`: one more level only when the context changes. */
export function depths(context: unknown, outer: readonly unknown[]): readonly unknown[] {
  // Loose inequality, as Handlebars' wrapProgram compares them.
  // eslint-disable-next-line eqeqeq
  return context != outer[0] && !(context === nullContext && outer[0] === null) ? [context, ...outer] : outer;
}

/** A standalone partial's text with its line's indentation before each line (not after a final newline). */
export function indent(text: string, by: string): string {
  if (text === '') return text;
  // After every line break but a final one. `by` is a standalone line's leading white space: no `$` patterns.
  return by + text.replace(/\n(?!$)/g, `\n${by}`);
}

export { flat } from '../lang/escape.js';
