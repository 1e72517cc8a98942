import type { Location } from '../../diagnostics.js';
import type { LintRule } from '../rule.js';
import { active } from '../rule.js';

const upperSnake = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** A row's place on its page, as a hint names it. */
const pageLine = (source: Location) => `${source.file}:${source.line}`;

/** Where to mend a text imported from a page: there, as the next import undoes a fix in the catalog. */
const onPage = (source: Location) => `${pageLine(source)}, where this text comes from (the next import would undo a fix in the catalog), then run \`errgen import\``;

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
        // A code imported from a page is renamed there too, or the next import brings the old one back.
        hint: e.source
          ? `Rename it in ${pageLine(e.source)} and in the catalog's \`code:\` (keeping the old spelling under \`aliases\`), then run \`errgen import\`; or set this rule to off.`
          : 'Rename it (keeping the old spelling under `aliases`), or set this rule to off.',
      })),
};

export const emptyMessage: LintRule = {
  id: 'empty-message',
  description: 'Every code needs a message: it is what users of the API see.',
  defaultSeverity: 'error',
  check: (context) =>
    active(context)
      .filter((e) => e.entry.message.trim() === '')
      .map((e) => ({ at: e.at, code: e.entry.code, message: `${e.entry.code} has an empty message`, hint: e.source ? `Write what went wrong in ${onPage(e.source)}.` : 'Write what went wrong.' })),
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
        hint: e.source ? `Say what the caller can do about it in ${onPage(e.source)}; or set this rule to off.` : 'Say what the caller can do about it, or set this rule to off.',
      })),
};
