import { firstLiveOfEachCode } from '../catalog/first-live.js';
import type { Catalog, CatalogCode } from '../catalog/model.js';
import type { Location, Severity } from '../diagnostics.js';
import type { Language } from '../lang/language.js';

/** A severity as written in the config: `off` silences a rule. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** One catalog entry with where it is. */
export interface LintEntry {
  readonly entry: CatalogCode;
  readonly group: string;
  readonly at: Location;
  /**
   * Where a field of the entry is (`['messages', 'zh-CN', 'message']`), or the nearest enclosing node
   * that exists; an offset into a string field points at that character, e.g. a stray brace.
   */
  locate(field: readonly (string | number)[], offset?: number): Location;
  /** Where its row is in the Markdown: on the pages as check reads them now, else where the last import found it. */
  readonly source: Location | undefined;
  /** Where the last import found its row (the source map), whatever the pages say now. */
  readonly lastImported?: Location | undefined;
}

export interface LintContext {
  readonly catalog: Catalog;
  readonly file: string;
  /** Every entry of `catalog`, tombstones included, in catalog order. */
  readonly entries: readonly LintEntry[];
  /** The languages the targets name codes in (namedLanguages): where a code must have a name of its own. */
  readonly languages: readonly Language[];
  /** Where the node at a catalog path is (`['locales', 'fallback', 'zh-HK']`), or the nearest that exists. */
  locate(path: readonly (string | number)[]): Location;
}

/** What a rule reports; the runner adds the rule id and the configured severity. */
export interface RuleFinding {
  readonly at: Location;
  readonly message: string;
  readonly hint?: string;
  readonly code?: string;
  readonly related?: readonly Location[];
}

/** A lint rule: a small named function over the shared context. */
export interface LintRule {
  readonly id: string;
  /** One line: what it checks and why. */
  readonly description: string;
  readonly defaultSeverity: RuleSetting;
  /** `setting` is the rule's own, for a hint that depends on it. */
  check(context: LintContext, setting: Exclude<RuleSetting, 'off'>): RuleFinding[];
}

export function toSeverity(setting: Exclude<RuleSetting, 'off'>): Severity {
  return setting === 'warn' ? 'warning' : 'error';
}

/** Active entries: what the API still serves (tombstones excluded). */
export function active(context: LintContext): LintEntry[] {
  return context.entries.filter((e) => !e.entry.removed);
}

/**
 * `derive`, worked out once per context: for what several rules ask, which costs at 100,000 codes.
 * A context is one check's, never changed: nothing goes stale.
 */
export function oncePerContext<T>(derive: (context: LintContext) => T): (context: LintContext) => T {
  const known = new WeakMap<LintContext, T>();
  return (context) => {
    if (!known.has(context)) known.set(context, derive(context));
    return known.get(context) as T;
  };
}

/** The first live entry of each code: what generated code is made from (one identifier, one set of translations). */
export const firstOfEachCode = oncePerContext((context): readonly LintEntry[] => firstLiveOfEachCode(context.entries, (e) => e.entry));
