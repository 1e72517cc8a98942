import { firstLiveOfEachCode } from '../catalog/first-live.js';
import type { Catalog, CatalogCode } from '../catalog/model.js';
import type { Language } from '../lang/language.js';
import { type CaseStyle, toCase } from './case.js';
import { derivedIdentifier, isReserved } from './identifier.js';

/** A language's identifier for each code generated code holds. */
export interface CodeIdentifiers {
  /** The catalog entries named: each code's first entry that is not removed, in catalog order. */
  readonly codes: readonly CatalogCode[];
  /** `names[i]` is the identifier of `codes[i]` (its override, if it has one); undefined where it has no letters or digits. */
  readonly names: readonly (string | undefined)[];
  /** For each derived name that rules 3 and 4 or the characters the language allows changed, by index: what it would have been. */
  readonly changed: ReadonlyMap<number, string>;
  /** For each code whose name an earlier code already has, by index: the index of the first code with it. */
  readonly clashes: ReadonlyMap<number, number>;
  /** For each code whose `names:` override the language cannot take, by index: why (see overrideProblem). */
  readonly badOverrides: ReadonlyMap<number, string>;
}

/**
 * Every code's identifier in `language`, derived once per catalog: `check` asks for them twice, for
 * the identifier lint rules and to render the outputs it compares, and at 100,000 codes in every
 * language naming took a second.
 */
export function codeIdentifiers(catalog: Catalog, language: Language): CodeIdentifiers {
  const derived = derivedFrom(catalog);
  let identifiers = derived.byLanguage.get(language);
  if (identifiers === undefined) derived.byLanguage.set(language, (identifiers = deriveAll(derived.codes, language, casedCodes(derived, language.memberCase))));
  return identifiers;
}

/**
 * Every code in a case style, written once per catalog: languages share styles (TypeScript and Go
 * are both Pascal case; Java, Python and Protocol Buffers constant case), and at 100,000 codes
 * writing the Pascal case names a second time took a third of a second.
 */
function casedCodes(derived: Derived, style: CaseStyle): readonly string[] {
  let cased = derived.byStyle.get(style);
  if (cased === undefined) derived.byStyle.set(style, (cased = derived.codes.map((entry) => toCase(entry.code, style))));
  return cased;
}

/** The catalog entries every language's CodeIdentifiers name, in their order (the same list as their `codes`). */
export function namedCodes(catalog: Catalog): readonly CatalogCode[] {
  return derivedFrom(catalog).codes;
}

interface Derived {
  readonly codes: readonly CatalogCode[];
  readonly byLanguage: Map<Language, CodeIdentifiers>;
  readonly byStyle: Map<CaseStyle, readonly string[]>;
}

function derivedFrom(catalog: Catalog): Derived {
  let derived = known.get(catalog);
  if (derived === undefined) {
    const codes = firstLiveOfEachCode(catalog.groups.flatMap((group) => group.codes), (entry) => entry);
    known.set(catalog, (derived = { codes, byLanguage: new Map(), byStyle: new Map() }));
  }
  return derived;
}

/** A catalog read is never changed afterwards: what was derived from it stays true while it lives. */
const known = new WeakMap<Catalog, Derived>();

function deriveAll(codes: readonly CatalogCode[], language: Language, cased: readonly string[]): CodeIdentifiers {
  const names: (string | undefined)[] = [];
  const changed = new Map<number, string>();
  const badOverrides = new Map<number, string>();
  const prefix = language.memberPrefix ?? '';
  // Whether every name is the prefix and the code itself (constant case, most catalogs): the codes
  // are distinct, so the names are too, and there is no need to look for clashes.
  let asCodes = true;
  for (let i = 0; i < codes.length; i++) {
    const entry = codes[i] as CatalogCode;
    const override = entry.names?.[language.id];
    let name = override;
    if (name !== undefined) {
      const problem = overrideProblem(name, language);
      if (problem !== undefined) badOverrides.set(i, problem);
    } else {
      const derived = derivedIdentifier(entry.code, language, cased[i]);
      name = derived.name;
      if (name !== undefined && name !== derived.plain) changed.set(i, derived.plain);
    }
    names.push(name);
    if (asCodes) asCodes = name !== undefined && isPrefixed(name, prefix, entry.code);
  }
  // Names as the language compares them, where that is another form (see comparedAs): names that
  // differ may then be one (protoc's `V_2` and `V2`), unless each is compared as it is.
  const key = language.comparedAs?.key;
  const compared = key === undefined ? names : names.map((name) => (name === undefined ? name : key(name)));
  return { codes, names, changed, clashes: asCodes && compared.every((as, i) => as === names[i]) ? noClashes : clashesIn(compared), badOverrides };
}

/**
 * Why a `names:` override cannot name a member in `language`, or undefined if it can. An override is
 * used as it is (no rule rewrites it), so what the compiler would refuse, or what would quietly take
 * the place of something the generated code declares, is an error before anything is written.
 */
export function overrideProblem(name: string, language: Language): string | undefined {
  if (!language.identifier.test(name)) return `is not a ${language.id} identifier`;
  // Python reads identifiers in NFKC: `ＯＴＨＥＲ` is OTHER to it, whatever the clash checks compare.
  const seen = language.identifierText?.(name);
  if (seen !== undefined && seen !== name) return `is read as ${seen} in ${language.id}: write that`;
  if (!language.memberStyle.test(name)) return `is not written as a ${language.id} member: ${language.memberStyle.rule}`;
  if (isReserved(name, language)) return `is a reserved word in ${language.id}`;
  if (language.declaresBeside?.(name)) return `is taken: the generated ${language.id} code has its own ${name} beside the codes`;
  return undefined;
}

/** What check and generate say about an override overrideProblem refused. */
export function badOverrideReport(code: string, name: string, problem: string, language: Language): { message: string; hint: string } {
  const derived = derivedIdentifier(code, language).name;
  return {
    message: `the ${language.id} name ${JSON.stringify(name)} of ${code} (\`names: { ${language.id}: ... }\`) ${problem}`,
    hint: `Choose another name${derived === undefined ? '' : `, or remove the override to use the derived one, ${derived}`}.`,
  };
}

const noClashes: ReadonlyMap<number, number> = new Map();

function isPrefixed(name: string, prefix: string, code: string): boolean {
  return name.length === prefix.length + code.length && name.startsWith(prefix) && name.endsWith(code);
}

/** For each name an earlier one already is (names as the language compares them), by index: the index of the first. */
function clashesIn(names: readonly (string | undefined)[]): Map<number, number> {
  const clashes = new Map<number, number>();
  const firstWith = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === undefined) continue;
    const first = firstWith.get(name);
    if (first === undefined) firstWith.set(name, i);
    else clashes.set(i, first);
  }
  return clashes;
}

/** What check and generate say of two codes whose identifiers collide in a language. */
export function collisionReport(first: { code: string; name: string }, second: { code: string; name: string }, language: Language): { message: string; hint: string } {
  const hint = `Rename one of the codes, or give one an explicit name under \`names: { ${language.id}: ... }\` in the catalog.`;
  if (first.name === second.name) return { message: `codes "${first.code}" and "${second.code}" both become the ${language.id} identifier ${second.name}`, hint };
  return { message: `codes "${first.code}" and "${second.code}" become the ${language.id} identifiers ${first.name} and ${second.name}, which ${language.comparedAs?.rule}`, hint };
}
