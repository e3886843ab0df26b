// How the misspellings table is keyed: the hash behind its Bloom filter and
// the two-letter prefix key of its index. scripts/gen-misspellings.ts builds
// the table with them and misspellings.ts reads it with them; both sides must
// compute them the same way, so they live here, alone.

/** Bits in the filter: 2^21, for about 89,000 words, three bits each (about 0.2% false positives). */
export const FILTER_BITS = 1 << 21

/** 32-bit FNV-1a of a word's UTF-16 units. */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** Filter bit `which` (0, 1 or 2) of a word of hash `hash`: the hash's bits remixed three ways. */
export function filterBit(hash: number, which: number): number {
  const mixed = which === 0 ? hash : Math.imul(hash ^ (hash >>> (13 + which * 3)), which === 1 ? 0x2c1b3c6d : 0x297a2d39)
  return (mixed >>> 0) & (FILTER_BITS - 1)
}

/** Number of two-letter prefix keys: 26 first letters * (apostrophe + 26 letters). */
export const PREFIX_KEYS = 26 * 27

/** The two-letter prefix key of a lowercase word, or -1 when it has none (too short, not `[a-z][a-z']`). */
export function prefixKey(word: string): number {
  const first = word.charCodeAt(0) - 97
  const second = word.charCodeAt(1)
  if (!(first >= 0 && first < 26)) return -1
  if (second === 39) return first * 27
  if (second >= 97 && second <= 122) return first * 27 + second - 96
  return -1
}
