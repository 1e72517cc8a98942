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
  const ordered = inNumberOrder(derived);
  const pinned = new Set(explicit.keys());
  const assigned = numbersBySweep(ordered, pinned) ?? numbersByProbing(ordered, pinned);
  for (let i = 0; i < ordered.length; i++) numbers.set((ordered[i] as { code: string }).code, assigned[i] as number);
  return { numbers, diagnostics };
}

/**
 * The rule: in (number, code) order, each code takes its number, or the next one not taken (after
 * 2^31 − 2 comes 1) by an explicit number or an earlier code. Exported so tests can hold the sweep to it.
 */
export function numbersByProbing(ordered: ReadonlyArray<{ number: number }>, pinned: ReadonlySet<number>): number[] {
  const taken = new Set(pinned);
  return ordered.map(({ number }) => {
    let n = number;
    while (taken.has(n)) n = (n % maxNumber) + 1;
    taken.add(n);
    return n;
  });
}

/**
 * The same numbers without a set of every number taken (at 100,000 codes its additions were most of
 * assignNumbers' time): as the codes come in number order, the numbers earlier codes took form runs
 * that end at the last one taken, so a code whose number is not past it takes the one after. Only an
 * explicit number is looked up. Undefined if a number would pass 2^31 − 2 and wrap around to 1.
 */
export function numbersBySweep(ordered: ReadonlyArray<{ number: number }>, pinned: ReadonlySet<number>): number[] | undefined {
  const result = new Array<number>(ordered.length);
  let last = 0;
  for (let i = 0; i < ordered.length; i++) {
    let n = Math.max((ordered[i] as { number: number }).number, last + 1);
    while (pinned.has(n)) n++;
    if (n > maxNumber) return undefined;
    result[i] = last = n;
  }
  return result;
}

/**
 * Derived numbers by (number, code string). As one key per code, number × 2^20 + index, in a typed
 * array that sorts natively (at 100,000 codes the comparator sort took ~0.2 s); codes that share a
 * number, a couple in a big catalog, are then put in code order.
 */
function inNumberOrder(derived: ReadonlyArray<{ code: string; number: number }>): ReadonlyArray<{ code: string; number: number }> {
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  if (derived.length >= indexSpan) return [...derived].sort((a, b) => a.number - b.number || byCode(a, b));
  const keys = new Float64Array(derived.length);
  for (let i = 0; i < derived.length; i++) keys[i] = (derived[i] as { number: number }).number * indexSpan + i;
  keys.sort();
  const ordered = Array.from(keys, (key) => derived[key % indexSpan] as { code: string; number: number });
  for (let start = 0; start < ordered.length; ) {
    let end = start + 1;
    while (end < ordered.length && ordered[end]!.number === ordered[start]!.number) end++;
    if (end - start > 1) ordered.splice(start, end - start, ...ordered.slice(start, end).sort(byCode));
    start = end;
  }
  return ordered;
}

/** Indices below this fit beside a number below 2^31 in a double's 53 bits. */
const indexSpan = 2 ** 20;
