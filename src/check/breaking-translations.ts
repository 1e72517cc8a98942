import type { CatalogCode, TextField } from '../catalog/model.js';
import type { Location } from '../diagnostics.js';
import type { LintEntry } from '../lint/rule.js';

/** A finding of the outdated-translation rule, before its setting is applied. */
export interface OutdatedTranslation {
  readonly rule: 'outdated-translation';
  readonly code: string;
  readonly at: Location;
  readonly message: string;
  readonly hint: string;
}

/**
 * Translations the change left behind: a field of a code's default-language text changed and the
 * same field of one of its translations did not, and nothing marks that translation `reviewed:
 * false`. One whose `reviewed` flag changed was looked at, one new in the change was written for the
 * new text. Entries are paired by occurrence, as import pairs rows. A translation without a solution
 * of its own falls back to the default one, so a changed solution leaves only those with their own behind.
 */
export function outdatedTranslations(before: readonly CatalogCode[], after: readonly LintEntry[], defaultLocale: string, against: string): OutdatedTranslation[] {
  const findings: OutdatedTranslation[] = [];
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const old = before[i] as CatalogCode;
    const now = after[i] as LintEntry;
    const retexted = (['message', 'solution'] as const).filter((field) => old[field] !== now.entry[field]);
    if (retexted.length === 0) continue;
    for (const [tag, translation] of Object.entries(now.entry.messages ?? {})) {
      const was = old.messages?.[tag];
      if (was === undefined || translation.reviewed === false || was.reviewed !== translation.reviewed) continue;
      const behind = retexted.filter((field) => (field === 'message' || translation.solution !== undefined) && was[field] === translation[field]);
      if (behind.length === 0) continue;
      const code = now.entry.code;
      findings.push({
        rule: 'outdated-translation',
        code,
        at: now.locate(['messages', tag, behind[0] as TextField]),
        message: `the ${defaultLocale} ${behind.join(' and ')} of ${code} changed (${against}), its ${tag} translation did not: it still translates the old text`,
        hint: `Update messages.${tag} (or the ${tag} page, then run \`errgen import\`), or mark it \`reviewed: false\` until someone who reads ${tag} has.`,
      });
    }
  }
  return findings;
}
