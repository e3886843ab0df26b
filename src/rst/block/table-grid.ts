// Grid tables (`+---+` borders), after docutils: `isolate_grid_table` in
// states.py cuts the table out of its block (text block up to a blank line,
// left/right edges, bottom border), and `GridTableParser` in tableparser.py
// traces each cell from its top-left `+` corner, clockwise, to find rows,
// columns and spans.
//
//   > | +-----+-----+      top-left corners are queued top to bottom;
//       ^                  each traced cell queues its top-right and
//                          bottom-left corners.

import type {Line} from '../lines.ts'
import type {Isolated, IsolationProblem, TableCell, TableError, TableLayout, TableRow} from './table-layout.ts'
import {cellBlock, isBlankText, isPythonSpace, strippedLength, toTableLine, type TableLine} from './table-text.ts'

/** `\+-[-+]+-\+ *$`: a grid table's top or bottom border (also a row separator). */
export function isGridBorder(text: string): boolean {
  return gridBorder.test(text)
}

/** `\+=[=+]+=\+ *$`: the head/body separator. */
function isHeadSeparator(text: string): boolean {
  return headSeparator.test(text)
}

// docutils' own patterns (native tests, not loops over the line).
const gridBorder = /^\+-[-+]+-\+ *$/
const headSeparator = /^\+=[=+]+=\+ *$/

/**
 * Cut the grid table starting at `lines[start]` out of its block, as
 * docutils' `isolate_grid_table`. Mind its quirk: when the table is cut at an
 * earlier bottom border, parsing resumes two lines before that border's
 * successor (`end` is then inside the table), which docutils does too.
 */
export function isolateGridTable(lines: Line[], start: number): Isolated {
  const problems: IsolationProblem[] = []
  let blankFinish = true
  let end = start
  while (end < lines.length) {
    const text = (lines[end] as Line).text
    if (isBlankText(text)) break
    if (text.charCodeAt(0) === 32) {
      problems.push({level: 3, text: 'Unexpected indentation.', index: end})
      blankFinish = false
      break
    }
    end++
  }
  let block: TableLine[] = []
  for (let index = start; index < end; index++) block.push(toTableLine(lines[index] as Line))
  const first = block[0]
  if (first === undefined) return {lines: null, end: start + 1, blankFinish, problems}
  const width = strippedLength(first.text)
  // Left edge: the table ends before the first line not starting with `+` or `|`.
  for (let index = 0; index < block.length; index++) {
    const code = (block[index] as TableLine).text.charCodeAt(0)
    if (code !== 43 && code !== 124) {
      blankFinish = false
      block = block.slice(0, index)
      end = start + index
      break
    }
  }
  const malformed = (): Isolated => {
    problems.push({
      level: 3,
      text: 'Malformed table.',
      index: start,
      block: {first: start, last: start + block.length - 1},
    })
    return {lines: null, end, blankFinish, problems}
  }
  if (!isGridBorder(stripped(block[block.length - 1] as TableLine))) {
    blankFinish = false
    let found = false
    for (let index = block.length - 2; index > 1; index--) {
      if (isGridBorder(stripped(block[index] as TableLine))) {
        block = block.slice(0, index + 1)
        end = start + index - 1
        found = true
        break
      }
    }
    if (!found) return malformed()
  }
  for (const tl of block) {
    const text = stripped(tl)
    const code = text.charCodeAt(text.length - 1)
    if (text.length !== width || (code !== 43 && code !== 124)) return malformed()
  }
  return {lines: block, end, blankFinish, problems}
}

const dashRun = /-*/y
const borderRun = /[-+]*/y

/** The line without trailing Unicode spaces, as docutils strips it (table lines are flush left). */
function stripped(tl: TableLine): string {
  const text = tl.text
  let end = text.length
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end--
  return end === text.length ? text : text.slice(0, end)
}

/**
 * A min-heap of top-left corners, ordered as docutils' sorted corner list.
 * A corner is packed into one number (`top * width + left`), so pushing
 * allocates nothing.
 */
class CornerQueue {
  private readonly items: number[] = []

  constructor(private readonly width: number) {}

  get size(): number {
    return this.items.length
  }

  push(top: number, left: number): void {
    const items = this.items
    let index = items.length
    const key = top * this.width + left
    items.push(key)
    while (index > 0) {
      const parent = (index - 1) >> 1
      const above = items[parent] as number
      if (above <= key) break
      items[index] = above
      index = parent
    }
    items[index] = key
  }

  /** The smallest corner as `top * width + left`. */
  pop(): number {
    const items = this.items
    const first = items[0] as number
    const last = items.pop() as number
    const length = items.length
    if (length > 0) {
      let index = 0
      for (;;) {
        let child = index * 2 + 1
        if (child >= length) break
        const right = child + 1
        if (right < length && (items[right] as number) < (items[child] as number)) child = right
        if ((items[child] as number) >= last) break
        items[index] = items[child] as number
        index = child
      }
      items[index] = last
    }
    return first
  }
}

interface Traced {
  top: number
  left: number
  bottom: number
  right: number
}

/** Parse an isolated grid table into rows and cells, or docutils' error. */
export function parseGridTable(lines: TableLine[]): TableLayout | TableError {
  // The text of each line; the head/body separator is rewritten to `-`.
  const block = lines.map((tl) => tl.text)
  let headBodySep: number | null = null
  for (let index = 0; index < block.length; index++) {
    const text = block[index] as string
    if (!isHeadSeparator(text)) continue
    if (headBodySep) {
      return {
        detail: `Multiple head/body row separators (table lines ${headBodySep + 1} and ${index + 1}); only one allowed.`,
        offset: index,
      }
    }
    headBodySep = index
    block[index] = text.replaceAll('=', '-')
  }
  if (headBodySep === 0 || headBodySep === block.length - 1) {
    return {
      detail: 'The head/body row separator may not be the first or last line of the table.',
      offset: block.length - 1,
    }
  }

  const bottom = block.length - 1
  const right = (block[0] as string).length - 1
  const done = new Array<number>((block[0] as string).length).fill(-1)
  const rowseps = new Set<number>([0])
  const colseps = new Set<number>([0])
  const cells: Traced[] = []
  const at = (row: number, column: number): string => (block[row] as string).charAt(column)
  const incomplete: TableError = {detail: 'Malformed table; parse incomplete.', offset: 0}

  const scanUp = (top: number, left: number, bottomRow: number): number[] | null => {
    const seps: number[] = []
    for (let row = bottomRow - 1; row > top; row--) {
      const char = at(row, left)
      if (char === '+') seps.push(row)
      else if (char !== '|') return null
    }
    return seps
  }
  const scanLeft = (top: number, left: number, bottomRow: number, rightCol: number) => {
    const line = block[bottomRow] as string
    // The bottom border between the corners: only `-` and `+` (one native
    // match), its `+` collected right to left.
    borderRun.lastIndex = left + 1
    borderRun.test(line)
    if (borderRun.lastIndex < rightCol) return null
    const cols: number[] = []
    for (let column = line.lastIndexOf('+', rightCol - 1); column > left; column = line.lastIndexOf('+', column - 1)) cols.push(column)
    if (line.charAt(left) !== '+') return null
    const rows = scanUp(top, left, bottomRow)
    return rows === null ? null : {rows, cols}
  }
  const scanDown = (top: number, left: number, rightCol: number) => {
    const rows: number[] = []
    for (let row = top + 1; row <= bottom; row++) {
      const char = at(row, rightCol)
      if (char === '+') {
        rows.push(row)
        const result = scanLeft(top, left, row, rightCol)
        if (result) return {bottom: row, rows: rows.concat(result.rows), cols: result.cols}
      } else if (char !== '|') {
        return null
      }
    }
    return null
  }
  const scanRight = (top: number, left: number) => {
    const cols: number[] = []
    const line = block[top] as string
    let column = left + 1
    for (;;) {
      // Skip the run of `-` natively; the next character must be a `+`.
      dashRun.lastIndex = column
      dashRun.test(line)
      column = dashRun.lastIndex
      if (column > right || line.charCodeAt(column) !== 43 /* + */) return null
      cols.push(column)
      const result = scanDown(top, left, column)
      if (result) return {bottom: result.bottom, right: column, rows: result.rows, cols: cols.concat(result.cols)}
      column++
    }
  }

  const width = (block[0] as string).length
  const corners = new CornerQueue(width)
  corners.push(0, 0)
  while (corners.size > 0) {
    const key = corners.pop()
    const top = Math.floor(key / width)
    const left = key - top * width
    if (top === bottom || left === right || top <= (done[left] ?? -1)) continue
    if (at(top, left) !== '+') return incomplete
    const result = scanRight(top, left)
    if (!result) continue
    for (const row of result.rows) rowseps.add(row)
    for (const column of result.cols) colseps.add(column)
    for (let column = left; column < result.right; column++) {
      // docutils asserts this; a failure would be a broken table.
      if (done[column] !== top - 1) return incomplete
      done[column] = result.bottom - 1
    }
    cells.push({top, left, bottom: result.bottom, right: result.right})
    corners.push(top, result.right)
    corners.push(result.bottom, left)
  }
  for (let column = 0; column < right; column++) if (done[column] !== bottom - 1) return incomplete

  const rowList = [...rowseps].sort((a, b) => a - b)
  const colList = [...colseps].sort((a, b) => a - b)
  const rowIndex = new Map<number, number>()
  rowList.forEach((row, index) => rowIndex.set(row, index))
  const colIndex = new Map<number, number>()
  colList.forEach((column, index) => colIndex.set(column, index))
  const colwidths: number[] = []
  for (let index = 1; index < colList.length; index++) colwidths.push((colList[index] ?? 0) - (colList[index - 1] ?? 0) - 1)

  const rows: TableRow[] = []
  for (let index = 0; index + 1 < rowList.length; index++) {
    const first = (rowList[index] ?? 0) + 1
    rows.push({first, last: (rowList[index + 1] ?? first) - 1, cells: []})
  }
  const used = new Set<number>()
  let remaining = rows.length * colwidths.length
  // Cells come in tracing order; docutils places them by grid index.
  const placed: Array<{row: number; column: number; cell: TableCell}> = []
  for (const traced of cells) {
    const row = rowIndex.get(traced.top)
    const column = colIndex.get(traced.left)
    const rowEnd = rowIndex.get(traced.bottom)
    const columnEnd = colIndex.get(traced.right)
    if (row === undefined || column === undefined || rowEnd === undefined || columnEnd === undefined) return incomplete
    const key = row * (colwidths.length + 1) + column
    if (used.has(key)) return incomplete
    used.add(key)
    const morerows = rowEnd - row - 1
    const morecols = columnEnd - column - 1
    remaining -= (morerows + 1) * (morecols + 1)
    placed.push({
      row,
      column,
      cell: {
        morerows,
        morecols,
        lines: cellBlock(lines, traced.top + 1, traced.bottom, traced.left + 1, traced.right),
        top: traced.top + 1,
        bottom: traced.bottom - 1,
        left: traced.left + 1,
        right: traced.right,
      },
    })
  }
  if (remaining !== 0) return incomplete
  placed.sort((a, b) => a.row - b.row || a.column - b.column)
  for (const {row, cell} of placed) {
    const target = rows[row] as TableRow
    target.cells.push(cell)
    if (cell.bottom > target.last) target.last = cell.bottom
  }

  let head: TableRow[] = []
  let body = rows
  if (headBodySep) {
    const count = rowIndex.get(headBodySep)
    if (count === undefined) return incomplete
    head = rows.slice(0, count)
    body = rows.slice(count)
  }
  return {form: 'grid', lines, colwidths, head, body}
}
