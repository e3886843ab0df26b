// The tree → oracle-record mapping and the comparison, on hand-built trees
// (independent of the parser): docutils node names, depths and lines for
// directives docutils knows, generic records for Sphinx ones, and the diff.

import {describe, expect, it} from 'vitest'
import type {Inline, Root, RstNode} from '../../src/rst/types.ts'
import {at, directive, doc, footnote, para, ref, section, text} from '../rst/transform/build.ts'
import {compareFile, ownMessages, ownRecords} from './compare.ts'
import {type OracleRecord, toRecords} from './records.ts'

const brief = (records: OracleRecord[]): string[] =>
  records.map((r) => `${'  '.repeat(r.d)}${r.t} ${r.l ?? '-'}${r.x === undefined ? '' : ` ${JSON.stringify(r.x)}`}${r.i ? ' i' : ''}`)

function interpreted(line: number, value: string, role: string | null): Inline {
  return {type: 'interpreted_text', role, value, position: at(line), valuePosition: at(line)} as unknown as Inline
}

function literal(line: number, value: string): Inline {
  return {type: 'literal', value, position: at(line)} as unknown as Inline
}

function bullets(line: number, ...items: RstNode[][]): RstNode {
  return {
    type: 'bullet_list',
    bullet: '*',
    position: at(line),
    children: items.map((children, index) => ({type: 'list_item', position: at(line + index), children})),
  } as unknown as RstNode
}

describe('toRecords', () => {
  it('maps sections, text elements and inline nodes', () => {
    const root = doc(
      section(
        2,
        'Title',
        para(
          5,
          text(5, 'Use '),
          literal(5, 'x'),
          interpreted(5, 'ref', null),
          interpreted(6, 'int', 'code'),
          interpreted(6, 'f', 'kbd'),
          ref(7, 'site', {refuri: 'https://example.org', embedded: true}),
        ),
      ),
    )
    expect(brief(toRecords(root))).toEqual([
      'document -',
      '  section 2',
      '    title 2 "Title"',
      '    paragraph 5 "Use xrefintfsite"',
      '      literal 5 "x" i',
      '      interpreted 5 "ref" i',
      '      literal 6 "int" i',
      '      interpreted 6 "f" i',
      '      reference 7 "site" i',
      '      target 7 "site" i',
    ])
    const roles = toRecords(root).filter((r) => r.t === 'interpreted').map((r) => r.a?.role)
    expect(roles).toEqual(['any', 'kbd'])
  })

  it('expands directives docutils knows and keeps Sphinx ones generic', () => {
    const admonition = directive(1, 'admonition', [], para(3, text(3, 'Body')))
    ;(admonition as {argument: string}).argument = 'Heads up'
    const toctree = directive(5, 'toctree', [['maxdepth', '2']])
    Object.assign(toctree, {body: 'raw', content: 'intro\nusage', contentPosition: at(8)})
    const root = doc(
      admonition,
      directive(10, 'Note', [], para(11, text(11, 'Careful'))),
      toctree,
      directive(12, 'include'),
      footnote(14, '1', para(14, text(14, 'Manual'))),
      footnote(15, '#', para(15, text(15, 'Auto'))),
    )
    const records = toRecords(root)
    expect(brief(records)).toEqual([
      'document -',
      '  admonition 1',
      '    title 1 "Heads up"',
      '    paragraph 3 "Body"',
      '  note 10',
      '    paragraph 11 "Careful"',
      '  directive 5 "toctree"',
      '  footnote 14',
      '    label 14 "1"',
      '    paragraph 14 "Manual"',
      '  footnote 15',
      '    paragraph 15 "Auto"',
    ])
    expect(records[6]?.a).toEqual({name: 'toctree', arguments: '', options: {maxdepth: '2'}, body: 'raw', content: 'intro\nusage', content_l: 8})
  })

  it('builds a list-table from its two-level bullet list', () => {
    const table = directive(
      1,
      'list-table',
      [['header-rows', '1']],
      bullets(4, [bullets(4, [para(4, text(4, 'A'))], [para(5, text(5, 'B'))])], [bullets(6, [para(6, text(6, 'a'))], [])]),
    )
    expect(brief(toRecords(doc(table)))).toEqual([
      'document -',
      '  table 1',
      '    tgroup 1',
      '      colspec -',
      '      colspec -',
      '      thead 4',
      '        row 4',
      '          entry 4',
      '            paragraph 4 "A"',
      '          entry 5',
      '            paragraph 5 "B"',
      '      tbody 6',
      '        row 6',
      '          entry 6',
      '            paragraph 6 "a"',
      // An empty cell takes its row's line.
      '          entry 6',
    ])
  })
})

describe('comparison with an oracle record file', () => {
  const oracleNodes: OracleRecord[] = [
    {t: 'document', d: 0, l: null},
    {t: 'section', d: 1, l: 2, a: {names: ['title'], level: 1}},
    {t: 'title', d: 2, l: 2, x: 'Title'},
    {t: 'paragraph', d: 2, l: 5, x: 'Use x'},
    {t: 'literal', d: 3, l: 5, x: 'x', i: 1},
    {t: 'paragraph', d: 2, l: 1, x: 'included', s: 'other.rst.inc'},
    {t: 'emphasis', d: 3, l: 1, x: 'in', i: 1},
  ]
  const ours = (): Root => doc(section(2, 'Title', para(5, text(5, 'Use '), literal(5, 'x'))))

  it('drops records from included files with their descendants', () => {
    expect(ownRecords(oracleNodes).map((r) => r.t)).toEqual(['section', 'title', 'paragraph', 'literal'])
  })

  it('keeps only messages about this file, by the node line', () => {
    const messages = [
      {level: 1, type: 'INFO', line: 4, l: 3, text: 'a', phase: 'parse'},
      {level: 3, type: 'ERROR', line: 15, s: '<rst_epilog>', text: 'b', phase: 'parse'},
      {level: 1, type: 'INFO', line: 27, s: 'x.inc', l: 1, ls: 'x.inc', text: 'c', phase: 'transform'},
      {level: 3, type: 'ERROR', line: 9, text: 'd', phase: 'transform'},
    ]
    expect(ownMessages(messages)).toEqual([
      {level: 1, line: 3, text: 'a'},
      {level: 3, line: 9, text: 'd'},
    ])
  })

  it('agrees on an identical tree and reports what differs', () => {
    const messages = [{level: 1, type: 'INFO', line: 3, l: 2, text: 'Duplicate implicit target name: "title".', phase: 'parse'}]
    const problem = {level: 1 as const, text: 'Duplicate implicit target name: "title".', position: at(2), phase: 'parse' as const}
    const same = compareFile({file: 'x.rst', nodes: oracleNodes, messages}, toRecords(ours()), [problem])
    expect(same.agree).toBe(true)
    expect(same.diffs).toEqual([])

    const changed = doc(section(2, 'Title', para(6, text(6, 'Use '), literal(6, 'y'))))
    const result = compareFile({file: 'x.rst', nodes: oracleNodes, messages}, toRecords(changed), [])
    expect(result.agree).toBe(false)
    expect(result.blocks).toEqual({matched: 2, oracle: 3, ours: 3})
    expect(result.diffs).toEqual([
      'block - paragraph d2 L5 "Use x"',
      'block + paragraph d2 L6 "Use y"',
      'msg - INFO L2 Duplicate implicit target name: "title".',
    ])
  })
})
