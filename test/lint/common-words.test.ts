// The common-words trie pattern matches exactly the listed words, whole.

import {describe, expect, it} from 'vitest'
import {commonWords, commonWordsPattern} from '../../src/lint/helpers/common-words.ts'

describe('common words pattern', () => {
  const words = commonWords()
  const whole = new RegExp(`^(?:${commonWordsPattern()})$`)

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
