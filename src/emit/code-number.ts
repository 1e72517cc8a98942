import type { Catalog } from '../catalog/model.js';
import type { Diagnostic, Location } from '../diagnostics.js';

/**
 * A code's stable number (its Protocol Buffers enum value): the catalog's `number`, else one derived
 * from the code string alone — 1 + (FNV-1a 32-bit hash of its UTF-8 bytes mod 2^31 − 2), in
 * 1…2147483646 — so adding, removing or reordering codes never changes another code's number.
 */
export function codeNumber(code: string, override: number | undefined): number {
  if (override !== undefined) return override;
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(code, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return 1 + (hash % 0x7ffffffe);
}

/**
 * Two codes (live or tombstoned) with one number: an error naming both places. Rows of one code
 * share its number; the second listing of a code is not a clash.
 */
export function numberClashes(catalog: Catalog, locate: (group: number, index: number) => Location): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Positions are looked up only for a clash: locating every entry is costly in a large catalog.
  const taken = new Map<number, { code: string; group: number; index: number }>();
  catalog.groups.forEach((group, g) =>
    group.codes.forEach((entry, i) => {
      const number = codeNumber(entry.code, entry.number);
      const clash = taken.get(number);
      if (clash === undefined) taken.set(number, { code: entry.code, group: g, index: i });
      else if (clash.code !== entry.code) {
        diagnostics.push({
          severity: 'error',
          at: locate(g, i),
          related: [locate(clash.group, clash.index)],
          message: `codes "${clash.code}" and "${entry.code}" both have the number ${number}`,
          hint: 'Give the newer code its own `number` in the catalog; never change the number of a code already released.',
        });
      }
    }),
  );
  return diagnostics;
}
