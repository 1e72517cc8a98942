import { stringify as yamlStringify } from 'yaml';
import { languages } from '../lang/index.js';
import { markdownCell, markdownComment } from '../lang/markdown.js';
import { type CaseStyle, toCase } from '../names/case.js';
import { reasonPhrase } from './http-status.js';

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
    /** Text for a Markdown table cell (or other inline place) that `errgen import` reads back unchanged. */
    mdCell: (...args) => markdownCell(text(values(args)[0], 'mdCell')),
    /** Text safe inside an HTML comment in Markdown. */
    mdComment: (...args) => markdownComment(text(values(args)[0], 'mdComment')),
    /** A YAML flow/plain scalar for a value, on one line (for hand-written YAML templates). */
    yaml: (...args) => yamlStringify(values(args)[0], { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd(),
    reason: (...args) => reasonPhrase(Number(values(args)[0])),
    eq: (...args) => values(args)[0] === values(args)[1],
    ne: (...args) => values(args)[0] !== values(args)[1],
    and: (...args) => values(args).every(Boolean),
    or: (...args) => values(args).some(Boolean),
    not: (...args) => !values(args)[0],
    join: (...args) => {
      const [list, separator] = values(args);
      return (list as unknown[]).map(String).join(typeof separator === 'string' ? separator : ', ');
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
  };
  for (const language of languages) {
    helpers[`${language.id}String`] = (...args) => language.stringLiteral(text(values(args)[0], `${language.id}String`));
    helpers[`${language.id}Comment`] = (...args) => language.commentText(text(values(args)[0], `${language.id}Comment`));
  }
  return helpers;
}

function pick(item: unknown, path: unknown): unknown {
  if (typeof path !== 'string') return item;
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], item);
}
