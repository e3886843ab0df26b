// Which words `typo` finds, and where: the fast paths (ASCII prose, skipped
// common words, the search for reported words) must find exactly the words
// the Unicode word pattern does.

import {describe, expect, it} from 'vitest'
import rule from '../../rules/typo.ts'
import {runRule} from './lib/run-rule.ts'

const where = (text: string): string[] => runRule(rule, text).map((finding) => finding.where)

describe('typo words', () => {
  it('finds each occurrence, in any case, around common words', () => {
    expect(where('The fuctionality and the Fuctionality, then FUCTIONALITY.\n')).toEqual(['1:5-1:17 typo', '1:26-1:38 typo', '1:45-1:57 typo'])
    expect(where('Teh teh the.\n')).toEqual(['1:1-1:4 typo', '1:5-1:8 typo'])
  })

  it('keeps apostrophes inside words only', () => {
    expect(where("It dosen't work, 'dosen't' either.\n")).toEqual(['1:4-1:11 typo', '1:19-1:26 typo'])
    // The table knows the ASCII apostrophe only.
    expect(where('It dosen\u2019t work.\n')).toEqual([])
    expect(where("It dosen\u2019t work, it dosen't.\n")).toEqual(['1:21-1:28 typo'])
    expect(where('Caf\u00e9 fuctionalit\u00e9 fuctionalitq.\n')).toEqual([])
    // `fuctionality's` is one word, not in the table; a doubled apostrophe ends a word.
    expect(where("fuctionality's fuctionality''s\n")).toEqual(['1:16-1:28 typo'])
  })

  it('never reports part of a longer word', () => {
    expect(where('thefuctionality fuctionalityand\n')).toEqual([])
    expect(where('Caf\u00e9 fuctionality\u00e9 \u00e9fuctionality fuctionality.\n')).toEqual(['1:34-1:46 typo'])
    expect(where('an\u00efve fuctionality\n')).toEqual(['1:7-1:19 typo'])
  })

  it('finds the same words in prose with other characters', () => {
    // Glued to a letter of another script or to one by an apostrophe: part of a longer word.
    expect(where('Caf\u00e9 fuctionality\u2019s x\u2019fuctionality \u00e9\'fuctionality teh\u00e9 teh.\n')).toEqual(['1:56-1:59 typo'])
    // A letter outside the Basic Multilingual Plane is no letter for the rule.
    expect(where('\u{1D400}fuctionality \u00e9 teh the\n')).toEqual(['1:3-1:15 typo', '1:18-1:21 typo'])
  })

  it('finds words in table cells and skips parsed literals', () => {
    const table = '+--------------+----+\n| fuctionality | ok |\n+--------------+----+\n\n.. parsed-literal::\n\n   fuctionality\n'
    expect(where(table)).toEqual(['2:3-2:15 typo'])
  })

  it('reports a misspelling again in a later file', () => {
    expect(where('One fuctionality.\n')).toEqual(['1:5-1:17 typo'])
    expect(where('Two fuctionality.\n')).toEqual(['1:5-1:17 typo'])
  })
})
