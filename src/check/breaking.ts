import type { Catalog, CatalogCode } from '../catalog/model.js';
import type { Diagnostic, Location } from '../diagnostics.js';
import type { Language } from '../lang/language.js';
import { codeIdentifiers } from '../names/code-identifiers.js';
import { memberName } from '../names/identifier.js';
import { assignNumbers } from '../emit/code-number.js';
import type { LintEntry, RuleSetting } from '../lint/rule.js';
import { toSeverity } from '../lint/rule.js';
import { didYouMean } from '../closest-match.js';
import { defaultLocale } from '../messages/locales.js';
import { paramChanges } from './breaking-params.js';
import { outdatedTranslations } from './breaking-translations.js';

/** A breaking-change rule: stable id, one-line description, default severity. */
export interface BreakingRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: RuleSetting;
}

export const breakingRules: readonly BreakingRule[] = [
  { id: 'code-removed', description: 'A code disappeared without a `removed` tombstone or an alias that keeps its name.', defaultSeverity: 'error' },
  { id: 'status-changed', description: 'A code now carries a different HTTP status (or set of statuses).', defaultSeverity: 'error' },
  { id: 'identifier-changed', description: 'A generated identifier (Go constant, Java enum constant, TypeScript member) changed name, or is gone because its code is now only an alias of another, in a language the targets generate.', defaultSeverity: 'error' },
  { id: 'alias-dropped', description: 'An alias that clients may still send was removed.', defaultSeverity: 'error' },
  { id: 'tombstone-reused', description: 'A retired code is live again, possibly with another meaning.', defaultSeverity: 'error' },
  { id: 'number-changed', description: "A code's stable number (its Protocol Buffers enum value) changed.", defaultSeverity: 'error' },
  { id: 'param-removed', description: 'A message parameter is gone: calls that pass it no longer compile, clients reading it from the details find nothing.', defaultSeverity: 'error' },
  { id: 'param-type-changed', description: 'A message parameter has another type (string, integer, number, boolean).', defaultSeverity: 'error' },
  { id: 'param-order-changed', description: "The parameters kept are in another order, which is generated formatters' positional order: values would go to the wrong parameter.", defaultSeverity: 'error' },
  { id: 'param-added', description: "A code's message gained a parameter: callers of its generated formatter must pass it (a compile error in typed languages); the wire only gains a field.", defaultSeverity: 'warn' },
  { id: 'unused-ignore', description: 'A `breaking.ignore` entry accepts no change against the earlier version: left in place, it would accept the next change of its rule and code unreviewed.', defaultSeverity: 'warn' },
  { id: 'outdated-translation', description: "A code's default-language message or solution changed and a translation of it did not, nor was it marked `reviewed: false`: it still translates the old text.", defaultSeverity: 'warn' },
];

/** An accepted breaking change: it must say why. */
export interface BreakingIgnore {
  readonly rule: string;
  readonly code: string;
  readonly reason: string;
  /** Where the config lists it. */
  readonly at?: Location;
}

export interface BreakingInput {
  readonly before: Catalog;
  /** What `before` is, for messages: a file path or `git-ref:path`. */
  readonly beforeName: string;
  readonly after: readonly LintEntry[];
  /** The catalog now, whose entries `after` lists. */
  readonly catalog: Catalog;
  readonly catalogFile: string;
  readonly settings: Readonly<Record<string, RuleSetting>>;
  readonly ignores: readonly BreakingIgnore[];
  /** The languages generated code is written in (namedLanguages): where a renamed identifier breaks callers. */
  readonly languages: readonly Language[];
}

interface Snapshot<T> {
  /** code → its live entries, in catalog order */
  readonly live: Map<string, T[]>;
  readonly removed: Set<string>;
  /** alias → canonical live code */
  readonly aliases: Map<string, string>;
}

/** A catalog's entries by code; `entryOf` reads the entry of an item (a CatalogCode, or a LintEntry's). */
function snapshot<T>(items: readonly T[], entryOf: (item: T) => CatalogCode): Snapshot<T> {
  const live = new Map<string, T[]>();
  const removed = new Set<string>();
  const aliases = new Map<string, string>();
  for (const item of items) {
    const entry = entryOf(item);
    if (entry.removed) {
      removed.add(entry.code);
      continue;
    }
    const list = live.get(entry.code);
    if (list) list.push(item);
    else live.set(entry.code, [item]);
    for (const alias of entry.aliases ?? []) aliases.set(alias, entry.code);
  }
  return { live, removed, aliases };
}

/**
 * Compares two versions of a catalog by code string (never by position or generated name).
 * Additions are never breaking; an alias satisfies an old name.
 */
export function checkBreaking(input: BreakingInput): Diagnostic[] {
  const before = snapshot(input.before.groups.flatMap((g) => g.codes), (entry) => entry);
  const after = snapshot(input.after, (e) => e.entry);
  const firstOf = new Map<string, LintEntry>();
  for (const e of input.after) if (!firstOf.has(e.entry.code)) firstOf.set(e.entry.code, e);
  // Located only for findings: locating every entry costs a YAML parse with positions.
  const locationOf = { get: (code: string): Location | undefined => firstOf.get(code)?.at };
  const top: Location = { file: input.catalogFile, line: 1, column: 1 };
  // A code gone is placed in the group it was in, where that group is now (its first entry), else at the top.
  const groupOfBefore = new Map<string, string>();
  for (const group of input.before.groups) for (const entry of group.codes) if (!groupOfBefore.has(entry.code)) groupOfBefore.set(entry.code, group.title);
  const groupNow = new Map<string, Location>();
  for (const e of input.after) if (!groupNow.has(e.group)) groupNow.set(e.group, e.at);
  const whereItWas = (code: string): Location => groupNow.get(groupOfBefore.get(code) ?? '') ?? top;
  const findings: Array<Omit<Diagnostic, 'severity'> & { rule: string; code: string }> = [];
  const against = `in ${input.beforeName}`;
  // Every name live codes generate now, per language (lint derived them already): looked up only for a code now an alias.
  const known = new Map<Language, ReadonlySet<string | undefined>>();
  const namesNow = (language: Language) => {
    let names = known.get(language);
    if (names === undefined) known.set(language, (names = new Set(codeIdentifiers(input.catalog, language).names)));
    return names;
  };

  for (const [code, oldEntries] of before.live) {
    const newLive = after.live.get(code);
    if (!newLive) {
      if (after.removed.has(code)) continue; // retired properly
      const canonical = after.aliases.get(code);
      if (canonical !== undefined) {
        // The wire value still parses, to its new code; what generated code named it may not: the
        // names no live code generates now (a rename can pin them on the new code with `names:`).
        const gone = input.languages.flatMap((language) => {
          const name = memberName(code, language, oldEntries[0]?.names?.[language.id]);
          return name === undefined || namesNow(language).has(name) ? [] : [`${language.id} ${name}`];
        });
        if (gone.length > 0) {
          findings.push({
            rule: 'identifier-changed',
            code,
            at: locationOf.get(canonical) ?? top,
            message: `${code} (${against}) is now an alias of ${canonical}: it still parses, but its generated names are gone (${gone.join(', ')}); code that uses them no longer compiles`,
            hint: `Keep the names on ${canonical} with \`names:\`, or keep ${code} as a code of its own (not an alias), deprecated with \`replacement: ${canonical}\`, until clients have moved; or accept this under \`breaking.ignore\` (rule: identifier-changed, code: ${code}).`,
          });
        }
        continue;
      }
      findings.push({
        rule: 'code-removed',
        code,
        at: whereItWas(code),
        message: `${code} (${against}) is gone from the catalog; clients that handle it break`,
        hint: `Keep it, retire it with \`removed: { since: …, reason: … }\` so it stays reserved, or list it under \`aliases\` of the code that replaces it.`,
      });
      continue;
    }
    const newEntries = newLive.map((e) => e.entry);
    // Looked up only for a finding (a getter in an object literal per code would make each a dictionary).
    const at = () => locationOf.get(code) ?? top;
    const oldStatuses = statusesOf(oldEntries);
    const newStatuses = statusesOf(newEntries);
    if (oldStatuses !== newStatuses) {
      findings.push({ rule: 'status-changed', code, at: at(), message: `${code} changed status from ${oldStatuses} (${against}) to ${newStatuses}`, hint: 'Clients branch on the status: keep it, or introduce a new code.' });
    }
    for (const language of input.languages) {
      const oldName = memberName(code, language, oldEntries[0]?.names?.[language.id]);
      const newName = memberName(code, language, newEntries[0]?.names?.[language.id]);
      if (oldName !== newName) {
        findings.push({
          rule: 'identifier-changed',
          code,
          at: at(),
          message: `${code} is named ${newName ?? '(nothing)'} in ${language.id}, was ${oldName ?? '(nothing)'} (${against}); code that uses the old name no longer compiles`,
          hint: `Pin the old name with \`names: { ${language.id}: ${oldName} }\`.`,
        });
      }
    }
    const located = firstOf.get(code);
    if (oldEntries[0] && located) findings.push(...paramChanges(oldEntries[0], located, against));
    findings.push(...outdatedTranslations(oldEntries, newLive, defaultLocale(input.catalog), against));
  }
  for (const [alias, code] of before.aliases) {
    if (after.aliases.has(alias) || after.live.has(alias)) continue;
    findings.push({ rule: 'alias-dropped', code, at: locationOf.get(code) ?? top, message: `alias ${alias} of ${code} (${against}) was dropped; clients sending it get an unknown code`, hint: `Keep \`${alias}\` under \`aliases\`.` });
  }
  for (const code of before.removed) {
    if (!after.live.has(code)) continue;
    findings.push({ rule: 'tombstone-reused', code, at: locationOf.get(code) ?? top, message: `${code} was retired (${against}) and is live again`, hint: 'A retired code stays reserved: choose a new code.' });
  }
  const nowhere = () => top;
  const oldNumbers = assignNumbers(input.before, nowhere).numbers;
  const newNumbers = assignNumbers({ groups: [{ title: '', codes: input.after.map((e) => e.entry) }] }, nowhere).numbers;
  for (const [code, number] of oldNumbers) {
    const now = newNumbers.get(code);
    if (now === undefined || now === number) continue;
    findings.push({ rule: 'number-changed', code, at: locationOf.get(code) ?? top, message: `${code} has the number ${now}, was ${number} (${against}); Protocol Buffers clients decode it as another code`, hint: `Pin it with \`number: ${number}\`.` });
  }

  // An ignore with nothing left to accept (its change is in the earlier version now) would silently
  // accept the next change of that rule and code, unreviewed: it is reported, so that it goes.
  const isKnown = (code: string) => [before, after].some((s) => s.live.has(code) || s.removed.has(code) || s.aliases.has(code));
  for (const ignore of input.ignores) {
    if (findings.some((f) => ignore.rule === f.rule && ignore.code === f.code)) continue;
    const known = isKnown(ignore.code);
    findings.push({
      rule: 'unused-ignore',
      code: ignore.code,
      at: ignore.at ?? top,
      message: known
        ? `breaking.ignore accepts ${ignore.rule} for ${ignore.code}, but the catalog has no such change against ${input.beforeName}: left in place, it would accept the next one unreviewed`
        : `breaking.ignore accepts ${ignore.rule} for ${ignore.code}, a code neither the catalog nor ${input.beforeName} has${didYouMean(ignore.code, [...new Set([before, after].flatMap((s) => [...s.live.keys(), ...s.aliases.keys()]))])}`,
      hint: known
        ? 'Remove the entry: the change it accepted is in the earlier version now, or never happened.'
        : 'Name the code as the finding to accept names it (the old code, for a code now an alias), or remove the entry.',
    });
  }
  return findings.flatMap((f) => {
    const setting = input.settings[f.rule] ?? breakingRules.find((r) => r.id === f.rule)?.defaultSeverity ?? 'error';
    if (setting === 'off') return [];
    // An ignore cannot hide that it, or another, is unused.
    if (f.rule !== 'unused-ignore' && input.ignores.some((i) => i.rule === f.rule && i.code === f.code)) return [];
    return [{ ...f, severity: toSeverity(setting) }];
  });
}

function statusesOf(entries: readonly CatalogCode[]): string {
  return [...new Set(entries.map((e) => e.status))].sort((a, b) => a - b).join('/');
}
