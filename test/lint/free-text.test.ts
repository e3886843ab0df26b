// freeMatches over table cells: a cell's free text holds only that cell's
// text, so glued markup inside a table is found at its exact place, and each
// FreeText knows its own table cell (found from the walk's shared ancestors).

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

  it('keeps each container\'s table cell after the walk', () => {
    const cells = freeTexts(tree, source).filter((free) => free.entry !== undefined)
    expect(cells.map((free) => free.entry!.type)).toEqual(['entry', 'entry', 'entry', 'entry', 'entry', 'entry'])
    expect(cells.map((free) => free.text.replaceAll('\0', '.'))).toEqual(['Key', 'Value', '``k``s', 'plain cell', '.....', '``w``x'])
    expect(freeTexts(tree, source)[0]!.entry).toBeUndefined()
  })

  it('finds glued end-strings in cells at their source offsets', () => {
    const found = [...freeMatches(tree, source, /(?<=[^\s`])``([a-z]+)/g, ['``'])].map(({match, start}) => [start, match[0]])
    expect(found).toEqual([
      [text.indexOf('``s   plain'), '``s'],
      [text.indexOf('``x'), '``x'],
    ])
  })
})

// Needle occurrences wholly inside literals and roles are skipped before any
// free text is built; one in plain text is still found.
describe('needles inside blanked markup', () => {
  const text = ['Only ``quoted`` and :ref:`marked` here.', '', 'A ``lit`` then a stray `tick.'].join('\n')
  const tree = fromRst(text)
  const source = new Source(text)

  it('finds a free backquote after a literal in the same paragraph', () => {
    const found = freeMatches(tree, source, /`/g, ['`']).map(({start}) => start)
    expect(found).toEqual([text.indexOf('`tick')])
  })
})

// A raw-source prefilter picks the containers worth a free text: a match of
// it inside a literal or role, or in no container, selects nothing, and
// containers without one are skipped even when the pattern would match there.
describe('raw-source prefilter', () => {
  const text = ['Plain :abc:def words.', '', 'Quoted ``:abc:def`` only.', '', 'Later :xyz:uvw and more.', '', 'Last :abc:def.'].join('\n')
  const tree = fromRst(text)
  const source = new Source(text)
  const pattern = /:[a-z]+:[a-z]+/g

  it('finds the matches of every container the prefilter selects', () => {
    const found = freeMatches(tree, source, pattern, undefined, /:[a-z]+:[a-z]/g).map(({start}) => start)
    expect(found).toEqual([text.indexOf(':abc:def words'), text.indexOf(':xyz'), text.lastIndexOf(':abc:def')])
  })

  it('skips containers where the prefilter does not match', () => {
    const found = freeMatches(tree, source, pattern, undefined, /:x/g).map(({start}) => start)
    expect(found).toEqual([text.indexOf(':xyz')])
  })

  it('combines with needles', () => {
    const found = freeMatches(tree, source, pattern, ['abc'], /:[a-z]+:[a-z]/g).map(({start}) => start)
    expect(found).toEqual([text.indexOf(':abc:def words'), text.lastIndexOf(':abc:def')])
  })
})

// References in backquotes are blanked like roles; one without them is kept.
// A pattern given as a function is made only when some container needs it.
describe('references and lazy patterns', () => {
  const text = ['See `the site <https://example.org>`_ and name_ here.', '', 'Then `a stray one.'].join('\n')
  const tree = fromRst(text)
  const source = new Source(text)

  it('finds backquotes only outside references', () => {
    const found = freeMatches(tree, source, /`/g, ['`']).map(({start}) => start)
    expect(found).toEqual([text.indexOf('`a stray')])
    expect(freeMatches(tree, source, /name_/g, ['name_']).map(({start}) => start)).toEqual([text.indexOf('name_')])
  })

  it('makes a pattern given as a function only when a container is searched', () => {
    let made = 0
    const pattern = (): RegExp => {
      made++
      return /`a/g
    }
    expect(freeMatches(tree, source, pattern, ['`'], /`x/g)).toEqual([])
    expect(made).toBe(0)
    expect(freeMatches(tree, source, pattern, ['`'], /`a/g).map(({start}) => start)).toEqual([text.indexOf('`a stray')])
    expect(made).toBe(1)
  })
})
