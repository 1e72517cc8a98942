import { didYouMean } from '../closest-match.js';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../diagnostics.js';
import type { LintContext, LintRule, RuleSetting } from './rule.js';
import { toSeverity } from './rule.js';

/** Runs every rule that is not off; all findings in one run, each with its rule id and severity. */
export function runRules(rules: readonly LintRule[], context: LintContext, settings: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    for (const f of rule.check(context)) findings.push({ ...f, severity: toSeverity(setting), rule: rule.id });
  }
  return findings;
}

/** Rejects settings that name no rule, so a typo cannot silently leave a rule on. */
export function checkRuleNames(settings: Readonly<Record<string, unknown>>, known: readonly string[], where: string): void {
  const unknown = Object.keys(settings).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    const named = unknown.map((id) => `${id}${didYouMean(id, known)}`).join(', ');
    throw new UsageError(`${where} names unknown rule${unknown.length > 1 ? 's' : ''} ${named}; the rules are: ${known.join(', ')}`);
  }
}
