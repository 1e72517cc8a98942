import { localeSpellingClashes } from '../../messages/locale-spellings.js';
import { defaultLocale, parentTag } from '../../messages/locales.js';
import type { LintContext, LintRule, RuleFinding } from '../rule.js';
import { active } from '../rule.js';

/**
 * One rule for the locale setup: each of these is a contradiction in the catalog rather than a
 * style choice. A fallback *to* the default (`pt-BR: en`) is fine: it skips the parent tag `pt`.
 */
export const localeConfig: LintRule = {
  id: 'locale-config',
  description:
    'The locales contradict themselves: the default locale is listed as supported, given a fallback or a translation, fallbacks loop, or two tags differ only in case.',
  defaultSeverity: 'error',
  check(context) {
    const base = defaultLocale(context.catalog);
    const locales = context.catalog.locales ?? {};
    const findings: RuleFinding[] = [];
    (locales.supported ?? []).forEach((tag, i) => {
      if (tag !== base) return;
      findings.push({
        at: context.locate(['locales', 'supported', i]),
        message: `locales.supported lists ${tag}, the default locale, whose texts are each code's message and solution`,
        hint: `Remove ${tag} from supported.`,
      });
    });
    if (locales.fallback?.[base] !== undefined) {
      findings.push({
        at: context.locate(['locales', 'fallback', base]),
        message: `locales.fallback gives the default locale ${base} a fallback (${locales.fallback[base]}), but every code has its ${base} texts`,
        hint: `Remove the fallback of ${base}.`,
      });
    }
    findings.push(...fallbackLoops(context));
    findings.push(...localeSpellingClashes(context.catalog, context.locate));
    for (const e of active(context)) {
      if (e.entry.messages?.[base] === undefined) continue;
      findings.push({
        at: e.locate(['messages', base]),
        code: e.entry.code,
        message: `${e.entry.code} has a translation into ${base}, but ${base} is the default locale: its texts are message and solution`,
        hint: `Write the text in message and solution, and remove messages.${base}.`,
      });
    }
    return findings;
  },
};

/**
 * Each loop once, reported at the first fallback (in catalog order) on it. A locale without a
 * fallback steps to its parent tag, so `{ zh: zh-TW }` loops through zh-TW's parent, zh.
 */
function fallbackLoops(context: LintContext): RuleFinding[] {
  const fallback = context.catalog.locales?.fallback ?? {};
  const reported = new Set<string>();
  const findings: RuleFinding[] = [];
  for (const start of Object.keys(fallback)) {
    const chain: string[] = [];
    let next: string | undefined = start;
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = fallback[next] ?? parentTag(next);
    }
    if (next !== start || reported.has(start)) continue; // no loop, or one through another fallback, reported from there
    for (const tag of chain) reported.add(tag);
    findings.push({
      at: context.locate(['locales', 'fallback', start]),
      message: `locales.fallback loops: ${[...chain, start].join(' → ')}`,
      hint: 'Remove one of these fallbacks; every chain ends at the default locale anyway. A locale without a fallback falls back to its parent tag (zh-TW → zh).',
    });
  }
  return findings;
}
