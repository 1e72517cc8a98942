/**
 * Message templates: text with named placeholders, `{name}`, where `{{` and `}}` write literal
 * braces. One parser serves the importer, the lint rules and every generator, so they agree on
 * what a placeholder is.
 */

/** A run of literal text, or a placeholder. */
export type TemplatePart = { readonly text: string } | { readonly param: string };

/** A brace that is neither a placeholder nor doubled: read as itself, reported by lint. */
export interface TemplateProblem {
  /** UTF-16 offset of the brace in the template. */
  readonly offset: number;
  readonly message: string;
}

/** Where a part is in the template's source: `start` inclusive, `end` exclusive (UTF-16 offsets). */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export interface ParsedTemplate {
  /** Literal runs merged, braces unescaped; never two text parts in a row. */
  readonly parts: readonly TemplatePart[];
  /** The source range of each part, by index: what pages print as written and lint points at. */
  readonly ranges: readonly SourceRange[];
  /** Placeholder names, distinct, in order of first use. */
  readonly params: readonly string[];
  readonly problems: readonly TemplateProblem[];
}

/** What a placeholder's name may be: it becomes a parameter in every target language. */
export const paramNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*)\}/y;

const cache = new Map<string, ParsedTemplate>();

/** Parses a template; lenient (a stray brace is literal text) so generation never fails on one. */
export function parseTemplate(template: string): ParsedTemplate {
  // Most messages have no braces: read as they are, for less than a lookup in the cache costs.
  if (!hasBraces(template)) return plainTemplate(template);
  const known = cache.get(template);
  if (known) return known;
  const parsed = scan(template);
  if (cache.size > 10_000) cache.clear();
  cache.set(template, parsed);
  return parsed;
}

/** Whether a template has a brace: one without is a single run of literal text (or none, when empty). */
export function hasBraces(template: string): boolean {
  return template.includes('{') || template.includes('}');
}

function plainTemplate(template: string): ParsedTemplate {
  return template ? { parts: [{ text: template }], ranges: [{ start: 0, end: template.length }], params: noParams, problems: noProblems } : emptyTemplate;
}

const noParams: readonly string[] = Object.freeze([]);
const noProblems: readonly TemplateProblem[] = Object.freeze([]);
const emptyTemplate: ParsedTemplate = Object.freeze({ parts: Object.freeze([]), ranges: Object.freeze([]), params: noParams, problems: noProblems });

function scan(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const ranges: SourceRange[] = [];
  const params: string[] = [];
  const problems: TemplateProblem[] = [];
  let literal = '';
  let literalStart = 0;
  const flush = (end: number) => {
    if (literal) {
      parts.push({ text: literal });
      ranges.push({ start: literalStart, end });
    }
    literal = '';
  };
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch !== '{' && ch !== '}') {
      literal += ch;
      continue;
    }
    if (template[i + 1] === ch) {
      literal += ch;
      i++;
      continue;
    }
    if (ch === '{') {
      placeholder.lastIndex = i;
      const match = placeholder.exec(template);
      if (match) {
        const name = match[1] as string;
        flush(i);
        parts.push({ param: name });
        ranges.push({ start: i, end: i + match[0].length });
        if (!params.includes(name)) params.push(name);
        i += match[0].length - 1;
        literalStart = i + 1;
        continue;
      }
    }
    problems.push({
      offset: i,
      message: ch === '{' ? 'a "{" that starts no placeholder ({name}, a name of ASCII letters, digits and _, not starting with a digit)' : 'a "}" that ends no placeholder',
    });
    literal += ch;
  }
  flush(template.length);
  return { parts, ranges, params, problems };
}

/** Where `{name}` is first used in a template (offset of its `{`), or undefined. */
export function placeholderOffset(template: string, name: string): number | undefined {
  const { parts, ranges } = parseTemplate(template);
  const index = parts.findIndex((part) => 'param' in part && part.param === name);
  return index < 0 ? undefined : ranges[index]?.start;
}

/** The placeholder names of a template, distinct, in order of first use. */
export function placeholders(template: string): readonly string[] {
  return parseTemplate(template).params;
}

/** The template filled in: each placeholder by `valueOf(name)`, literal braces unescaped. */
export function fill(template: string, valueOf: (name: string) => string): string {
  return parseTemplate(template)
    .parts.map((part) => ('text' in part ? part.text : valueOf(part.param)))
    .join('');
}

/**
 * The template as a page that does not mark placeholders would print it: each placeholder as its
 * name (`The parameter {argument} is not supported` → `The parameter argument is not supported`).
 */
export function plainText(template: string): string {
  return fill(template, (name) => name);
}

/** Literal text written as a template that reads back as exactly that text: braces doubled. */
export function escapeTemplate(text: string): string {
  return text.replace(/[{}]/g, (brace) => brace + brace);
}

/**
 * Whether a Markdown cell says what a catalog template says: the cell is the template itself, or
 * the template with its placeholders written as their names. This lets a catalog mark placeholders
 * the source page leaves implicit without the page and the catalog drifting apart.
 */
export function cellMatchesTemplate(cell: string, template: string): boolean {
  if (cell === template) return true;
  return parseTemplate(template).params.length > 0 && plainText(template) === cell;
}
