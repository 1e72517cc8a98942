import type { LintRule } from '../rule.js';
import { active } from '../rule.js';

const upperSnake = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

export const codeFormat: LintRule = {
  id: 'code-format',
  description: 'Codes are written in UPPER_SNAKE_CASE, so they read the same in every language and log.',
  defaultSeverity: 'warn',
  check: (context) =>
    active(context)
      .filter((e) => !upperSnake.test(e.entry.code))
      .map((e) => ({
        at: e.at,
        code: e.entry.code,
        message: `code "${e.entry.code}" is not in UPPER_SNAKE_CASE`,
        hint: 'Rename it (keeping the old spelling under `aliases`), or set this rule to off.',
      })),
};

export const emptyMessage: LintRule = {
  id: 'empty-message',
  description: 'Every code needs a message: it is what users of the API see.',
  defaultSeverity: 'error',
  check: (context) =>
    active(context)
      .filter((e) => e.entry.message.trim() === '')
      .map((e) => ({ at: e.at, code: e.entry.code, message: `${e.entry.code} has an empty message`, hint: 'Write what went wrong.' })),
};

export const emptySolution: LintRule = {
  id: 'empty-solution',
  description: 'A code without a solution leaves the caller without a next step.',
  defaultSeverity: 'warn',
  check: (context) =>
    active(context)
      .filter((e) => e.entry.solution.trim() === '')
      .map((e) => ({
        at: e.at,
        code: e.entry.code,
        message: `${e.entry.code} has an empty solution`,
        hint: 'Say what the caller can do about it, or set this rule to off.',
      })),
};
