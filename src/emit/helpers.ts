import type { Deprecation } from '../catalog/model.js';
import { u4 } from '../lang/escape.js';
import { htmlAttr, htmlComment, htmlText, scriptJson } from '../lang/html.js';
import { type IcuPart, icuPattern } from '../lang/icu.js';
import { languages } from '../lang/index.js';
import { type MessageFormatPart, messageFormatPattern, propertiesComment, propertiesKey, propertiesValue } from '../lang/java-properties.js';
import { markdownCell, markdownCellWithCode, markdownComment } from '../lang/markdown.js';
import { type CaseStyle, toCase } from '../names/case.js';
import { reasonPhrase } from './http-status.js';
import { templateSpans } from './template-spans.js';
import { type ViewParam, viewTemplate } from './view-messages.js';

type Helper = (...args: unknown[]) => unknown;

/** The last argument Handlebars passes to every helper; not a value. */
function values(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

function text(value: unknown, helper: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`helper "${helper}" expects text, got ${value === undefined ? 'undefined' : typeof value}`);
}

const caseHelper =
  (style: CaseStyle): Helper =>
  (...args) =>
    toCase(text(values(args)[0], style), style);

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
    json: (...args) => {
      const [value, indent] = values(args);
      return JSON.stringify(value, null, typeof indent === 'number' ? indent : undefined);
    },
    /**
     * JSON text of a value that is also a one-line YAML flow node (YAML is a JSON superset, but
     * YAML forbids DEL and C1 controls raw and YAML 1.1 reads U+2028/9 as line breaks: those become
     * `\u` escapes). For YAML and JSON outputs alike.
     */
    yamlJson: (...args) => JSON.stringify(values(args)[0]).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (ch) => u4(ch.charCodeAt(0))),
    /** Its arguments as one text, to build a value before escaping it: `{{json (concat a " " b)}}`. */
    concat: (...args) => values(args).map((value) => text(value, 'concat')).join(''),
    /**
     * An object of its named arguments, to be a partial's whole context: `{{> cell (object column=this row=..)}}`.
     * Named arguments on the partial itself (`{{> cell column=this row=..}}`) would copy every field
     * of the surrounding context into a new one at each call: costly in a loop over the codes.
     */
    object: (...args) => {
      if (args.length > 1) throw new Error('helper "object" takes only named arguments (name=value)');
      return (args[0] as { hash: Record<string, unknown> }).hash;
    },
    /** What a `deprecated` entry says, as text for after a "Deprecated" tag: `Since 2.0: reason. Use NEW_CODE instead.`; empty for `true`. */
    deprecationNote: (...args) => deprecationNote(values(args)[0] as Deprecation | undefined),
    /** Text for a Markdown table cell (or other inline place) that `errgen import` reads back unchanged. */
    mdCell: (...args) => markdownCell(text(values(args)[0], 'mdCell')),
    /** A message template for a Markdown table cell, each placeholder of `params` as a code span (`{name}`); reads back as the template. */
    mdTemplate: (...args) => {
      const [template, params] = values(args);
      return markdownCellWithCode(templateSpans(text(template, 'mdTemplate'), paramNames(params)).map((span) => ({ text: span.source, code: span.param !== null })));
    },
    /**
     * A message template as runs to print, `{ source, param }`: `param` is the ViewParam of a
     * placeholder of `params`, else null for literal source text (`{{#each (templateSpans message code.params)}}`).
     */
    templateSpans: (...args) => {
      const [template, params] = values(args);
      const byName = new Map((params as readonly ViewParam[]).map((p) => [p.name, p]));
      return templateSpans(text(template, 'templateSpans'), new Set(byName.keys())).map((span) => ({ source: span.source, param: span.param === null ? null : byName.get(span.param) }));
    },
    /** A template filled with the examples of `params`, as an example response would say it. */
    fillExample: (...args) => {
      const [template, params] = values(args);
      return viewTemplate(text(template, 'fillExample'), params as readonly ViewParam[]).example;
    },
    /** Text safe inside an HTML comment in Markdown. */
    mdComment: (...args) => markdownComment(text(values(args)[0], 'mdComment')),
    /** Text for HTML element content: shown as itself, never read as markup. */
    htmlText: (...args) => htmlText(text(values(args)[0], 'htmlText')),
    /** Text for a quoted HTML attribute value. */
    htmlAttr: (...args) => htmlAttr(text(values(args)[0], 'htmlAttr')),
    /** Text safe inside an HTML comment. */
    htmlComment: (...args) => htmlComment(text(values(args)[0], 'htmlComment')),
    /** JSON of any value for inside a `<script>` element: `</script>` in the data cannot end it. */
    scriptJson: (...args) => scriptJson(values(args)[0]),
    /** A message template (a view model `ViewTemplate`) as an ICU MessageFormat pattern, as FormatJS reads it: `{name}` arguments, literal text quoted. */
    icuMessage: (...args) => icuPattern((values(args)[0] as { parts: readonly IcuPart[] }).parts),
    reason: (...args) => reasonPhrase(Number(values(args)[0])),
    eq: (...args) => values(args)[0] === values(args)[1],
    ne: (...args) => values(args)[0] !== values(args)[1],
    and: (...args) => values(args).every(Boolean),
    or: (...args) => values(args).some(Boolean),
    not: (...args) => !values(args)[0],
    /** A code's own translations: its `localized` texts for the locales after the default (which comes first) that it translates itself. */
    translations: (...args) => (values(args)[0] as ReadonlyArray<{ translated: boolean }>).filter((entry, i) => i > 0 && entry.translated),
    /** How many items a list has (0 is false in `#if`). */
    size: (...args) => (values(args)[0] as unknown[]).length,
    /** Whether any item of a list has a truthy value at a property path: `{{#if (any codes "hasParams")}}`. */
    any: (...args) => {
      const [list, path] = values(args);
      return (list as unknown[]).some((item) => Boolean(pick(item, path)));
    },
    /** The items of a list with a truthy value at a property path: `{{#each (filter codes "hasParams")}}`. */
    filter: (...args) => {
      const [list, path] = values(args);
      return (list as unknown[]).filter((item) => Boolean(pick(item, path)));
    },
    /** The items of a list without a truthy value at a property path. */
    reject: (...args) => {
      const [list, path] = values(args);
      return (list as unknown[]).filter((item) => !pick(item, path));
    },
    join: (...args) => {
      const [list, separator] = values(args);
      return (list as unknown[]).map(String).join(typeof separator === 'string' ? separator : ', ');
    },
    /**
     * A list cut into runs of `size`, for outputs a compiler limits per unit (e.g. Java's 64 KB per
     * class initializer): `{{#each (chunks codes 1000)}}` gives `start` (index of its first item) and
     * `items`, each `{ index, item }` with its index in the whole list.
     */
    chunks: (...args) => {
      const [list, size] = values(args);
      const all = list as unknown[];
      const n = Math.max(1, Number(size));
      const result: Array<{ start: number; items: Array<{ index: number; item: unknown }> }> = [];
      for (let start = 0; start < all.length; start += n) {
        result.push({ start, items: all.slice(start, start + n).map((item, i) => ({ index: start + i, item })) });
      }
      return result;
    },
    /** Pads text with spaces to a width, for column alignment that formatters expect. */
    padEnd: (...args) => {
      const [value, width] = values(args);
      return text(value, 'padEnd').padEnd(Number(width));
    },
    /** The length of the longest text in a list (optionally of a property path such as `names.go`). */
    maxLength: (...args) => {
      const [list, path] = values(args);
      return Math.max(0, ...(list as unknown[]).map((item) => text(pick(item, path), 'maxLength').length));
    },
    /** Text without a prefix it starts with (`{{trimPrefix names.go "Code"}}`: `CodeNotFound` gives `NotFound`); other text as it is. */
    trimPrefix: (...args) => {
      const [value, prefix] = values(args).map((v) => text(v, 'trimPrefix'));
      return value!.startsWith(prefix!) ? value!.slice(prefix!.length) : value;
    },
    /** A message template (a ViewTemplate) as a java.text.MessageFormat pattern: `{0}`, `{1}`, ... in the order of `params`, literal text quoted. */
    javaMessageFormat: (...args) => {
      const [template, params] = values(args);
      return messageFormatPattern((template as { parts: readonly MessageFormatPart[] }).parts, params as ReadonlyArray<{ name: string }>);
    },
    /** A `.properties` key, value, or `#` comment text: escaped, ASCII only. */
    propertiesKey: (...args) => propertiesKey(text(values(args)[0], 'propertiesKey')),
    propertiesValue: (...args) => propertiesValue(text(values(args)[0], 'propertiesValue')),
    propertiesComment: (...args) => propertiesComment(text(values(args)[0], 'propertiesComment')),
  };
  for (const language of languages) {
    helpers[`${language.id}String`] = (...args) => language.stringLiteral(text(values(args)[0], `${language.id}String`));
    helpers[`${language.id}Comment`] = (...args) => language.commentText(text(values(args)[0], `${language.id}Comment`));
  }
  for (const [name, helper] of Object.entries(helpers)) helpers[name] = flattening(helper);
  return helpers;
}

/**
 * The escapers build text a character at a time (`out += ch`), which V8 keeps as a rope of one
 * node per character. Kept in the output, each rope survives every garbage collection until the
 * file is written (most of generate's GC time at 10,000 codes). Reading a character makes V8
 * flatten it in place while the pieces are still young garbage; the text stays the same.
 */
function flattening(helper: Helper): Helper {
  return (...args) => {
    const result = helper(...args);
    if (typeof result === 'string') result.charCodeAt(0);
    return result;
  };
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

function paramNames(params: unknown): ReadonlySet<string> {
  return new Set((params as readonly ViewParam[]).map((p) => p.name));
}

function pick(item: unknown, path: unknown): unknown {
  if (typeof path !== 'string') return item;
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], item);
}
