import type { Diagnostic } from '../diagnostics.js';
import type { LintContext, LintRule, RuleSetting } from './rule.js';
import { toSeverity } from './rule.js';

/** Runs every rule that is not off; all findings in one run, each with its rule id and severity. */
export function runRules(rules: readonly LintRule[], context: LintContext, settings: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    for (const f of rule.check(context, setting)) findings.push({ ...f, severity: toSeverity(setting), rule: rule.id });
  }
  return findings;
}
