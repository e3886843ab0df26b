// The common-words trie pattern matches exactly the listed words, whole.
// Run with UPDATE=1 to regenerate src/lint/helpers/common-words-pattern.ts.

import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {PATTERN_PATH, patternSource, writePattern} from '../../scripts/gen-common-words.ts'
import {commonWords, commonWordsPattern, trieOfCommonWords} from '../../src/lint/helpers/common-words.ts'

describe('common words pattern', () => {
  if (process.env['UPDATE']) writePattern()
  const words = commonWords()
  const whole = new RegExp(`^(?:${commonWordsPattern()})$`)

  it('is the trie of the list, generated ahead of time', () => {
    expect(readFileSync(PATTERN_PATH, 'utf8') === patternSource(), 'stale: run UPDATE=1 npx vitest run test/lint/common-words.test.ts').toBe(true)
    expect(commonWordsPattern()).toBe(trieOfCommonWords())
  })

  it('lists distinct lowercase words of two letters or more', () => {
    expect(words.length).toBeGreaterThan(500)
    expect(new Set(words).size).toBe(words.length)
    for (const word of words) expect(word).toMatch(/^[a-z][a-z']*[a-z]$/)
  })

  it('matches every listed word', () => {
    for (const word of words) expect(whole.test(word), word).toBe(true)
  })

  it('matches no prefix or extension of a word unless it is listed too', () => {
    const listed = new Set(words)
    for (const word of words) {
      for (const other of [word.slice(0, -1), `${word}s`, `${word}q`, `${word}'s`, `x${word}`]) {
        expect(whole.test(other), other).toBe(listed.has(other))
      }
    }
  })
})
