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
  // An ASCII code is its own UTF-8: hashed from its characters, without a buffer and an iterator.
  if (/^[\x00-\x7f]*$/.test(code)) {
    for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), 0x01000193) >>> 0;
  } else {
    for (const byte of Buffer.from(code, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return 1 + (hash % 0x7ffffffe);
}

const maxNumber = 0x7ffffffe;

export interface NumberAssignment {
  /** Every code's number, live or tombstoned. */
  readonly numbers: ReadonlyMap<string, number>;
  /** Two codes given one explicit `number`: errors naming both places. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Gives every code its number. Explicit `number`s come first; the other codes take their derived
 * number, in order of (derived number, code string), and a code whose number is taken probes the
 * next free one. With 2^31 numbers a collision is rare (about 2 in a 100,000-code catalog), so a
 * catalog still generates; the one way a number can move is a new code colliding with an older one
 * that sorts after it, which `errgen check --against` reports (rule `number-changed`) — then pin the
 * older code's `number`.
 */
export function assignNumbers(catalog: Catalog, locate: (group: number, index: number) => Location): NumberAssignment {
  const diagnostics: Diagnostic[] = [];
  const numbers = new Map<string, number>();
  const explicit = new Map<number, { code: string; group: number; index: number }>();
  const derived: Array<{ code: string; number: number }> = [];
  const seen = new Set<string>();
  catalog.groups.forEach((group, g) =>
    group.codes.forEach((entry, i) => {
      if (seen.has(entry.code)) return; // a code's later rows share its first row's number
      seen.add(entry.code);
      if (entry.number === undefined) {
        derived.push({ code: entry.code, number: codeNumber(entry.code, undefined) });
        return;
      }
      const clash = explicit.get(entry.number);
      if (clash) {
        // Positions are looked up only for a clash: locating every entry is costly in a large catalog.
        diagnostics.push({
          severity: 'error',
          at: locate(g, i),
          related: [locate(clash.group, clash.index)],
          message: `codes "${clash.code}" and "${entry.code}" both have the number ${entry.number}`,
          hint: 'Give one of them another `number`; never change the number of a code already released.',
        });
      }
      explicit.set(entry.number, { code: entry.code, group: g, index: i });
      numbers.set(entry.code, entry.number);
    }),
  );
  const taken = new Set(explicit.keys());
  derived.sort((a, b) => a.number - b.number || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const { code, number } of derived) {
    let n = number;
    while (taken.has(n)) n = (n % maxNumber) + 1;
    taken.add(n);
    numbers.set(code, n);
  }
  return { numbers, diagnostics };
}
