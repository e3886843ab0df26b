// Grid and simple tables: recognize the top border, isolate and parse the
// table (table-grid.ts, table-simple.ts), then build the `table` node with
// `thead`/`tbody` > `row` > `entry`, each cell's text parsed as nested body
// elements at its exact source position. Problems are docutils' messages
// ("Malformed table.", "Blank line required after table.", ...).

import type {ParseContext} from '../context.ts'
import {exact, type Line} from '../lines.ts'
import type {Position, Table, TableBody, TableHead, Row, Entry} from '../types.ts'
import type {Isolated, IsolationProblem, TableCell, TableError, TableLayout, TableRow} from './table-layout.ts'
import {isGridBorder, isolateGridTable, parseGridTable} from './table-grid.ts'
import {isSimpleTableTop, isolateSimpleTable, parseSimpleTable} from './table-simple.ts'
import {offsetAtColumn, type TableLine} from './table-text.ts'

/**
 * Parse the grid or simple table whose top border is `lines[index]`, or
 * return `null` when that line is no table border. Consumes
 * `lines[index .. end)`; `node` is null for a malformed table.
 */
export function tryTable(
  lines: Line[],
  index: number,
  ctx: ParseContext,
): {node: Table | null; end: number} | null {
  const line = lines[index]
  if (line === undefined) return null
  if (isGridBorder(line.text)) {
    return finish(lines, index, ctx, isolateGridTable(lines, index), parseGridTable)
  }
  if (isSimpleTableTop(line.text)) {
    return finish(lines, index, ctx, isolateSimpleTable(lines, index), parseSimpleTable)
  }
  return null
}

function finish(
  lines: Line[],
  index: number,
  ctx: ParseContext,
  isolated: Isolated,
  parse: (block: TableLine[]) => TableLayout | TableError,
): {node: Table | null; end: number} {
  let node: Table | null = null
  if (isolated.lines !== null) {
    const layout = parse(isolated.lines)
    if ('detail' in layout) {
      // docutils' detail ("Text in column margin ...") goes to a later paragraph, not kept.
      const last = index + isolated.lines.length - 1
      const problem: IsolationProblem =
        layout.offset > 0
          ? {level: 3, text: 'Malformed table.', index: index + layout.offset}
          : {level: 3, text: 'Malformed table.', index, block: {first: index, last}}
      report(lines, ctx, problem)
    } else {
      node = buildTable(layout, ctx)
    }
  }
  for (const problem of isolated.problems) report(lines, ctx, problem)
  if (!isolated.blankFinish) {
    report(lines, ctx, {level: 2, text: 'Blank line required after table.', index: isolated.end})
  }
  return {node, end: isolated.end}
}

function report(lines: Line[], ctx: ParseContext, problem: IsolationProblem): void {
  const source = ctx.source
  const after = lines[lines.length - 1]
  if (problem.index >= lines.length && after !== undefined) {
    // docutils points past the block: at the source line after it (a nested
    // block ends before its parent does), or at the very end of the text.
    const next = after.line + 1
    if (next < source.lineCount) {
      const text = source.lines[next] as string
      let indent = 0
      while (indent < text.length && text.charCodeAt(indent) === 32) indent++
      ctx.report(problem.level, problem.text, source.span(next, indent, next, text.length))
    } else {
      const end = source.offsetAt(after.line, after.col + after.text.length)
      ctx.report(problem.level, problem.text, source.position(end, end))
    }
    return
  }
  const first = lines[problem.block ? problem.block.first : problem.index]
  const last = lines[problem.block ? problem.block.last : problem.index]
  if (first === undefined || last === undefined) return
  let indent = 0
  while (indent < first.text.length && first.text.charCodeAt(indent) === 32) indent++
  const start = source.offsetAt(first.line, first.col + Math.min(indent, first.text.length))
  const end = source.offsetAt(last.line, last.col + last.text.length)
  ctx.report(problem.level, problem.text, source.position(start, end))
}

function buildTable(layout: TableLayout, ctx: ParseContext): Table {
  const source = ctx.source
  const first = layout.lines[0] as TableLine
  const last = layout.lines[layout.lines.length - 1] as TableLine
  const tableEnd = offsetAtColumn(source, last, last.text.length)
  const children: Array<TableHead | TableBody> = []
  if (layout.head.length > 0) {
    const rows = layout.head.map((row) => buildRow(layout, row, ctx))
    children.push({type: 'thead', children: rows, position: around(rows, tableEnd, ctx)})
  }
  const rows = layout.body.map((row) => buildRow(layout, row, ctx))
  children.push({type: 'tbody', children: rows, position: around(rows, tableEnd, ctx)})
  return {
    type: 'table',
    form: layout.form,
    colwidths: exact(layout.colwidths),
    children: exact(children),
    position: source.position(offsetAtColumn(source, first, 0), tableEnd),
  }
}

/** The span of a group of rows (an empty group sits at the table's end). */
function around(rows: Row[], fallback: number, ctx: ParseContext): Position {
  const head = rows[0]
  if (head === undefined) return ctx.source.position(fallback, fallback)
  let end = head.position.end.offset ?? 0
  for (const row of rows) end = Math.max(end, row.position.end.offset ?? 0)
  return ctx.source.position(head.position.start.offset ?? 0, end)
}

function buildRow(layout: TableLayout, row: TableRow, ctx: ParseContext): Row {
  const source = ctx.source
  const lines = layout.lines
  const entries: Entry[] = []
  for (const cell of row.cells) {
    const entry: Entry = {type: 'entry', children: [], position: cellPosition(layout, cell, source)}
    if (cell.morerows) entry.morerows = cell.morerows
    if (cell.morecols) entry.morecols = cell.morecols
    if (cell.lines.some((line) => line.text.length > 0)) entry.children = ctx.parseBlocks(cell.lines, {noSections: true})
    entries.push(entry)
  }
  const firstLine = lines[row.first] ?? (lines[lines.length - 1] as TableLine)
  const start = offsetAtColumn(source, firstLine, 0)
  let end = start
  const lastIndex = lastTextLine(lines, row.first, row.last)
  if (lastIndex >= 0) {
    const lastLine = lines[lastIndex] as TableLine
    end = offsetAtColumn(source, lastLine, lastLine.text.length)
  }
  for (const entry of entries) end = Math.max(end, entry.position.end.offset ?? 0)
  return {type: 'row', children: exact(entries), position: source.position(start, end)}
}

/**
 * A cell's area: from its first line at its left column to its last line at
 * its right column. Grid cells keep their whole area; simple table cells end
 * at their last line with text. The area always covers the cell's text, even
 * where combining characters make docutils cut the text further right.
 */
function cellPosition(layout: TableLayout, cell: TableCell, source: ParseContext['source']): Position {
  const lines = layout.lines
  const firstLine = lines[cell.top] ?? (lines[lines.length - 1] as TableLine)
  if (cell.bottom < cell.top) {
    // No line at all: a grid cell between two adjacent borders, or a simple
    // table row made of an underline right before the bottom border.
    const at = offsetAtColumn(source, firstLine, layout.form === 'grid' ? cell.left : 0)
    return source.position(at, at)
  }
  const start = offsetAtColumn(source, firstLine, cell.left)
  let last = cell.lines.length - 1
  if (layout.form === 'simple') while (last >= 0 && (cell.lines[last] as Line).text.length === 0) last--
  if (last < 0) return source.position(start, start)
  const lastLine = cell.lines[last] as Line
  const areaEnd = offsetAtColumn(source, lines[cell.top + last] as TableLine, cell.right)
  const textEnd = source.offsetAt(lastLine.line, lastLine.col + lastLine.text.length)
  return source.position(start, Math.max(start, areaEnd, textEnd))
}

/** The last line in `first..last` that is not blank, or -1. */
function lastTextLine(lines: TableLine[], first: number, last: number): number {
  for (let index = last; index >= first; index--) if ((lines[index] as TableLine).text.length > 0) return index
  return -1
}
