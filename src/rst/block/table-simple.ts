// Simple tables (`=====  =====` borders), after docutils: `isolate_simple_table`
// in states.py finds the bottom border (the second `=` border after the top,
// or the first one followed by a blank line), and `SimpleTableParser` in
// tableparser.py takes the columns from the top border, starts a row at each
// line with text in the first column (a blank first column continues the
// row), and lets `-` underlines span columns.

import type {Line} from '../lines.ts'
import type {Isolated, TableCell, TableError, TableLayout, TableRow} from './table-layout.ts'
import {cellBlock, isBlankText, strippedLength, toTableLine, withoutCombining, type TableLine} from './table-text.ts'

/** `=+( +=+)+ *$`: a simple table's top border (two columns at least). */
export function isSimpleTableTop(text: string): boolean {
  if (!isRule(text, 61 /* = */)) return false
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--
  for (let index = 1; index < end; index++) if (text.charCodeAt(index) === 32) return true
  return false
}

/** `=+[ =]*$` (a border) or `-[ -]*$` (a column span underline). */
function isRule(text: string, rule: number): boolean {
  if (text.charCodeAt(0) !== rule) return false
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code !== rule && code !== 32) return false
  }
  return true
}

/** Cut the simple table starting at `lines[start]` out of its block (docutils' `isolate_simple_table`). */
export function isolateSimpleTable(lines: Line[], start: number): Isolated {
  const limit = lines.length - 1
  const topLength = strippedLength((lines[start] as Line).text)
  const isBlankAt = (index: number): boolean => isBlankText((lines[index] as Line).text)
  let found = 0
  let foundAt = -1
  for (let index = start + 1; index <= limit; index++) {
    const text = (lines[index] as Line).text
    if (!isRule(text, 61)) continue
    if (strippedLength(text) !== topLength) {
      return {
        lines: null,
        end: index + 1,
        blankFinish: index === limit || isBlankAt(index + 1),
        problems: [{level: 3, text: 'Malformed table.', index: start, block: {first: start, last: index}}],
      }
    }
    found++
    foundAt = index
    if (found === 2 || index === limit || isBlankAt(index + 1)) {
      const block: TableLine[] = []
      for (let line = start; line <= index; line++) block.push(toTableLine(lines[line] as Line))
      return {lines: block, end: index + 1, blankFinish: index === limit || isBlankAt(index + 1), problems: []}
    }
  }
  // No bottom border: docutils consumes up to the last border seen, or everything.
  const last = found ? foundAt : limit
  return {
    lines: null,
    end: last + 1,
    blankFinish: !found,
    problems: [{level: 3, text: 'Malformed table.', index: start, block: {first: start, last}}],
  }
}

type Span = [start: number, end: number]

class SimpleTableError extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(detail)
  }
}

/** Parse an isolated simple table into rows and cells, or docutils' error. */
export function parseSimpleTable(lines: TableLine[]): TableLayout | TableError {
  try {
    return parse(lines)
  } catch (error) {
    if (error instanceof SimpleTableError) return {detail: error.detail, offset: error.offset}
    throw error
  }
}

function parse(lines: TableLine[]): TableLayout {
  const block = lines.map((tl) => tl.text)
  const lastIndex = block.length - 1
  // Top and bottom borders act as column span underlines.
  block[0] = (block[0] as string).replaceAll('=', '-')
  block[lastIndex] = (block[lastIndex] as string).replaceAll('=', '-')
  let headBodySep: number | null = null
  for (let index = 0; index < block.length; index++) {
    const text = block[index] as string
    if (!isRule(text, 61)) continue
    if (headBodySep) {
      throw new SimpleTableError(
        `Multiple head/body row separators (table lines ${headBodySep + 1} and ${index + 1}); only one allowed.`,
        index,
      )
    }
    headBodySep = index
    block[index] = text.replaceAll('=', '-')
  }

  let columns: Span[] = []
  const parseColumns = (line: string, offset: number): Span[] => {
    const cols: Span[] = []
    let end = 0
    for (;;) {
      const begin = line.indexOf('-', end)
      if (begin < 0) break
      end = line.indexOf(' ', begin)
      if (end < 0) end = line.length
      cols.push([begin, end])
    }
    if (columns.length > 0) {
      const lastCol = cols[cols.length - 1]
      if (lastCol === undefined || lastCol[1] !== borderEnd) {
        throw new SimpleTableError(`Column span incomplete in table line ${offset + 1}.`, offset)
      }
      // An unbounded rightmost column.
      cols[cols.length - 1] = [lastCol[0], (columns[columns.length - 1] as Span)[1]]
    }
    return cols
  }
  let borderEnd = 0
  columns = parseColumns(rstripSpaces(block[0] as string), 0)
  borderEnd = (columns[columns.length - 1] as Span)[1]
  const table: TableRow[] = []
  const rowStarts: number[] = []

  const checkColumns = (first: number, count: number, cols: Span[]): void => {
    const texts: string[] = []
    for (let index = first; index < first + count; index++) texts.push(withoutCombining(lines[index] as TableLine))
    const lastCol = cols.length - 1
    for (let column = 0; column < cols.length; column++) {
      const [start, end] = cols[column] as Span
      const nextStart = column === lastCol ? Number.MAX_SAFE_INTEGER : (cols[column + 1] as Span)[0]
      for (let offset = 0; offset < texts.length; offset++) {
        const text = texts[offset] as string
        if (column === lastCol && !isBlankText(text.slice(end))) {
          const newEnd = start + rstripSpaces(text.slice(start)).length
          const main = columns[columns.length - 1] as Span
          cols[column] = [start, Math.max(main[1], newEnd)]
          if (newEnd > main[1]) columns[columns.length - 1] = [main[0], newEnd]
        } else if (!isBlankText(text.slice(end, nextStart))) {
          throw new SimpleTableError(`Text in column margin in table line ${first + offset + 1}.`, first + offset)
        }
      }
    }
  }

  const initRow = (cols: Span[], offset: number): number[] => {
    const spans: number[] = []
    let index = 0
    for (const [start, end] of cols) {
      let morecols = 0
      const fail = () =>
        new SimpleTableError(`Column span alignment problem in table line ${offset + 2}.`, offset + 1)
      if (columns[index] === undefined || start !== (columns[index] as Span)[0]) throw fail()
      while (end !== (columns[index] as Span)[1]) {
        index++
        morecols++
        if (columns[index] === undefined) throw fail()
      }
      spans.push(morecols)
      index++
    }
    return spans
  }

  const parseRow = (first: number, count: number, spanLine: [string, number] | null): void => {
    if (count === 0 && spanLine === null) return
    const cols = spanLine ? parseColumns(...spanLine) : columns.map((span): Span => [span[0], span[1]])
    checkColumns(first, count, cols)
    const spans = initRow(cols, first)
    const cells: TableCell[] = cols.map(([start, end], index) => ({
      morerows: 0,
      morecols: spans[index] ?? 0,
      lines: cellBlock(lines, first, first + count, start, end),
      top: first,
      bottom: first + count - 1,
      left: start,
      right: end,
    }))
    table.push({first, last: first + count - 1, cells})
    rowStarts.push(first)
  }

  const [firstStart, firstEnd] = columns[0] as Span
  let offset = 1
  let start = 1
  let textFound = false
  while (offset < block.length) {
    const line = block[offset] as string
    if (isRule(line, 45 /* - */)) {
      // A column span underline or the bottom border completes the row.
      parseRow(start, offset - start, [rstripSpaces(line), offset])
      start = offset + 1
      textFound = false
    } else if (!isBlankText(line.slice(firstStart, firstEnd))) {
      // Text in the first column starts a new row.
      if (textFound && offset !== start) parseRow(start, offset - start, null)
      start = offset
      textFound = true
    } else if (!textFound) {
      start = offset + 1
    }
    offset++
  }

  const colwidths = columns.map(([start, end]) => end - start)
  let firstBody = 0
  if (headBodySep) {
    for (let index = 0; index < table.length; index++) {
      if ((rowStarts[index] ?? 0) > headBodySep) {
        firstBody = index
        break
      }
    }
  }
  return {form: 'simple', lines, colwidths, head: table.slice(0, firstBody), body: table.slice(firstBody)}
}

function rstripSpaces(text: string): string {
  let end = text.length
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--
  return end === text.length ? text : text.slice(0, end)
}
