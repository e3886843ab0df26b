// The QEMU corpus against docutils: every paragraph and title that can be cut out
// without the block parser must give the same inline records (type, text,
// line) as the oracle's. Skipped when ../shared is absent.

import {describe, expect, it} from 'vitest'
import {compareCorpus, corpusAvailable} from './corpus-compare.ts'

describe.skipIf(!corpusAvailable)('inline markup on the QEMU corpus (needs ../shared)', () => {
  it('agrees with docutils on every extractable paragraph and section title', () => {
    const result = compareCorpus()
    const {topLevel, nested, titles} = result
    const blocks = topLevel.blocks + nested.blocks + titles.blocks
    const agree = topLevel.agree + nested.agree + titles.agree
    console.log(
      `inline agreement: ${agree}/${blocks} text blocks (top-level paragraphs ${topLevel.agree}/${topLevel.blocks}, ` +
        `nested paragraphs ${nested.agree}/${nested.blocks}, titles ${titles.agree}/${titles.blocks}), ` +
        `${result.records} oracle inline records`,
    )
    expect(topLevel.blocks).toBeGreaterThan(5000)
    expect(titles.blocks).toBeGreaterThan(2000)
    expect(result.differences.slice(0, 5)).toEqual([])
    // The corpus has no inline warnings (docutils reports none).
    expect(result.problems).toEqual([])
  })
})
