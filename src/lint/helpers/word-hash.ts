// The hash behind the misspellings filter (a Bloom filter of the table's words,
// built by scripts/gen-misspellings.ts and read by misspellings.ts): both sides
// must hash a word the same way, so it lives here, alone.

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
