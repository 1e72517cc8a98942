import type { Diagnostic } from '../diagnostics.js';
import { type RuleSetting, toSeverity } from '../lint/rule.js';
import { foreignPlaceholderRule } from '../messages/mismatch.js';

/**
 * The findings of rule foreign-placeholder among source drift's (check reads the pages for both):
 * at the rule's setting, a warning by default, none when it is off; the rest stay drift.
 */
export function withPagePlaceholders(drift: readonly Diagnostic[], settings: Readonly<Record<string, RuleSetting>>): { drift: Diagnostic[]; placeholders: Diagnostic[] } {
  const setting = settings[foreignPlaceholderRule] ?? 'warn';
  const placeholders = setting === 'off' ? [] : drift.filter((d) => d.rule === foreignPlaceholderRule).map((d) => ({ ...d, severity: toSeverity(setting) }));
  return { drift: drift.filter((d) => d.rule !== foreignPlaceholderRule), placeholders };
}
