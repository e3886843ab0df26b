// Grid tables: structure, spans, head/body, the cell lines handed to the
// nested parser and exact positions of every node.

import {describe, expect, it} from 'vitest'
import type {Entry, Paragraph, Row, Table} from '../../../src/rst/types.ts'
import {slice, tableAt} from './harness.ts'

function rowsOf(table: Table): Row[] {
  return table.children.flatMap((group) => group.children)
}

function entriesOf(table: Table): Entry[] {
  return rowsOf(table).flatMap((row) => row.children)
}

function textOf(entry: Entry): string[] {
  return entry.children.map((block) => {
    const child = (block as Paragraph).children[0]
    return child?.type === 'text' ? child.value : ''
  })
}

describe('grid tables', () => {
  const plain = ['+------+-------+', '| ab   | cd    |', '+------+-------+', '| ef   | gh    |', '+------+-------+', ''].join('\n')

  it('parses a plain table into a tbody of rows and entries', () => {
    const {result, source, problems} = tableAt(plain)
    expect(problems).toEqual([])
    expect(result?.end).toBe(5)
    const table = result?.node as Table
    expect(table.type).toBe('table')
    expect(table.form).toBe('grid')
    expect(table.colwidths).toEqual([6, 7])
    expect(table.children.map((group) => group.type)).toEqual(['tbody'])
    expect(slice(source, table.position)).toBe(plain.trimEnd())
    expect(rowsOf(table).map((row) => slice(source, row.position))).toEqual(['| ab   | cd    |', '| ef   | gh    |'])
    expect(entriesOf(table).map((entry) => slice(source, entry.position))).toEqual([' ab   ', ' cd    ', ' ef   ', ' gh    '])
    expect(entriesOf(table).map(textOf)).toEqual([['ab'], ['cd'], ['ef'], ['gh']])
  })

  it('hands the nested parser cell lines that point at the cell text', () => {
    const {cells} = tableAt(plain)
    expect(cells[0]).toEqual([{text: 'ab', line: 1, col: 2}])
    expect(cells[1]).toEqual([{text: 'cd', line: 1, col: 9}])
    expect(cells[3]).toEqual([{text: 'gh', line: 3, col: 9}])
  })

  it('positions the table itself from its top-left corner to its bottom-right corner', () => {
    const {result} = tableAt(plain)
    expect(result?.node?.position).toEqual({
      start: {line: 1, column: 1, offset: 0},
      end: {line: 5, column: 17, offset: 84},
    })
  })

  it('splits header rows into a thead at the = separator', () => {
    const text = ['+----+----+', '| h1 | h2 |', '+====+====+', '| a  | b  |', '+----+----+'].join('\n')
    const {result, source} = tableAt(text)
    const table = result?.node as Table
    expect(table.children.map((group) => group.type)).toEqual(['thead', 'tbody'])
    expect(slice(source, table.children[0]!.position)).toBe('| h1 | h2 |')
    expect(slice(source, table.children[1]!.position)).toBe('| a  | b  |')
  })

  it('records row and column spans', () => {
    const text = [
      '+-----+-----+-----+',
      '| a   | b         |',
      '+-----+-----+-----+',
      '| c   | d   | e   |',
      '|     +-----+-----+',
      '|     | f   | g   |',
      '+-----+-----+-----+',
    ].join('\n')
    const {result, source} = tableAt(text)
    const table = result?.node as Table
    expect(table.colwidths).toEqual([5, 5, 5])
    const rows = rowsOf(table)
    expect(rows.map((row) => row.children.map((entry) => [entry.morerows ?? 0, entry.morecols ?? 0]))).toEqual([
      [[0, 0], [0, 1]],
      [[1, 0], [0, 0], [0, 0]],
      [[0, 0], [0, 0]],
    ])
    const tall = rows[1]!.children[0]!
    expect(slice(source, tall.position)).toBe(' c   | d   | e   |\n|     +-----+-----+\n|     ')
    expect(tall.position.start).toEqual({line: 4, column: 2, offset: 61})
    expect(tall.position.end).toEqual({line: 6, column: 7, offset: 106})
    // The row holding a tall cell reaches as far as the cell.
    expect(rows[1]!.position.end.offset).toBeGreaterThanOrEqual(tall.position.end.offset!)
    expect(slice(source, rows[0]!.children[1]!.position)).toBe(' b         ')
  })

  it('parses multi-paragraph and list cells as one nested block with blank lines kept', () => {
    const text = [
      '+---+----------------+',
      '| 1 | First para.    |',
      '|   |                |',
      '|   | Second para.   |',
      '+---+----------------+',
      '| 2 | - item one     |',
      '|   | - item two     |',
      '+---+----------------+',
    ].join('\n')
    const {result, cells} = tableAt(text)
    const entries = entriesOf(result?.node as Table)
    expect(textOf(entries[1]!)).toEqual(['First para.', 'Second para.'])
    expect(cells[1]).toEqual([
      {text: 'First para.', line: 1, col: 6},
      {text: '', line: 2, col: 6},
      {text: 'Second para.', line: 3, col: 6},
    ])
    expect(cells[3]).toEqual([
      {text: '- item one', line: 5, col: 6},
      {text: '- item two', line: 6, col: 6},
    ])
  })

  it('removes the common indentation of a cell but keeps deeper indentation', () => {
    const text = ['+-----------+', '|   text    |', '|     more  |', '+-----------+'].join('\n')
    const {cells} = tableAt(text)
    expect(cells[0]).toEqual([
      {text: 'text', line: 1, col: 4},
      {text: '  more', line: 2, col: 4},
    ])
  })

  it('leaves empty cells without children and does not parse them', () => {
    const text = ['+---+---+', '| a |   |', '+---+---+'].join('\n')
    const {result, cells} = tableAt(text)
    const entries = entriesOf(result?.node as Table)
    expect(entries[1]!.children).toEqual([])
    expect(cells).toHaveLength(1)
  })

  it('makes a lone border a table without rows', () => {
    const {result} = tableAt('+-----+\n')
    const table = result?.node as Table
    expect(table.colwidths).toEqual([])
    expect(table.children).toHaveLength(1)
    expect(table.children[0]!.children).toEqual([])
  })

  it('is not a grid table border: too short, = border, indented, text', () => {
    for (const text of ['+--+', '+=====+', '  +-----+', '+-----+ x', '| a |']) {
      expect(tableAt(`${text}\n`).result).toBeNull()
    }
  })

  it('ends at a blank line and reports no blank line after a bottom border', () => {
    const text = ['+---+', '| a |', '+---+', 'After.', ''].join('\n')
    const {result, problems, source} = tableAt(text)
    expect(result?.end).toBe(3)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({level: 2, text: 'Blank line required after table.'})
    expect(slice(source, problems[0]!.position)).toBe('After.')
  })

  it('starts at any index of the block', () => {
    const text = ['Para.', '', '+---+', '| a |', '+---+', '', 'More.'].join('\n')
    const {result} = tableAt(text, 2)
    expect(result?.end).toBe(5)
    expect(result?.node?.position.start).toEqual({line: 3, column: 1, offset: 7})
  })
})
