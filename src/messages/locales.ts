import type { Catalog } from '../catalog/model.js';

/** The locale of `message` and `solution` when the catalog names none. */
export const fallbackDefaultLocale = 'en';

export function defaultLocale(catalog: Catalog): string {
  return catalog.locales?.default ?? fallbackDefaultLocale;
}

/**
 * Every locale generated code knows: the default first, then the supported ones in catalog order,
 * then any other locale an entry is translated into, sorted so the output is deterministic.
 */
export function knownLocales(catalog: Catalog): string[] {
  const first = [defaultLocale(catalog), ...(catalog.locales?.supported ?? [])];
  const others = new Set<string>();
  for (const group of catalog.groups) for (const entry of group.codes) for (const tag of Object.keys(entry.messages ?? {})) others.add(tag);
  for (const tag of first) others.delete(tag);
  return [...new Set(first), ...[...others].sort()];
}

/**
 * Where a locale looks for a text, in order: itself, its configured fallback (followed the same
 * way) or else its parent tag (`zh-Hant-TW` → `zh-Hant` → `zh`), and last the default locale.
 * A fallback cycle stops at the first repeat.
 */
export function fallbackChain(tag: string, catalog: Catalog): string[] {
  const chain: string[] = [];
  const fallback = catalog.locales?.fallback ?? {};
  for (let next: string | undefined = tag; next !== undefined && !chain.includes(next); ) {
    chain.push(next);
    next = fallback[next] ?? parentTag(next);
  }
  const base = defaultLocale(catalog);
  if (!chain.includes(base)) chain.push(base);
  return chain;
}

/** The tag without its last subtag, or undefined for a bare language. */
export function parentTag(tag: string): string | undefined {
  const cut = tag.lastIndexOf('-');
  return cut > 0 ? tag.slice(0, cut) : undefined;
}

/**
 * A language tag in the case BCP 47 recommends (RFC 5646 §2.1.1): language lower, a four-letter
 * script Title (`Hant`), a region UPPER (`TW`, `419`), everything else lower, and everything after
 * a singleton (`-x-`, `-u-`) lower. Tags are case-insensitive, so this only picks a spelling.
 */
export function canonicalLocaleCase(tag: string): string {
  let extension = false;
  return tag
    .split('-')
    .map((subtag, i) => {
      const lower = subtag.toLowerCase();
      if (i === 0 || extension) return lower;
      if (subtag.length === 1) {
        extension = true;
        return lower;
      }
      if (/^[a-z]{4}$/i.test(subtag)) return lower[0]!.toUpperCase() + lower.slice(1);
      if (/^([a-z]{2}|\d{3})$/i.test(subtag)) return subtag.toUpperCase();
      return lower;
    })
    .join('-');
}

/** The spelling `tags` already use for `tag`, matched case-insensitively, else `tag` in canonical case. */
export function spellingOf(tag: string, tags: Iterable<string>): string {
  const lower = tag.toLowerCase();
  for (const known of tags) if (known.toLowerCase() === lower) return known;
  return canonicalLocaleCase(tag);
}
