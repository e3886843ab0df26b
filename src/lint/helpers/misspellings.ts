// The known-misspellings table of @cspell/dict-en-common-misspellings,
// precompiled by scripts/gen-misspellings.ts into misspellings-table.ts: a
// sorted word list with an index of where each two-letter prefix starts.
// Loading costs nothing (no split, no 89,000-entry hash table, which would
// cost a cold process tens of milliseconds); a lookup hashes the word for a
// Bloom filter and, for the few words it lets through, searches the slice of
// the list holding the word's two-letter prefix.

import {FILTER, PREFIXES, RIGHTS, WORDS} from './misspellings-table.ts'
import {filterBit, prefixKey, wordHash} from './table-keys.ts'

/** The Bloom filter of the words, decoded natively on first use. */
let filter: Uint8Array | undefined

/** False when `lower` is certainly no misspelling; true when it may be one (about 0.2% of other words). */
function mayBeMisspelt(lower: string): boolean {
  filter ??= Buffer.from(FILTER, 'base64')
  const hash = wordHash(lower)
  for (let which = 0; which < 3; which++) {
    const bit = filterBit(hash, which)
    if (((filter[bit >>> 3]! >> (bit & 7)) & 1) === 0) return false
  }
  return true
}

/**
 * The words of each prefix key, each word between newlines (so a search for
 * `\nword\n` finds whole words only), sliced on first use: a slice shares the
 * table's memory.
 */
const buckets: (string | undefined)[] = []
/** The prefix key of the word `find` found last. */
let foundKey = 0

/** Offset of `\n${lower}\n` in the words of its prefix key, or -1; sets `foundKey`. */
function find(lower: string): number {
  if (!mayBeMisspelt(lower)) return -1
  const key = prefixKey(lower)
  if (key < 0 || lower.includes('\n')) return -1
  let bucket = buckets[key]
  if (bucket === undefined) {
    // From the newline before its first word to the newline after its last; the table has neither at its ends.
    const from = PREFIXES[2 * key]!
    const to = PREFIXES[2 * key + 2]!
    bucket = from > 0 && to <= WORDS.length ? WORDS.slice(from - 1, to) : `\n${WORDS.slice(from, to - 1)}\n`
    buckets[key] = bucket
  }
  foundKey = key
  return bucket.indexOf(`\n${lower}\n`)
}

/** Whether a lowercase word is a known misspelling. */
export function isMisspelt(lower: string): boolean {
  return find(lower) >= 0
}

/** Suggestions for a lowercase word, or undefined when it is not a known misspelling. */
export function misspelling(lower: string): string[] | undefined {
  const at = find(lower)
  if (at < 0) return undefined
  const bucket = buckets[foundKey]!
  // Its line in the prefix's words is its line in the prefix's corrections.
  let lines = 0
  for (let newline = bucket.indexOf('\n', 1); newline >= 0 && newline <= at; newline = bucket.indexOf('\n', newline + 1)) lines++
  let from = PREFIXES[2 * foundKey + 1]!
  for (; lines > 0; lines--) from = RIGHTS.indexOf('\n', from) + 1
  const to = RIGHTS.indexOf('\n', from)
  const line = RIGHTS.slice(from, to < 0 ? RIGHTS.length : to)
  return line === '' ? [] : line.split(',')
}

/** Whether `text[start..end)`, ASCII letters and apostrophes only, lowercased is a known misspelling. */
export function isMisspeltAscii(text: string, start: number, end: number): boolean {
  return isMisspelt(text.slice(start, end).toLowerCase())
}

/** `right` in the case pattern of `word`: `Fuctionality` -> `Functionality`. */
export function matchCase(word: string, right: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return right.toUpperCase()
  if (word[0] === word[0]?.toUpperCase()) return (right[0]?.toUpperCase() ?? '') + right.slice(1)
  return right
}
