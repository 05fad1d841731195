/**
 * One-edit typo tolerance over the index's vocabulary (never over documents): every term of 4+
 * letters is stored under a hash of itself and of each of its one-letter deletions. A query word
 * and a term one edit apart (a letter missing, added, changed, or two swapped) always share one of
 * those hashes; candidates are then checked with the real distance, so hash collisions cost a
 * comparison, never a wrong result.
 */

/** Words shorter than this are matched exactly or as prefixes only (the issue: 5+ letters). */
export const TYPO_MIN_QUERY = 5;
/** Vocabulary terms that can be one edit from a 5-letter word. */
export const TYPO_MIN_TERM = TYPO_MIN_QUERY - 1;
/** Long tokens (hashes, ids) get no typo entries: nobody retypes them approximately. */
export const TYPO_MAX_TERM = 24;

/** FNV-1a over UTF-16 code units, skipping the unit at `skip` (-1: none). */
export function hashSkipping(word: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    if (i === skip) continue;
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hashes a word is filed (or looked up) under: itself and each one-letter deletion. */
export function editHashes(word: string): number[] {
  const hashes = [hashSkipping(word, -1)];
  for (let i = 0; i < word.length; i += 1) if (i === 0 || word[i] !== word[i - 1]) hashes.push(hashSkipping(word, i));
  return hashes;
}

export function typoEligible(term: string): boolean {
  return term.length >= TYPO_MIN_TERM && term.length <= TYPO_MAX_TERM && !/\d/.test(term);
}

/** True when `a` and `b` differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Sorted (hash, term) pairs for a vocabulary, as two parallel arrays. */
export function buildTypoTable(terms: readonly string[]): { hashes: Uint32Array; termIds: Uint32Array } {
  let count = 0;
  for (const term of terms) if (typoEligible(term)) count += term.length + 1;
  // Pack hash and term id into one float so one native typed-array sort orders both.
  const packed = new Float64Array(count);
  let n = 0;
  for (let t = 0; t < terms.length; t += 1) {
    const term = terms[t]!;
    if (!typoEligible(term) || t >= 2 ** 21) continue;
    for (const h of editHashes(term)) packed[n++] = h * 2 ** 21 + t;
  }
  const used = packed.subarray(0, n).sort();
  const hashes = new Uint32Array(n);
  const termIds = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    const v = used[i]!;
    const h = Math.floor(v / 2 ** 21);
    hashes[i] = h;
    termIds[i] = v - h * 2 ** 21;
  }
  return { hashes, termIds };
}

/** Term ids filed under `hash`. */
export function lookupHash(hashes: Uint32Array, termIds: Uint32Array, hash: number, into: Set<number>): void {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid]! < hash) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < hashes.length && hashes[i] === hash; i += 1) into.add(termIds[i]!);
}
