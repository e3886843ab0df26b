// The known-misspellings table of @cspell/dict-en-common-misspellings,
// precompiled by scripts/gen-misspellings.ts into misspellings-table.ts: a
// sorted word list searched by binary search. Loading costs one native string
// split (no 2.6 MB JSON parse, no 89,000-entry hash table), and the ASCII
// lookup compares against the text in place, so prose words are neither
// sliced nor lowercased unless they are misspellings.

import {RIGHTS, WORDS} from './misspellings-table.ts'

let words: string[] | undefined
let rights: string[] | undefined
/** `firsts[c - 97]`..`firsts[c - 96]`: the slice of `words` starting with letter `c`. */
let firsts: Int32Array | undefined

function load(): string[] {
  const list = WORDS.split('\n')
  const starts = new Int32Array(27)
  let letter = 0
  for (let index = 0; index < list.length; index++) {
    const first = list[index]!.charCodeAt(0) - 97
    while (letter <= first) starts[letter++] = index
  }
  while (letter <= 26) starts[letter++] = list.length
  firsts = starts
  words = list
  return list
}

/** Index of `lower` in the sorted words, or -1. */
function indexOf(lower: string): number {
  const list = words ?? load()
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const word = list[middle]!
    if (word < lower) low = middle + 1
    else if (word > lower) high = middle
    else return middle
  }
  return -1
}

function rightsAt(index: number): string[] {
  rights ??= RIGHTS.split('\n')
  const line = rights[index] ?? ''
  return line === '' ? [] : line.split(',')
}

/** Suggestions for a lowercase word, or undefined when it is not a known misspelling. */
export function misspelling(lower: string): string[] | undefined {
  const index = indexOf(lower)
  return index < 0 ? undefined : rightsAt(index)
}

/**
 * Whether `text[start..end)`, ASCII letters and apostrophes only, lowercased
 * is a known misspelling; compares in place, without building the word.
 */
export function isMisspeltAscii(text: string, start: number, end: number): boolean {
  const list = words ?? load()
  const first = text.charCodeAt(start) | 32
  if (first < 97 || first > 122) return false
  let low = firsts![first - 97]!
  let high = firsts![first - 96]!
  while (low < high) {
    const middle = (low + high) >>> 1
    const order = compareLower(text, start, end, list[middle]!)
    if (order > 0) low = middle + 1
    else if (order < 0) high = middle
    else return true
  }
  return false
}

/** Code-unit order of the lowercased text range against a lowercase word. */
function compareLower(text: string, start: number, end: number, word: string): number {
  const length = end - start
  const common = length < word.length ? length : word.length
  for (let index = 0; index < common; index++) {
    let code = text.charCodeAt(start + index)
    if (code >= 65 && code <= 90) code |= 32
    const other = word.charCodeAt(index)
    if (code !== other) return code - other
  }
  return length - word.length
}

/** `right` in the case pattern of `word`: `Fuctionality` -> `Functionality`. */
export function matchCase(word: string, right: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return right.toUpperCase()
  if (word[0] === word[0]?.toUpperCase()) return (right[0]?.toUpperCase() ?? '') + right.slice(1)
  return right
}
