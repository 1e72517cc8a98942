import type { Diagnostic, Location } from '../diagnostics.js';
import type { RuleSetting } from '../lint/rule.js';
import type { FieldName } from '../markdown/columns.js';
import { foreignPlaceholderRule, foreignPlaceholderWarnings } from '../messages/mismatch.js';

/** A page's row as check reads it again: a default-language or a translated one. */
interface PageRow {
  readonly code: string;
  readonly message: string;
  readonly solution: string;
  readonly at: Location;
  readonly cells: Readonly<Partial<Record<FieldName, Location>>>;
}

/** What import says at a row's cells of a placeholder written `{{name}}` or `${name}` (rule foreign-placeholder); `locale` for a translated page's row. */
export function rowForeignPlaceholders(row: PageRow, locale?: string): Diagnostic[] {
  return (['message', 'solution'] as const).flatMap((kind) => foreignPlaceholderWarnings(row[kind], locale ? `${locale} ${kind}` : kind, row.code, row.cells[kind] ?? row.at));
}

/** The rule's findings at its setting (a warning by default), none when it is off. */
export function foreignPlaceholderFindings(findings: readonly Diagnostic[], setting: RuleSetting = 'warn'): Diagnostic[] {
  if (setting === 'off') return [];
  return findings.map((d) => ({ ...d, severity: setting === 'error' ? 'error' : 'warning' }));
}

export { foreignPlaceholderRule };
