import { isStandardStatus } from '../../emit/http-status.js';
import type { LintRule } from '../rule.js';
import { active } from '../rule.js';

export const nonStandardStatus: LintRule = {
  id: 'non-standard-status',
  description: 'The status is not a registered HTTP status (e.g. nginx\'s 499); generic clients and proxies may not know it.',
  defaultSeverity: 'warn',
  check: (context) =>
    active(context)
      .filter((e) => !isStandardStatus(e.entry.status))
      .map((e) => ({
        at: e.at,
        code: e.entry.code,
        message: `${e.entry.code} has status ${e.entry.status}, which is not a registered HTTP status`,
        hint: 'Use a registered status, or set this rule to off if the non-standard status is deliberate.',
      })),
};

export const successStatus: LintRule = {
  id: 'success-status',
  description: 'An error catalog lists a code with a success or redirect status (below 400).',
  defaultSeverity: 'warn',
  check: (context) =>
    active(context)
      .filter((e) => e.entry.status < 400)
      .map((e) => ({
        at: e.at,
        code: e.entry.code,
        message: `${e.entry.code} has status ${e.entry.status}, which is not an error status (400–599)`,
        hint: 'Move success codes out of the error catalog, or set this rule to off if the API reports them the same way.',
      })),
};
