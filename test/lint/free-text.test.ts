// freeMatches over table cells: a cell's free text holds only that cell's
// text, so glued markup inside a table is found at its exact place, and each
// FreeText keeps its own ancestors (not the walk's shared, emptied array).

import {describe, expect, it} from 'vitest'
import {freeMatches, freeTexts} from '../../src/lint/helpers/free-text.ts'
import {fromRst} from '../../src/rst/index.ts'
import {Source} from '../../src/rst/source.ts'

const text = [
  'Words before.',
  '',
  '=======  ==========',
  'Key      Value',
  '=======  ==========',
  '``k``s   plain cell',
  '``v``    ``w``x',
  '=======  ==========',
  '',
].join('\n')

describe('free text in tables', () => {
  const tree = fromRst(text)
  const source = new Source(text)

  it('keeps each container\'s ancestors after the walk', () => {
    const cells = freeTexts(tree, source).filter((free) => free.ancestors.some((node) => node.type === 'table'))
    expect(cells.length).toBeGreaterThan(0)
    expect(freeTexts(tree, source)[0]!.ancestors.map((node) => node.type)).toEqual(['document'])
  })

  it('finds glued end-strings in cells at their source offsets', () => {
    const found = [...freeMatches(tree, source, /(?<=[^\s`])``([a-z]+)/g, ['``'])].map(({match, start}) => [start, match[0]])
    expect(found).toEqual([
      [text.indexOf('``s   plain'), '``s'],
      [text.indexOf('``x'), '``x'],
    ])
  })
})
