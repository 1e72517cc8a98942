import { languages } from '../../lang/index.js';
import { toCase } from '../../names/case.js';
import { memberName } from '../../names/identifier.js';
import type { LintEntry, LintRule, RuleFinding } from '../rule.js';
import { firstOfEachCode, oncePerContext } from '../rule.js';

type Language = (typeof languages)[number];

type Names = ReadonlyMap<Language, readonly (string | undefined)[]>;

/** Each language's identifier of each of firstOfEachCode(context), in its order: derived once for both rules. */
const identifiers = oncePerContext((context): Names => {
  const entries = firstOfEachCode(context);
  return new Map(languages.map((language) => [language, entries.map((e) => memberName(e.entry.code, language, e.entry.names?.[language.id]))]));
});

export const identifierCollision: LintRule = {
  id: 'identifier-collision',
  description: 'Two codes become the same identifier in some target language; generation would fail.',
  defaultSeverity: 'error',
  check(context) {
    const findings: RuleFinding[] = [];
    const entries = firstOfEachCode(context);
    for (const [language, names] of identifiers(context)) {
      const taken = new Map<string, LintEntry>();
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i] as LintEntry;
        const name = names[i];
        if (name === undefined) {
          findings.push({ at: e.at, code: e.entry.code, message: `code "${e.entry.code}" has no letters or digits to make a ${language.id} identifier from`, hint: `Give it a name under \`names: { ${language.id}: ... }\`.` });
          continue;
        }
        const clash = taken.get(name);
        if (clash) {
          findings.push({
            at: e.at,
            code: e.entry.code,
            related: [clash.at],
            message: `codes "${clash.entry.code}" and "${e.entry.code}" both become the ${language.id} identifier ${name}`,
            hint: `Rename one, or give one an explicit name under \`names: { ${language.id}: ... }\`.`,
          });
        } else taken.set(name, e);
      }
    }
    return findings;
  },
};

export const identifierRenamed: LintRule = {
  id: 'identifier-renamed',
  description: 'A code had to be renamed in some language (a leading digit or a reserved word); readers may not find it by its code.',
  defaultSeverity: 'warn',
  check(context) {
    const findings: RuleFinding[] = [];
    const names = identifiers(context);
    const entries = firstOfEachCode(context);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as LintEntry;
      for (const language of languages) {
        if (e.entry.names?.[language.id] !== undefined) continue;
        const plain = (language.memberPrefix ?? '') + toCase(e.entry.code, language.memberCase);
        const name = names.get(language)?.[i];
        if (name !== undefined && name !== plain) {
          findings.push({
            at: e.at,
            code: e.entry.code,
            message: `${e.entry.code} is named ${name} in ${language.id} (not ${plain}, which is not a valid identifier there)`,
            hint: `Accept it, or choose the name under \`names: { ${language.id}: ... }\`.`,
          });
        }
      }
    }
    return findings;
  },
};
