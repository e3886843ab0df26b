// Positions of tables that do not start at column 0 of the file: tables in
// indented blocks, after tabs, and tables holding wide or astral characters,
// whose columns docutils counts differently from UTF-16 code units.

import {describe, expect, it} from 'vitest'
import {tryTable} from '../../../src/rst/block/table.ts'
import {dedent, sourceLines} from '../../../src/rst/lines.ts'
import type {Entry, Table} from '../../../src/rst/types.ts'
import {harness, slice, tableAt} from './harness.ts'

function entriesOf(table: Table): Entry[] {
  return table.children.flatMap((group) => group.children.flatMap((row) => row.children))
}

/** The table in a block indented by `width` columns (as a block quote's content). */
function nestedTable(text: string, width: number) {
  const h = harness(text)
  const lines = sourceLines(h.source).map((line) => (line.text === '' ? line : dedent(line, width)))
  const result = tryTable(lines, 0, h.ctx)
  return {...h, result}
}

describe('table positions', () => {
  it('maps an indented grid table back to the file', () => {
    const text = ['   +----+----+', '   | ab | cd |', '   +----+----+', ''].join('\n')
    const {result, source, cells} = nestedTable(text, 3)
    const table = result?.node as Table
    expect(table.position.start).toEqual({line: 1, column: 4, offset: 3})
    expect(slice(source, table.position)).toBe('+----+----+\n   | ab | cd |\n   +----+----+')
    expect(entriesOf(table).map((entry) => slice(source, entry.position))).toEqual([' ab ', ' cd '])
    expect(cells).toEqual([[{text: 'ab', line: 1, col: 5}], [{text: 'cd', line: 1, col: 10}]])
  })

  it('maps a tab-indented simple table to the characters after the tab', () => {
    const text = ['\t===  ===', '\tx    y', '\t===  ===', ''].join('\n')
    const {result, source, cells} = nestedTable(text, 8)
    const table = result?.node as Table
    expect(table.position.start).toEqual({line: 1, column: 2, offset: 1})
    expect(entriesOf(table).map((entry) => entry.position.start)).toEqual([
      {line: 2, column: 2, offset: 11},
      {line: 2, column: 7, offset: 16},
    ])
    expect(slice(source, entriesOf(table)[1]!.position)).toBe('y')
    expect(cells).toEqual([[{text: 'x', line: 1, col: 8}], [{text: 'y', line: 1, col: 13}]])
  })

  it('expands tabs inside a table row before finding columns', () => {
    // `|a\t|` expands to `|a      |`: eight columns, like the border.
    const text = ['+--------+', '|a\t |', '+--------+', ''].join('\n')
    const {result, source, problems} = tableAt(text)
    expect(problems).toEqual([])
    const entry = entriesOf(result?.node as Table)[0]!
    expect(slice(source, entry.position)).toBe('a\t ')
  })

  it('counts a wide character as two columns and keeps exact offsets after it', () => {
    const text = ['+------+----+', '| 日本 | x  |', '+------+----+', ''].join('\n')
    const {result, source, cells, problems} = tableAt(text)
    expect(problems).toEqual([])
    const entries = entriesOf(result?.node as Table)
    expect(entries.map((entry) => slice(source, entry.position))).toEqual([' 日本 ', ' x  '])
    expect(cells).toEqual([[{text: '日本', line: 1, col: 2}], [{text: 'x', line: 1, col: 7}]])
  })

  it('counts an astral character as one column (two UTF-16 units)', () => {
    const text = ['+-----+---+', '| 𝔸   | y |', '+-----+---+', ''].join('\n')
    const {result, source, cells, problems} = tableAt(text)
    expect(problems).toEqual([])
    const entries = entriesOf(result?.node as Table)
    expect(entries.map((entry) => slice(source, entry.position))).toEqual([' 𝔸   ', ' y '])
    expect(cells).toEqual([[{text: '𝔸', line: 1, col: 2}], [{text: 'y', line: 1, col: 9}]])
  })

  it('finds simple table columns after wide characters', () => {
    const text = ['====  ====', '東京  city', '====  ====', ''].join('\n')
    const {cells, problems} = tableAt(text)
    expect(problems).toEqual([])
    expect(cells).toEqual([[{text: '東京', line: 1, col: 0}], [{text: 'city', line: 1, col: 4}]])
  })

  it('gives combining characters no column, keeping them in the cell text', () => {
    // `e` + U+0301 looks like one character: `ok` sits under the second column.
    const text = ['====  ====', 'e\u0301t\u00e9   ok', '====  ====', ''].join('\n')
    const {cells, problems} = tableAt(text)
    expect(problems).toEqual([])
    expect(cells).toEqual([[{text: 'e\u0301t\u00e9', line: 1, col: 0}], [{text: 'ok', line: 1, col: 7}]])
  })
})
