// Simple tables: columns from the top border, header, continuation rows,
// column spans, last-column overflow and exact positions.

import {describe, expect, it} from 'vitest'
import type {Entry, Row, Table} from '../../../src/rst/types.ts'
import {slice, tableAt} from './harness.ts'

function rowsOf(table: Table): Row[] {
  return table.children.flatMap((group) => group.children)
}

function entriesOf(table: Table): Entry[] {
  return rowsOf(table).flatMap((row) => row.children)
}

describe('simple tables', () => {
  const withHeader = ['=====  ======', 'Key    Value', '=====  ======', 'one    first', 'two    second', '=====  ======', ''].join('\n')

  it('parses a header row and body rows', () => {
    const {result, source, problems} = tableAt(withHeader)
    expect(problems).toEqual([])
    expect(result?.end).toBe(6)
    const table = result?.node as Table
    expect(table.form).toBe('simple')
    expect(table.colwidths).toEqual([5, 6])
    expect(table.children.map((group) => group.type)).toEqual(['thead', 'tbody'])
    expect(slice(source, table.position)).toBe(withHeader.trimEnd())
    expect(rowsOf(table).map((row) => slice(source, row.position))).toEqual(['Key    Value', 'one    first', 'two    second'])
    expect(entriesOf(table).map((entry) => slice(source, entry.position))).toEqual([
      'Key  ',
      'Value',
      'one  ',
      'first',
      'two  ',
      'second',
    ])
    expect(entriesOf(table).map((entry) => entry.position.start.line)).toEqual([2, 2, 4, 4, 5, 5])
  })

  it('hands cell lines at the column start', () => {
    const {cells} = tableAt(withHeader)
    expect(cells[1]).toEqual([{text: 'Value', line: 1, col: 7}])
    expect(cells[5]).toEqual([{text: 'second', line: 4, col: 7}])
  })

  it('continues a row on lines whose first column is blank, blank lines included', () => {
    const text = ['====  ==========', 'a     line one', '      line two', '', '      new para', 'b     other', '====  ==========', ''].join('\n')
    const {result, cells, source} = tableAt(text)
    const rows = rowsOf(result?.node as Table)
    expect(rows).toHaveLength(2)
    expect(cells[1]).toEqual([
      {text: 'line one', line: 1, col: 6},
      {text: 'line two', line: 2, col: 6},
      {text: '', line: 3, col: 6},
      {text: 'new para', line: 4, col: 6},
    ])
    // The row ends on its last line with text, not on a trailing blank line.
    expect(slice(source, rows[0]!.position)).toBe('a     line one\n      line two\n\n      new para')
    expect(slice(source, rows[0]!.children[0]!.position)).toBe('a   ')
    expect(slice(source, rows[0]!.children[1]!.position)).toBe('line one\n      line two\n\n      new para')
  })

  it('spans columns with a - underline under a row', () => {
    const text = ['===  ===  ===', 'a    b    c', '--------  ---', 'd    e    f', '===  ===  ===', ''].join('\n')
    const {result, source} = tableAt(text)
    const rows = rowsOf(result?.node as Table)
    expect(rows[0]!.children.map((entry) => entry.morecols ?? 0)).toEqual([1, 0])
    expect(slice(source, rows[0]!.children[0]!.position)).toBe('a    b  ')
    expect(rows[1]!.children).toHaveLength(3)
  })

  it('lets text run past the last column and widens its colwidth', () => {
    const text = ['===  ===', 'a    b', 'c    longer text', '===  ===', ''].join('\n')
    const {result, cells, problems} = tableAt(text)
    expect(problems).toEqual([])
    const table = result?.node as Table
    expect(table.colwidths).toEqual([3, 11])
    expect(cells[3]).toEqual([{text: 'longer text', line: 2, col: 5}])
  })

  it('drops a line whose first column is blank right after a border, as docutils does', () => {
    const text = ['===  ===', '     lost', 'a    b', '===  ===', ''].join('\n')
    const {result, cells} = tableAt(text)
    expect(rowsOf(result?.node as Table)).toHaveLength(1)
    expect(cells.flat().map((line) => line.text)).toEqual(['a', 'b'])
  })

  it('makes an empty row of an underline right before the bottom border', () => {
    const text = ['===  ===', 'a    b', '---  ---', '===  ===', ''].join('\n')
    const {result, source} = tableAt(text)
    const rows = rowsOf(result?.node as Table)
    expect(rows).toHaveLength(2)
    expect(rows[1]!.position.start.line).toBe(4)
    expect(slice(source, rows[1]!.position)).toBe('')
    expect(rows[1]!.children.map((entry) => entry.children.length)).toEqual([0, 0])
  })

  it('ends at the first border followed by a blank line', () => {
    const text = ['===  ===', 'a    b', '===  ===', '', 'c    d', '===  ===', ''].join('\n')
    const {result} = tableAt(text)
    expect(result?.end).toBe(3)
    expect((result?.node as Table).children.map((group) => group.type)).toEqual(['tbody'])
  })

  it('warns when the bottom border is not followed by a blank line', () => {
    const text = ['==  ==', 'a   b', '==  ==', 'c   d', '==  ==', 'next', ''].join('\n')
    const {result, problems, source} = tableAt(text)
    expect(result?.end).toBe(5)
    expect(problems.map((problem) => [problem.level, problem.text, slice(source, problem.position)])).toEqual([
      [2, 'Blank line required after table.', 'next'],
    ])
  })

  it('is not a simple table top: one column, indented, other characters', () => {
    for (const text of ['=====', '  ===  ===', '===  ---', '=== x ===']) {
      expect(tableAt(`${text}\n`).result).toBeNull()
    }
  })
})
