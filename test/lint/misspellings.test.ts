// The precompiled misspellings table is current with the dictionary package,
// and lookups through it give exactly the dictionary's corrections.
// Run with UPDATE=1 to regenerate src/lint/helpers/misspellings-table.ts.

import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {misspellingPairs, TABLE_PATH, tableSource, writeTable} from '../../scripts/gen-misspellings.ts'
import {commonWords, commonWordsPattern} from '../../src/lint/helpers/common-words.ts'
import {isMisspeltAscii, misspelling} from '../../src/lint/helpers/misspellings.ts'

describe('misspellings table', () => {
  it('is current', () => {
    if (process.env['UPDATE']) writeTable()
    expect(readFileSync(TABLE_PATH, 'utf8') === tableSource(), 'stale: run UPDATE=1 npx vitest run test/lint/misspellings.test.ts').toBe(true)
  })

  it('gives the dictionary corrections of every entry', () => {
    const pairs = misspellingPairs()
    expect(pairs.length).toBeGreaterThan(80_000)
    for (const [wrong, rights] of pairs) {
      const expected = rights === '' ? [] : rights.split(',')
      expect(misspelling(wrong)).toEqual(expected)
    }
  })

  it('finds every entry in place, in any case, and nothing else', () => {
    for (const [wrong] of misspellingPairs()) {
      const text = ` ${wrong.toUpperCase()}.`
      expect(isMisspeltAscii(text, 1, 1 + wrong.length), wrong).toBe(true)
      // A prefix or an extension of an entry is only found when it is an entry too.
      expect(isMisspeltAscii(`${wrong}q`, 0, wrong.length + 1)).toBe(misspelling(`${wrong}q`) !== undefined)
    }
    expect(isMisspeltAscii('The Fuctionality here', 4, 16)).toBe(true)
    expect(isMisspeltAscii('The Functionality here', 4, 17)).toBe(false)
    expect(isMisspeltAscii("don't", 0, 5)).toBe(misspelling("don't") !== undefined)
  })

  it('holds plain lowercase words of two letters or more, which the typo rule relies on', () => {
    for (const [wrong] of misspellingPairs()) expect(wrong).toMatch(/^[a-z][a-z']*[a-z]$/)
  })

  it('holds none of the common words the typo rule skips', () => {
    for (const word of commonWords()) expect(misspelling(word), word).toBeUndefined()
    // The trie pattern matches no entry as a whole word either.
    const common = new RegExp(`^(?:${commonWordsPattern()})$`)
    for (const [wrong] of misspellingPairs()) expect(common.test(wrong), wrong).toBe(false)
  })

  it('knows a misspelling and ignores real words', () => {
    expect(misspelling('fuctionality')).toEqual(['functionality'])
    expect(misspelling('archieved')?.length).toBeGreaterThan(1)
    expect(misspelling('function')).toBeUndefined()
    expect(misspelling('')).toBeUndefined()
  })
})
