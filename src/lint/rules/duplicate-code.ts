import type { LintEntry, LintRule } from '../rule.js';
import { active } from '../rule.js';

export const duplicateCode: LintRule = {
  id: 'duplicate-code',
  description: 'A code is listed more than once; clients then cannot tell which status or message applies.',
  defaultSeverity: 'error',
  check(context, setting) {
    const byCode = new Map<string, LintEntry[]>();
    for (const e of active(context)) {
      const list = byCode.get(e.entry.code);
      if (list) list.push(e);
      else byCode.set(e.entry.code, [e]);
    }
    return [...byCode.values()]
      .filter((list) => list.length > 1)
      .map((list) => {
        const [first, ...others] = list as [(typeof list)[number], ...typeof list];
        const statuses = [...new Set(list.map((e) => e.entry.status))];
        return {
          at: first.at,
          code: first.entry.code,
          // The message names every row's Markdown place; these are the other rows in the catalog.
          related: others.map((e) => e.at),
          message: `${first.entry.code} is listed ${list.length} times (${list
            .map((e) => `status ${e.entry.status} at ${where(e.source ?? e.at)}`)
            .join(', ')})${statuses.length > 1 ? ' with different statuses' : ''}`,
          hint:
            setting === 'warn'
              ? 'Keep one row per code, unless the code really has several statuses: then it stays listed once per status, reported without failing (this rule is at warn).'
              : 'Keep one row per code; a code that really has several statuses can stay listed once per status with this rule at warn (`lint.rules`).',
        };
      });
  },
};

function where(at: { file: string; line: number }): string {
  return `${at.file}:${at.line}`;
}
