import { didYouMean } from '../closest-match.js';
import { UsageError } from '../diagnostics.js';
import { fieldNames, type FieldName, fromFlags, type HeaderNames } from '../markdown/columns.js';
import type { RuleSetting } from '../lint/rule.js';

/** Collects a repeatable `--flag key=value` option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function split(pair: string, flag: string, shape: string): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0 || at === pair.length - 1) throw new UsageError(`${flag} expects ${shape}, not "${pair}"`);
  return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
}

/** `--header code=Fehlercode` → extra header names per field: before the config's, as they are this run's choice. */
export function headerFlags(pairs: readonly string[] | undefined, base: Partial<Record<FieldName, readonly string[]>> = {}): HeaderNames {
  const flagged: Partial<Record<FieldName, string[]>> = {};
  for (const pair of pairs ?? []) {
    const [field, name] = split(pair, '--header', '<field>=<header name>, e.g. code=Fehlercode');
    if (!(fieldNames as readonly string[]).includes(field)) throw new UsageError(`--header names an unknown field "${field}"; the fields are: ${fieldNames.join(', ')}`);
    (flagged[field as FieldName] ??= []).push(name);
  }
  const headers: Partial<Record<FieldName, readonly string[]>> = { ...base };
  const counts: Partial<Record<FieldName, number>> = {};
  for (const field of fieldNames) {
    const names = flagged[field];
    if (!names) continue;
    headers[field] = [...names, ...(base[field] ?? [])];
    counts[field] = names.length;
  }
  return { ...headers, [fromFlags]: counts };
}

/** `--rule duplicate-code=warn` → rule settings, for the rules `known` lists; the rule is checked before its setting. */
export function ruleFlags(pairs: readonly string[] | undefined, known: readonly string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const pair of pairs ?? []) {
    const [id, setting] = split(pair, '--rule', '<rule-id>=<off|warn|error>, e.g. duplicate-code=warn');
    if (!known.includes(id)) throw new UsageError(`--rule names unknown rule ${id}${didYouMean(id, known)}; the rules are: ${known.join(', ')}`);
    if (setting !== 'off' && setting !== 'warn' && setting !== 'error') throw new UsageError(`--rule ${id} must be off, warn or error, not "${setting}"`);
    settings[id] = setting;
  }
  return settings;
}
