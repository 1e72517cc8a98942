import { placeholderMismatch, placeholderSyntaxRule, strayBraceHint, translationPlaceholdersRule } from '../../messages/mismatch.js';
import { parseTemplate, placeholderOffset, placeholders } from '../../messages/template.js';
import { defaultLocale } from '../../messages/locales.js';
import type { LintRule, RuleFinding } from '../rule.js';
import { active } from '../rule.js';
import { templatesOf } from './message-fields.js';

export const placeholderSyntax: LintRule = {
  id: placeholderSyntaxRule,
  description: 'A `{` or `}` in a message or solution (or a translation) is neither a `{name}` placeholder (a name of ASCII letters, digits and `_`, not starting with a digit) nor doubled; it would print as itself.',
  defaultSeverity: 'error',
  check: (context) =>
    active(context).flatMap((e) =>
      templatesOf(e.entry).flatMap((t) =>
        parseTemplate(t.text).problems.map((problem) => ({
          at: e.locate(t.field, problem.offset),
          code: e.entry.code,
          message: `the ${t.label} of ${e.entry.code} has ${problem.message}`,
          // A row imported from Markdown gets its text from there: mended in the catalog, it would drift.
          hint: t.locale === undefined && e.source ? `${strayBraceHint} This text comes from ${e.source.file}:${e.source.line}: change it there, then run \`errgen import\`.` : strayBraceHint,
        })),
      ),
    ),
};

/**
 * Off by default: an undeclared placeholder is a string parameter by design, so a catalog can mark
 * placeholders without declaring each. A misspelt placeholder still shows: its declared name goes
 * unused (unused-param), or a translation disagrees (translation-placeholders).
 */
export const undeclaredPlaceholder: LintRule = {
  id: 'undeclared-placeholder',
  description: 'A placeholder of message or solution is not declared under `params` (it is then a string with no description or example).',
  defaultSeverity: 'off',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const e of active(context)) {
      const seen = new Set(Object.keys(e.entry.params ?? {}));
      for (const field of ['message', 'solution'] as const) {
        for (const name of placeholders(e.entry[field])) {
          if (seen.has(name)) continue;
          seen.add(name);
          findings.push({
            at: e.locate([field], placeholderOffset(e.entry[field], name)),
            code: e.entry.code,
            message: `the ${field} of ${e.entry.code} uses {${name}}, which \`params\` does not declare`,
            hint: `Declare it with its type, e.g. \`params: { ${name}: { type: string, description: …, example: … } }\`.`,
          });
        }
      }
    }
    return findings;
  },
};

export const unusedParam: LintRule = {
  id: 'unused-param',
  description: 'A parameter declared under `params` appears in neither the message nor the solution; a misspelt placeholder, or a leftover.',
  defaultSeverity: 'error',
  check: (context) =>
    active(context).flatMap((e) => {
      const used = new Set([...placeholders(e.entry.message), ...placeholders(e.entry.solution)]);
      return Object.keys(e.entry.params ?? {})
        .filter((name) => !used.has(name))
        .map((name) => ({
          at: e.locate(['params', name]),
          code: e.entry.code,
          message: `${e.entry.code} declares the parameter ${name}, which neither its message nor its solution uses`,
          hint: `Write {${name}} where the value belongs, or remove ${name} from \`params\`.`,
        }));
    }),
};

export const translationPlaceholders: LintRule = {
  id: translationPlaceholdersRule,
  description: "A translation's message or solution uses other placeholders (by name) than the default locale's.",
  defaultSeverity: 'error',
  check(context) {
    const base = defaultLocale(context.catalog);
    return active(context).flatMap((e) =>
      templatesOf(e.entry).flatMap((t) => {
        if (t.locale === undefined || t.locale === base) return []; // a translation into the default: locale-config
        const mismatch = placeholderMismatch(e.entry[t.kind], t.text, base, t.kind);
        return mismatch ? [{ at: e.locate(t.field), code: e.entry.code, message: `the ${t.label} of ${e.entry.code} ${mismatch.what}`, hint: mismatch.hint }] : [];
      }),
    );
  },
};
