import { defaultLocale, fallbackChain, knownLocales } from '../../messages/locales.js';
import type { LintRule } from '../rule.js';
import { active, firstOfEachCode } from '../rule.js';

/**
 * A translation anywhere on the locale's chain before the default counts: a configured fallback
 * (zh-HK → zh-TW) or a parent tag (pt-BR → pt) is where that locale is meant to read from.
 */
export const missingTranslation: LintRule = {
  id: 'missing-translation',
  description: 'An active code has no translation for a locale of `locales.supported` (nor for any locale that one falls back to before the default).',
  defaultSeverity: 'warn',
  check(context) {
    const base = defaultLocale(context.catalog);
    const known = new Set(knownLocales(context.catalog));
    const locales = (context.catalog.locales?.supported ?? [])
      .filter((tag) => tag !== base) // a misconfiguration, reported by locale-config
      .map((tag) => {
        const chain = fallbackChain(tag, context.catalog).filter((t) => t !== base);
        // Messages name only fallbacks the catalog knows: an implicit parent (zh for zh-CN) nobody uses is noise.
        const also = chain.slice(1).filter((t) => known.has(t));
        return { tag, chain, nor: also.length > 0 ? ` (nor one in ${also.join(', ')}, which ${tag} falls back to)` : '' };
      });
    // A code listed twice is translated once, in its first entry: the one generated code uses.
    return firstOfEachCode(context).flatMap((e) =>
      locales
        .filter(({ chain }) => !chain.some((t) => e.entry.messages?.[t] !== undefined))
        .map(({ tag, nor }) => ({
          at: e.locate(['messages']),
          code: e.entry.code,
          message: `${e.entry.code} has no ${tag} translation${nor}`,
          hint: `Add \`messages: { ${tag}: { message: … } }\`, or set this rule to off while translations are under way.`,
        })),
    );
  },
};

export const unreviewedTranslation: LintRule = {
  id: 'unreviewed-translation',
  description: 'A translation is marked `reviewed: false`: nobody who reads the language has checked it yet.',
  defaultSeverity: 'warn',
  check: (context) =>
    active(context).flatMap((e) =>
      Object.entries(e.entry.messages ?? {})
        .filter(([, translation]) => translation.reviewed === false)
        .map(([tag]) => ({
          at: e.locate(['messages', tag, 'reviewed']),
          code: e.entry.code,
          message: `the ${tag} translation of ${e.entry.code} is not reviewed yet (reviewed: false)`,
          hint: `Have someone who reads ${tag} check it, then remove \`reviewed: false\`.`,
        })),
    ),
};
