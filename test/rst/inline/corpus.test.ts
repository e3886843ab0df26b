// The QEMU corpus against docutils: every paragraph that can be cut out
// without the block parser must give the same inline records (type, text,
// line) as the oracle's. Skipped when ../shared is absent.

import {describe, expect, it} from 'vitest'
import {compareCorpus, corpusAvailable} from './corpus-compare.ts'

describe.skipIf(!corpusAvailable)('inline markup on the QEMU corpus (needs ../shared)', () => {
  it('agrees with docutils on every extractable paragraph', () => {
    const result = compareCorpus()
    const blocks = result.topLevel.blocks + result.nested.blocks
    const agree = result.topLevel.agree + result.nested.agree
    console.log(
      `inline agreement: ${agree}/${blocks} paragraphs (top-level ${result.topLevel.agree}/${result.topLevel.blocks}, ` +
        `nested ${result.nested.agree}/${result.nested.blocks}), ${result.records} oracle inline records`,
    )
    expect(result.topLevel.blocks).toBeGreaterThan(5000)
    expect(result.differences.slice(0, 5)).toEqual([])
    // The corpus has no inline warnings (docutils reports none).
    expect(result.problems).toEqual([])
  })
})
