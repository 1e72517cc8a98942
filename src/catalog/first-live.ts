import type { CatalogCode } from './model.js';

/**
 * The first entry of each code that is not removed, in catalog order: what generated code is made
 * from (one identifier, one set of translations). `entryOf` reads the catalog entry of an item, for
 * lists that wrap entries (lint's, with their places).
 */
export function firstLiveOfEachCode<T>(items: readonly T[], entryOf: (item: T) => CatalogCode): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const entry = entryOf(item);
    return !entry.removed && !seen.has(entry.code) && seen.add(entry.code);
  });
}
