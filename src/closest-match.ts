/**
 * The candidate a misspelt name most likely meant (`typescrpt` → `typescript`), for a "did you
 * mean" in an error: the one nearest by edit distance (a swap of two neighbours counts as one edit),
 * if it is near enough (at most a third of the name's letters, at least one) and no other is as near;
 * else the one candidate the name abbreviates (`pkg` → `package`), or the one it extends (`warning` → `warn`).
 * `firstOnTie`: candidates come nearest first, and of two as near the first is meant.
 */
export function closestMatch(name: string, candidates: readonly string[], { firstOnTie = false } = {}): string | undefined {
  const { best, tie } = nearest(name, candidates);
  if (best === undefined) return abbreviated(name, candidates) ?? extended(name, candidates);
  return tie && !firstOnTie ? undefined : best;
}

/** The only candidate of three letters or more that the name starts with and goes on from (`warning` for `warn`). */
function extended(name: string, candidates: readonly string[]): string | undefined {
  const long = name.toLowerCase();
  const matches = candidates.filter((candidate) => candidate.length >= 3 && long.length > candidate.length && long.startsWith(candidate.toLowerCase()));
  return matches.length === 1 ? matches[0] : undefined;
}

function nearest(name: string, candidates: readonly string[]): { best: string | undefined; tie: boolean } {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return { best, tie };
}

/**
 * The only candidate that a name of three letters or more abbreviates: it starts with the name's
 * first letter and has all its letters in order (`pkg` in `package`, `desc` in `description`).
 */
function abbreviated(name: string, candidates: readonly string[]): string | undefined {
  if (name.length < 3) return undefined;
  const short = name.toLowerCase();
  const matches = candidates.filter((candidate) => candidate.length > name.length && hasInOrder(candidate.toLowerCase(), short));
  return matches.length === 1 ? matches[0] : undefined;
}

function hasInOrder(word: string, letters: string): boolean {
  if (word[0] !== letters[0]) return false;
  let at = 1;
  for (let i = 1; i < word.length && at < letters.length; i++) if (word[i] === letters[at]) at++;
  return at === letters.length;
}

/** ` (did you mean "x"?)` for a message, or nothing; `meant` when the caller knows better than spelling. */
export function didYouMean(name: string, candidates: readonly string[], meant = closestMatch(name, candidates)): string {
  return meant === undefined ? '' : ` (did you mean "${meant}"?)`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}
