import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { type RetextedEntry, setScalar } from './merge.js';
import type { TextField } from './model.js';

/**
 * Marks `reviewed: false` on each translation of an entry whose default text the import changed, as
 * gettext's msgmerge marks such a translation fuzzy: where the changed field's translation was not
 * written anew by a translated page of the same import (`rewritten`: the fields it wrote, for the new
 * text). A translation without a solution of its own falls back to the new default solution, so a
 * changed solution leaves only those with their own behind. Returns one warning per translation
 * marked, at the Markdown cell that changed.
 */
export function markOutdatedTranslations(retexted: readonly RetextedEntry[], rewritten: ReadonlyMap<YAMLMap, ReadonlySet<TextField>>, defaultLocale: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const { node, fields, row } of retexted) {
    const { code } = row;
    const messages = node.get('messages', true);
    if (!isMap(messages)) continue;
    for (const pair of messages.items) {
      const translation = pair.value;
      if (!isMap(translation) || translation.get('reviewed') === false) continue;
      const written = rewritten.get(translation);
      const behind = fields.filter((field) => (field === 'message' || translation.has('solution')) && !written?.has(field));
      if (behind.length === 0) continue;
      setScalar(translation, 'reviewed', false);
      const tag = String(isScalar(pair.key) ? pair.key.value : pair.key);
      warnings.push({
        severity: 'warning',
        at: row.cells[fields[0] as TextField] ?? row.at,
        code,
        message: `the ${defaultLocale} ${behind.join(' and ')} of ${code} changed: its ${tag} translation, written for the old text, is now marked \`reviewed: false\``,
        hint: `Update the ${tag} translation (its page, then import, or messages.${tag} in the catalog) and have it checked, then remove \`reviewed: false\`.`,
      });
    }
  }
  return warnings;
}
