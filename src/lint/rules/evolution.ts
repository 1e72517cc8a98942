import type { LintRule } from '../rule.js';
import { active } from '../rule.js';

export const removedCodeReused: LintRule = {
  id: 'removed-code-reused',
  description: 'A retired code (a `removed` tombstone) is listed again as a live code; old clients would misread it.',
  defaultSeverity: 'error',
  check(context) {
    const live = new Map(active(context).map((e) => [e.entry.code, e]));
    return context.entries
      .filter((e) => e.entry.removed && live.has(e.entry.code))
      .map((e) => ({
        at: live.get(e.entry.code)!.at,
        code: e.entry.code,
        related: [e.at],
        message: `${e.entry.code} was retired (removed) and is listed again as a live code`,
        hint: 'Choose a new code; a retired code stays reserved so it is never reused with another meaning.',
      }));
  },
};

export const deprecatedReplacement: LintRule = {
  id: 'deprecated-replacement',
  description: 'A deprecated code names a live replacement, so clients know what to use instead.',
  defaultSeverity: 'warn',
  check(context) {
    const live = new Set(active(context).map((e) => e.entry.code));
    return active(context).flatMap((e) => {
      const deprecated = e.entry.deprecated;
      if (!deprecated) return [];
      const replacement = deprecated === true ? undefined : deprecated.replacement;
      if (replacement === undefined) {
        return [{ at: e.at, code: e.entry.code, message: `${e.entry.code} is deprecated without a replacement`, hint: 'Add `replacement: <CODE>` under `deprecated`.' }];
      }
      if (!live.has(replacement) || replacement === e.entry.code) {
        return [{ at: e.at, code: e.entry.code, message: `${e.entry.code} is deprecated in favour of ${replacement}, which is not a live code in the catalog`, hint: 'Name an existing code that is not removed.' }];
      }
      return [];
    });
  },
};

export const aliasConflict: LintRule = {
  id: 'alias-conflict',
  description: 'An alias is also a code, or the alias of another code: parsing it would be ambiguous.',
  defaultSeverity: 'error',
  check(context) {
    const codes = new Set(context.entries.map((e) => e.entry.code));
    const owner = new Map<string, string>();
    return active(context).flatMap((e) =>
      (e.entry.aliases ?? []).flatMap((alias) => {
        const previous = owner.get(alias);
        owner.set(alias, e.entry.code);
        if (codes.has(alias)) return [{ at: e.at, code: e.entry.code, message: `alias ${alias} of ${e.entry.code} is also a code in the catalog`, hint: 'Remove the alias, or retire the other code.' }];
        if (previous !== undefined && previous !== e.entry.code) return [{ at: e.at, code: e.entry.code, message: `alias ${alias} belongs to both ${previous} and ${e.entry.code}`, hint: 'Keep the alias on one code.' }];
        return [];
      }),
    );
  },
};
