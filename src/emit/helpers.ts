import type { Deprecation } from '../catalog/model.js';
import { jsonLiteral, jsonString } from '../lang/escape.js';
import { htmlAttr, htmlComment, htmlText, scriptJson } from '../lang/html.js';
import { type IcuPart, icuPattern } from '../lang/icu.js';
import { languages } from '../lang/index.js';
import { type MessageFormatPart, messageFormatPattern, propertiesComment, propertiesKey, propertiesValue } from '../lang/java-properties.js';
import { markdownCell, markdownCellWithCode, markdownComment } from '../lang/markdown.js';
import { hasBraces } from '../messages/template.js';
import { type CaseStyle, toCase } from '../names/case.js';
import { reasonPhrase } from './http-status.js';
import { valuesOnly } from './template-runtime.js';
import { templateSpans } from './template-spans.js';
import { type ViewParam, viewTemplate } from './view-messages.js';

type Helper = (...args: unknown[]) => unknown;

/**
 * Handlebars calls a helper with the template's values and then its options object. A helper of
 * up to three values gets just those (undefined for any the template leaves out), without the
 * arrays that rest parameters would allocate at each of its 100,000s of calls.
 */
function fixed(helper: (a: unknown, b: unknown, c: unknown) => unknown): Helper {
  const wrapper = function (this: unknown) {
    const given = arguments.length - 1;
    return helper(given > 0 ? arguments[0] : undefined, given > 1 ? arguments[1] : undefined, given > 2 ? arguments[2] : undefined);
  };
  // A compiled template calls it directly (template-runtime's withValues): a value it leaves out is undefined there too.
  return Object.assign(wrapper, { [valuesOnly]: helper as Helper });
}

/** A helper of any number of values. */
function variadic(helper: (values: unknown[]) => unknown): Helper {
  return (...args) => {
    args.pop();
    return helper(args);
  };
}

function text(value: unknown, helper: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw wrongArgument(helper, 'text', value);
}

function listArgument(value: unknown, helper: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  throw wrongArgument(helper, 'a list', value);
}

/** A whole number, or text that is one written in digits (`{{padEnd code "20"}}`). */
function wholeArgument(value: unknown, helper: string): number {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number)) return number;
  throw wrongArgument(helper, 'a whole number', value);
}

/** A view model message template (`messageTemplate`, `solutionTemplate`, a `localized` entry's `message`). */
function templateArgument(value: unknown, helper: string): { readonly parts: readonly (IcuPart & MessageFormatPart)[] } {
  if (value !== null && typeof value === 'object' && Array.isArray((value as { parts?: unknown }).parts)) return value as { parts: (IcuPart & MessageFormatPart)[] };
  throw wrongArgument(helper, 'a message template (messageTemplate, or a localized message)', value);
}

const deprecationFields = new Set(['since', 'reason', 'replacement']);

/** Any value but undefined, which JSON cannot write. */
function valueArgument(value: unknown, helper: string): unknown {
  if (value === undefined) throw wrongArgument(helper, 'a value', value);
  return value;
}

function wrongArgument(helper: string, wanted: string, value: unknown): Error {
  return new Error(`helper "${helper}" expects ${wanted}, got ${kindOf(value)}`);
}

/** What a value is, for a message: its kind, and a short text or number itself. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined (a field with no value here, or an argument left out)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  const shown = JSON.stringify(value);
  return `${typeof value} ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`;
}

const caseHelper = (style: CaseStyle): Helper => fixed((value) => toCase(text(value, style), style));

/**
 * Every helper a template can use, documented in README.md ("Template helpers"). Per language
 * `<id>String` (a string literal) and `<id>Comment` (comment-safe text), e.g. `goString`, `javaComment`.
 */
export function templateHelpers(): Record<string, Helper> {
  const helpers: Record<string, Helper> = {
    pascal: caseHelper('pascal'),
    camel: caseHelper('camel'),
    constant: caseHelper('constant'),
    snake: caseHelper('snake'),
    kebab: caseHelper('kebab'),
    /** JSON text of any value; `{{json x 2}}` indents. */
    json: fixed((value, indent) =>
      typeof value === 'string' && indent === undefined ? jsonString(value) : JSON.stringify(valueArgument(value, 'json'), null, indent === undefined ? undefined : wholeArgument(indent, 'json'))),
    /**
     * JSON text of a value that is also a one-line YAML flow node (YAML is a JSON superset, but
     * YAML forbids DEL and C1 controls raw and YAML 1.1 reads U+2028/9 as line breaks: those become
     * `\u` escapes). For YAML and JSON outputs alike.
     */
    yamlJson: fixed((value) => jsonLiteral(valueArgument(value, 'yamlJson'))),
    /** Its arguments as one text, to build a value before escaping it: `{{json (concat a " " b)}}`. */
    concat: variadic((values) => values.map((value) => text(value, 'concat')).join('')),
    /**
     * An object of its named arguments, to be a partial's whole context: `{{> cell (object column=this row=..)}}`.
     * Named arguments on the partial itself (`{{> cell column=this row=..}}`) would copy every field
     * of the surrounding context into a new one at each call: costly in a loop over the codes.
     */
    object: (...args) => {
      if (args.length > 1) throw new Error('helper "object" takes only named arguments (name=value)');
      const hash = (args[0] as { hash: Record<string, unknown> }).hash;
      // A compiled template shares one frozen options object among calls without named arguments.
      return Object.keys(hash).length === 0 ? {} : hash;
    },
    /** What a `deprecated` entry says, as text for after a "Deprecated" tag: `Since 2.0: reason. Use NEW_CODE instead.`; empty for `true`. */
    deprecationNote: fixed((deprecation) => {
      const fields = deprecation !== null && typeof deprecation === 'object' && !Array.isArray(deprecation) ? Object.keys(deprecation) : undefined;
      if (deprecation === undefined || deprecation === true || fields?.every((key) => deprecationFields.has(key))) {
        return deprecationNote(deprecation === true ? undefined : (deprecation as Deprecation | undefined));
      }
      throw wrongArgument('deprecationNote', "a code's deprecated", deprecation);
    }),
    /** Text for a Markdown table cell (or other inline place) that `errgen import` reads back unchanged. */
    mdCell: fixed((value) => markdownCell(text(value, 'mdCell'))),
    /** A message template for a Markdown table cell, each placeholder of `params` as a code span (`{name}`); reads back as the template. */
    mdTemplate: fixed((template, params) => {
      const source = text(template, 'mdTemplate');
      const list = listArgument(params, 'mdTemplate');
      // A template without braces (most) is one run of literal text: a plain cell.
      if (!hasBraces(source)) return markdownCell(source);
      return markdownCellWithCode(templateSpans(source, paramNames(list)).map((span) => ({ text: span.source, code: span.param !== null })));
    }),
    /**
     * A message template as runs to print, `{ source, param }`: `param` is the ViewParam of a
     * placeholder of `params`, else null for literal source text (`{{#each (templateSpans message code.params)}}`).
     */
    templateSpans: fixed((template, params) => {
      const source = text(template, 'templateSpans');
      const list = listArgument(params, 'templateSpans') as readonly ViewParam[];
      if (!hasBraces(source)) return source ? [{ source, param: null }] : [];
      const byName = new Map(list.map((p) => [p.name, p]));
      return templateSpans(source, new Set(byName.keys())).map((span) => ({ source: span.source, param: span.param === null ? null : byName.get(span.param) }));
    }),
    /** A template filled with the examples of `params`, as an example response would say it. */
    fillExample: fixed((template, params) => viewTemplate(text(template, 'fillExample'), listArgument(params, 'fillExample') as readonly ViewParam[]).example),
    /** Text safe inside an HTML comment in Markdown. */
    mdComment: fixed((value) => markdownComment(text(value, 'mdComment'))),
    /** Text for HTML element content: shown as itself, never read as markup. */
    htmlText: fixed((value) => htmlText(text(value, 'htmlText'))),
    /** Text for a quoted HTML attribute value. */
    htmlAttr: fixed((value) => htmlAttr(text(value, 'htmlAttr'))),
    /** Text safe inside an HTML comment. */
    htmlComment: fixed((value) => htmlComment(text(value, 'htmlComment'))),
    /** JSON of any value for inside a `<script>` element: `</script>` in the data cannot end it. */
    scriptJson: fixed((value) => scriptJson(valueArgument(value, 'scriptJson'))),
    /** A message template (a view model `ViewTemplate`) as an ICU MessageFormat pattern, as FormatJS reads it: `{name}` arguments, literal text quoted. */
    icuMessage: fixed((value) => icuPattern(templateArgument(value, 'icuMessage').parts)),
    reason: fixed((status) => reasonPhrase(wholeArgument(status, 'reason'))),
    eq: fixed((a, b) => a === b),
    ne: fixed((a, b) => a !== b),
    and: variadic((values) => values.every(Boolean)),
    or: variadic((values) => values.some(Boolean)),
    not: fixed((value) => !value),
    /** A code's own translations: its `localized` texts for the locales after the default (which comes first) that it translates itself. */
    translations: fixed((localized) => (listArgument(localized, 'translations') as ReadonlyArray<{ translated: boolean }>).filter((entry, i) => i > 0 && entry.translated)),
    /** How many items a list has (0 is false in `#if`). */
    size: fixed((value) => listArgument(value, 'size').length),
    /** Whether any item of a list has a truthy value at a property path: `{{#if (any codes "hasParams")}}`. */
    any: fixed((items, path) => {
      const at = picker(path);
      return listArgument(items, 'any').some((item) => Boolean(at(item)));
    }),
    /** The items of a list with a truthy value at a property path: `{{#each (filter codes "hasParams")}}`. */
    filter: fixed((items, path) => {
      const at = picker(path);
      return listArgument(items, 'filter').filter((item) => Boolean(at(item)));
    }),
    /** The items of a list without a truthy value at a property path. */
    reject: fixed((items, path) => {
      const at = picker(path);
      return listArgument(items, 'reject').filter((item) => !at(item));
    }),
    join: fixed((items, separator) => {
      const list = listArgument(items, 'join');
      const by = typeof separator === 'string' ? separator : ', ';
      // Array.join writes text and numbers as String does (null and undefined it would leave out).
      return list.every(isTextOrNumber) ? list.join(by) : list.map(String).join(by);
    }),
    /**
     * A list cut into runs of `size`, for outputs a compiler limits per unit (e.g. Java's 64 KB per
     * class initializer): `{{#each (chunks codes 1000)}}` gives `start` (index of its first item) and
     * `items`, each `{ index, item }` with its index in the whole list.
     */
    chunks: fixed((items, size) => {
      const all = listArgument(items, 'chunks');
      const n = Math.max(1, wholeArgument(size, 'chunks'));
      const result: Array<{ start: number; items: Array<{ index: number; item: unknown }> }> = [];
      for (let start = 0; start < all.length; start += n) {
        result.push({ start, items: all.slice(start, start + n).map((item, i) => ({ index: start + i, item })) });
      }
      return result;
    }),
    /** Pads text with spaces to a width, for column alignment that formatters expect. */
    padEnd: fixed((value, width) => text(value, 'padEnd').padEnd(wholeArgument(width, 'padEnd'))),
    /** The length of the longest text in a list (optionally of a property path such as `names.go`). */
    maxLength: fixed((items, path) => {
      const at = picker(path);
      return listArgument(items, 'maxLength').reduce<number>((longest, item) => Math.max(longest, text(at(item), 'maxLength').length), 0);
    }),
    /** Text without a prefix it starts with (`{{trimPrefix names.go "Code"}}`: `CodeNotFound` gives `NotFound`); other text as it is. */
    trimPrefix: fixed((value, prefix) => {
      const whole = text(value, 'trimPrefix');
      const start = text(prefix, 'trimPrefix');
      return whole.startsWith(start) ? whole.slice(start.length) : whole;
    }),
    /** A message template (a ViewTemplate) as a java.text.MessageFormat pattern: `{0}`, `{1}`, ... in the order of `params`, literal text quoted. */
    javaMessageFormat: fixed((value, params) => messageFormatPattern(templateArgument(value, 'javaMessageFormat').parts, listArgument(params, 'javaMessageFormat') as ReadonlyArray<{ name: string }>)),
    /** A `.properties` key, value, or `#` comment text: escaped, ASCII only. */
    propertiesKey: fixed((value) => propertiesKey(text(value, 'propertiesKey'))),
    propertiesValue: fixed((value) => propertiesValue(text(value, 'propertiesValue'))),
    propertiesComment: fixed((value) => propertiesComment(text(value, 'propertiesComment'))),
  };
  for (const language of languages) {
    const stringHelper = `${language.id}String`;
    const commentHelper = `${language.id}Comment`;
    helpers[stringHelper] = fixed((value) => language.stringLiteral(text(value, stringHelper)));
    helpers[commentHelper] = fixed((value) => language.commentText(text(value, commentHelper)));
  }
  return helpers;
}

function deprecationNote(deprecation: Deprecation | undefined): string {
  const { since, reason, replacement } = deprecation ?? {};
  const sentences: string[] = [];
  if (since && reason) sentences.push(`Since ${since}: ${sentence(reason)}`);
  else if (since) sentences.push(`Since ${since}.`);
  else if (reason) sentences.push(sentence(reason));
  if (replacement) sentences.push(`Use ${replacement} instead.`);
  return sentences.join(' ');
}

/** Text ending in one full stop (or the `?`/`!` it already ends with). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const isTextOrNumber = (item: unknown) => typeof item === 'string' || typeof item === 'number';

function paramNames(params: readonly unknown[]): ReadonlySet<string> {
  return new Set((params as readonly ViewParam[]).map((p) => p.name));
}

/** Reads a property path (`names.go`, `localized.1.translated`) of each item; no path reads the item itself. */
function picker(path: unknown): (item: unknown) => unknown {
  if (typeof path !== 'string') return (item) => item;
  const keys = path.split('.');
  return (item) => keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], item);
}
