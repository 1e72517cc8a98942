import { parseTemplate } from '../messages/template.js';

/**
 * A run of a message template as the catalog writes it: literal source text (`{{` still doubled, a
 * stray brace as typed), or one placeholder, `{name}`. Docs pages print templates this way, marking
 * the placeholders, so that the text a reader sees (and `errgen import` reads back) is the template.
 */
export interface TemplateSpan {
  /** The exact source text of the run; the spans of a template join to the template. */
  readonly source: string;
  /** The placeholder's name, or null for literal text. */
  readonly param: string | null;
}

/**
 * Cuts a template into spans, each as written in the source. A placeholder whose name is not in
 * `known` (one a translation uses but the code does not have) is literal text, as generated
 * formatters print it.
 */
export function templateSpans(template: string, known: ReadonlySet<string>): TemplateSpan[] {
  const spans: TemplateSpan[] = [];
  const { parts, ranges } = parseTemplate(template);
  parts.forEach((part, i) => {
    const range = ranges[i] as { start: number; end: number };
    const source = template.slice(range.start, range.end);
    const param = 'param' in part && known.has(part.param) ? part.param : null;
    const last = spans[spans.length - 1];
    if (param === null && last && last.param === null) spans[spans.length - 1] = { source: last.source + source, param: null };
    else spans.push({ source, param });
  });
  return spans;
}
