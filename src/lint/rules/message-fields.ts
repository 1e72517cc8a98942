import type { CatalogCode } from '../../catalog/model.js';
import type { Location } from '../../diagnostics.js';
import { placeholderOffset } from '../../messages/template.js';
import type { LintEntry } from '../rule.js';

/** One template of an entry: its message or solution, in the default locale or a translation. */
export interface EntryTemplate {
  /** The field's path inside the entry, for locating it. */
  readonly field: readonly string[];
  readonly text: string;
  readonly kind: 'message' | 'solution';
  /** The translation's locale; undefined for the default locale's `message` and `solution`. */
  readonly locale: string | undefined;
  /** How findings name it: `message`, `zh-CN solution`. */
  readonly label: string;
}

/** Every template an entry holds, the default locale's first, then each translation's in catalog order. */
export function templatesOf(entry: CatalogCode): EntryTemplate[] {
  const templates: EntryTemplate[] = [
    { field: ['message'], text: entry.message, kind: 'message', locale: undefined, label: 'message' },
    { field: ['solution'], text: entry.solution, kind: 'solution', locale: undefined, label: 'solution' },
  ];
  for (const [locale, translation] of Object.entries(entry.messages ?? {})) {
    templates.push({ field: ['messages', locale, 'message'], text: translation.message, kind: 'message', locale, label: `${locale} message` });
    if (translation.solution !== undefined) {
      templates.push({ field: ['messages', locale, 'solution'], text: translation.solution, kind: 'solution', locale, label: `${locale} solution` });
    }
  }
  return templates;
}

/** Where a parameter is: its declaration under `params`, else its first use in the message or solution. */
export function paramAt(e: LintEntry, name: string): Location {
  if (e.entry.params?.[name] !== undefined) return e.locate(['params', name]);
  for (const field of ['message', 'solution'] as const) {
    const offset = placeholderOffset(e.entry[field], name);
    if (offset !== undefined) return e.locate([field], offset);
  }
  return e.at;
}
