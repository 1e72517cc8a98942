import type { Catalog } from '../catalog/model.js';
import type { Location } from '../diagnostics.js';
import { canonicalLocaleCase, defaultLocale } from './locales.js';

/** A locale tag written in a case another place of the catalog does not use (see localeSpellingClashes). */
export interface LocaleSpellingClash {
  readonly at: Location;
  /** The code whose translation spells it so, if it is one. */
  readonly code?: string;
  readonly message: string;
  readonly hint: string;
  readonly related: readonly Location[];
}

type CatalogPath = readonly (string | number)[];

/**
 * BCP 47 tags are case-insensitive, so `de` and `DE` name one locale; a catalog spelling one both
 * ways would still generate two (a code's translation then missing from the other, and two bundle
 * files that collide on a case-insensitive disk), and a fallback keyed by one spelling would not be
 * found from the other. Each other spelling is reported once, at its first use in catalog order,
 * with where the first spelling is. Tombstones count: generated code knows their locales too.
 * Shared by the lint rule locale-config and by generate, which refuses such a catalog.
 */
export function localeSpellingClashes(catalog: Catalog, locate: (path: CatalogPath) => Location): LocaleSpellingClash[] {
  const locales = catalog.locales ?? {};
  const uses: Array<{ tag: string; what: string; path: CatalogPath; code?: string }> = [];
  uses.push({ tag: defaultLocale(catalog), what: 'locales.default', path: ['locales', 'default'] });
  (locales.supported ?? []).forEach((tag, i) => uses.push({ tag, what: 'locales.supported', path: ['locales', 'supported', i] }));
  for (const [tag, to] of Object.entries(locales.fallback ?? {})) {
    uses.push({ tag, what: 'locales.fallback', path: ['locales', 'fallback', tag] });
    uses.push({ tag: to, what: `the fallback of ${tag}`, path: ['locales', 'fallback', tag] });
  }
  catalog.groups.forEach((group, g) =>
    group.codes.forEach((entry, i) => {
      if (entry.messages === undefined) return;
      for (const tag of Object.keys(entry.messages)) uses.push({ tag, what: `messages.${tag} of ${entry.code}`, path: ['groups', g, 'codes', i, 'messages', tag], code: entry.code });
    }),
  );
  const first = new Map<string, (typeof uses)[number]>();
  const reported = new Set<string>();
  const clashes: LocaleSpellingClash[] = [];
  for (const use of uses) {
    const key = use.tag.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, use);
      continue;
    }
    if (earlier.tag === use.tag || reported.has(use.tag)) continue;
    reported.add(use.tag);
    clashes.push({
      at: locate(use.path),
      ...(use.code !== undefined && { code: use.code }),
      message: `${use.what} spells the locale ${use.tag}, but ${earlier.what} spells it ${earlier.tag}: language tags are case-insensitive, so these are one locale`,
      hint: `Write one spelling everywhere; the usual one is ${canonicalLocaleCase(use.tag)}.`,
      related: [locate(earlier.path)],
    });
  }
  return clashes;
}
