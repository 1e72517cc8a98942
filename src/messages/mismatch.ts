import type { Diagnostic, Location } from '../diagnostics.js';
import { parseTemplate, placeholders } from './template.js';

/** What to do about a stray brace: the hint of placeholder-syntax and of `errgen import --locale`. */
export const strayBraceHint = 'Write {{ or }} for a literal brace.';

/** The lint rule of a stray brace, whose words import says at a page's cell. */
export const placeholderSyntaxRule = 'placeholder-syntax';
/** The lint rule of a translation whose placeholders differ, whose words import says at a page's cell. */
export const translationPlaceholdersRule = 'translation-placeholders';

/**
 * The rule of a placeholder a page writes in another template language's syntax. It is not a lint
 * rule of the catalog, where `{{name}}` and `${name}` are valid text: `import` and `check` say it
 * at the page's cell (a warning by default), and `off` silences both (`Costs ${amount}` may mean a
 * dollar amount).
 */
export const foreignPlaceholderRule = 'foreign-placeholder';

/**
 * What `errgen check` would say of each stray brace in a text a Markdown page gives (placeholder-syntax),
 * as warnings at its cell: the page is where it is mended, as the next import undoes a fix in the catalog.
 */
export function strayBraceWarnings(text: string, label: string, code: string, at: Location): Diagnostic[] {
  // Most texts have no brace at all.
  if (!text.includes('{') && !text.includes('}')) return [];
  return parseTemplate(text).problems.map((problem) => ({ severity: 'warning', at, code, message: `the ${label} of ${code} has ${problem.message}`, hint: strayBraceHint, rule: placeholderSyntaxRule }));
}

/** A page's row, default-language or translated, as import and check read it. */
interface PageRow {
  readonly code: string;
  readonly message: string;
  readonly solution: string;
  /** The code cell. */
  readonly at: Location;
  readonly cells: Readonly<Partial<Record<'message' | 'solution', Location>>>;
}

/**
 * A warning at the cell for each placeholder a row's message or solution writes in another template
 * language's syntax, which reads as something else: `{{name}}` (Mustache, Handlebars) is the literal
 * text `{name}`, and `${name}` (JavaScript) keeps its `$`. `locale` names a translated page's texts.
 */
export function foreignPlaceholderWarnings(row: PageRow, locale?: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const rule = foreignPlaceholderRule;
  for (const kind of ['message', 'solution'] as const) {
    const text = row[kind];
    if (!text.includes('{{') && !text.includes('${')) continue;
    const [label, code, at] = [locale ? `${locale} ${kind}` : kind, row.code, row.cells[kind] ?? row.at];
    for (const [written, name] of text.matchAll(/(?<!\{)\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}(?!\})/g)) {
      warnings.push({ severity: 'warning', at, code, message: `the ${label} of ${code} has ${written}, which reads as the text ${written.slice(1, -1)}, not a placeholder: {{ and }} are literal braces`, hint: `For a placeholder, write {${name}}.`, rule });
    }
    for (const [written, name] of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
      warnings.push({ severity: 'warning', at, code, message: `the ${label} of ${code} has ${written}: the placeholder is {${name}}, and the $ before it stays in the text`, hint: `Write {${name}} alone; if the text means a $ before the value, set the rule ${rule} to off.`, rule });
    }
  }
  return warnings;
}

/**
 * A warning, at the page's cell, when a new default text drops placeholders the catalog's text had
 * and the entry's texts no longer use (`stillUsed`: the new message's and solution's): a cell keeps
 * a template only while it reads as it with each placeholder written as its name, so a reworded cell
 * that still means the parameter, but as a word, loses it silently.
 */
export function lostPlaceholderWarning(before: string, stillUsed: readonly string[], label: string, code: string, at: Location): Diagnostic | undefined {
  if (!before.includes('{')) return undefined;
  const lost = placeholders(before).filter((name) => !stillUsed.includes(name));
  if (lost.length === 0) return undefined;
  return {
    severity: 'warning',
    at,
    code,
    message: `the ${label} of ${code} no longer has ${braced(lost)}: the page's new text does not write ${lost.length === 1 ? 'it' : 'them'} as a placeholder`,
    hint: `Write ${braced(lost)} in the cell where the value goes, and import again; if the parameter is gone on purpose, its callers break (param-removed).`,
  };
}

/** `{a}, {b}`: placeholder names as they are written in a template. */
function braced(names: readonly string[]): string {
  return names.map((n) => `{${n}}`).join(', ');
}

/**
 * How a translation's placeholders differ from the default text's, by name, as the end of a
 * sentence ("lacks {limit}, which the en message uses") and a hint; undefined if they agree.
 * Shared by the lint rule translation-placeholders and `errgen import --locale`, which warns in the
 * same words at the page's cell.
 */
export function placeholderMismatch(defaultText: string, translated: string, base: string, kind: 'message' | 'solution'): { what: string; hint: string } | undefined {
  const expected = placeholders(defaultText);
  const found = placeholders(translated);
  const missing = expected.filter((name) => !found.includes(name));
  const extra = found.filter((name) => !expected.includes(name));
  if (missing.length === 0 && extra.length === 0) return undefined;
  const lacks = `lacks ${braced(missing)}`;
  const has = `has ${braced(extra)}`;
  const what =
    extra.length === 0 ? `${lacks}, which the ${base} ${kind} uses`
    : missing.length === 0 ? `${has}, which the ${base} ${kind} does not use`
    : `${lacks} (used by the ${base} ${kind}) and ${has} (not used by it)`;
  return { what, hint: `A translation uses the same placeholders as the ${base} text, in any order: ${expected.length > 0 ? braced(expected) : 'none'}.` };
}
