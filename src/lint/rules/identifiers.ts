import type { Language } from '../../lang/language.js';
import { badOverrideReport, type CodeIdentifiers, codeIdentifiers, collisionReport, namedCodes } from '../../names/code-identifiers.js';
import { isReserved } from '../../names/identifier.js';
import type { LintEntry, LintRule, RuleFinding } from '../rule.js';
import { firstOfEachCode, oncePerContext } from '../rule.js';

/** Each generated language's identifiers of firstOfEachCode(context), in its order: derived once per catalog, for both rules and for rendering. */
const identifiers = oncePerContext((context): ReadonlyMap<Language, CodeIdentifiers> => {
  const entries = firstOfEachCode(context);
  // The context's entries are its catalog's, in order: the same codes, the same first entries.
  const named = namedCodes(context.catalog);
  if (named.length !== entries.length || named.some((entry, i) => entry !== entries[i]?.entry)) throw new Error("internal: lint entries are not the catalog's");
  return new Map(context.languages.map((language) => [language, codeIdentifiers(context.catalog, language)]));
});

export const identifierCollision: LintRule = {
  id: 'identifier-collision',
  description: 'Two codes become the same identifier, or a code has none, in a language the targets generate; generation would fail.',
  defaultSeverity: 'error',
  check(context) {
    const findings: RuleFinding[] = [];
    const entries = firstOfEachCode(context);
    for (const [language, { names, clashes }] of identifiers(context)) {
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i] as LintEntry;
        const name = names[i];
        if (name === undefined) {
          findings.push({ at: e.at, code: e.entry.code, message: `code "${e.entry.code}" has no letters or digits to make a ${language.id} identifier from`, hint: `Give it a name under \`names: { ${language.id}: ... }\`.` });
          continue;
        }
        const first = clashes.get(i);
        if (first !== undefined) {
          const clash = entries[first] as LintEntry;
          findings.push({ at: e.at, code: e.entry.code, related: [clash.at], ...collisionReport({ code: clash.entry.code, name: names[first] as string }, { code: e.entry.code, name }, language) });
        }
      }
    }
    return findings;
  },
};

export const identifierOverride: LintRule = {
  id: 'identifier-override',
  description: 'A `names:` override is not an identifier in its language, is not written as its members are (exported in Go, constant case in Java and Python, UpperCamelCase in Rust), is a reserved word there, or is a name the generated code has itself; generation would fail.',
  defaultSeverity: 'error',
  check(context) {
    const findings: RuleFinding[] = [];
    const entries = firstOfEachCode(context);
    for (const [language, { names, badOverrides }] of identifiers(context)) {
      for (const [i, problem] of badOverrides) {
        const e = entries[i] as LintEntry;
        findings.push({ at: e.locate(['names', language.id]), code: e.entry.code, ...badOverrideReport(e.entry.code, names[i] as string, problem, language) });
      }
    }
    return findings;
  },
};

export const identifierRenamed: LintRule = {
  id: 'identifier-renamed',
  description: 'A code had to be renamed in a language the targets generate (a leading digit or a reserved word); readers may not find it by its code.',
  defaultSeverity: 'warn',
  check(context) {
    const findings: RuleFinding[] = [];
    const entries = firstOfEachCode(context);
    const named = [...identifiers(context)];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as LintEntry;
      for (const [language, { names, changed }] of named) {
        const plain = changed.get(i);
        if (plain === undefined) continue;
        findings.push({
          at: e.at,
          code: e.entry.code,
          message: `${e.entry.code} is named ${names[i]} in ${language.id} (not ${plain}, which ${isReserved(plain, language) ? 'is reserved' : 'is not a valid identifier'} there)`,
          hint: `Accept it, or choose the name under \`names: { ${language.id}: ... }\`.`,
        });
      }
    }
    return findings;
  },
};
