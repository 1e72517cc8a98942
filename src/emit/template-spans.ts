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
 * Cuts a template into spans. A placeholder whose name is not in `known` (one a translation uses
 * but the code does not have) is literal text, as generated formatters print it.
 *
 * parseTemplate gives unescaped text; this walks the source beside it to keep each run as written.
 * In literal text a brace is written doubled exactly when the next source character is the same
 * brace (parseTemplate's own rule), else it was a stray brace, written once.
 */
export function templateSpans(template: string, known: ReadonlySet<string>): TemplateSpan[] {
  const spans: TemplateSpan[] = [];
  const push = (source: string, param: string | null) => {
    const last = spans[spans.length - 1];
    if (param === null && last && last.param === null) spans[spans.length - 1] = { source: last.source + source, param: null };
    else if (source !== '') spans.push({ source, param });
  };
  let at = 0;
  for (const part of parseTemplate(template).parts) {
    if ('param' in part) {
      const source = `{${part.param}}`;
      push(source, known.has(part.param) ? part.param : null);
      at += source.length;
      continue;
    }
    const start = at;
    for (const char of part.text) {
      at += char.length;
      if ((char === '{' || char === '}') && template[at] === char) at++;
    }
    push(template.slice(start, at), null);
  }
  return spans;
}
