// Test support for the table parser: a minimal ParseContext whose nested
// parse makes one paragraph per blank-line-separated chunk (enough to check
// cell structure and positions without the block parser), a table finder
// for whole files, and a flattening of tables into oracle-like records.

import type {ParseContext} from '../../../src/rst/context.ts'
import {sourceLines, type Line} from '../../../src/rst/lines.ts'
import {Source} from '../../../src/rst/source.ts'
import type {Block, Paragraph, Problem, Table} from '../../../src/rst/types.ts'
import {tryTable} from '../../../src/rst/block/table.ts'

export interface Harness {
  source: Source
  ctx: ParseContext
  problems: Problem[]
  /** The cell line blocks handed to `parseBlocks`, in call order. */
  cells: Line[][]
  /** Every table met, top level or nested in a cell, in parse order. */
  found: FoundTable[]
}

export function harness(text: string): Harness {
  const source = new Source(text)
  const problems: Problem[] = []
  const cells: Line[][] = []
  const found: FoundTable[] = []
  const ctx: ParseContext = {
    source,
    report(level, message, position, phase = 'parse') {
      problems.push({level, text: message, position, phase})
    },
    parseBlocks(lines) {
      cells.push(lines)
      return chunks(source, lines, ctx, found)
    },
    parseInline() {
      return []
    },
  }
  return {source, ctx, problems, cells, found}
}

/**
 * One paragraph per run of non-blank lines (its text child holds the lines
 * joined), or a table where a run starts with a table border.
 */
function chunks(source: Source, lines: Line[], ctx: ParseContext, found: FoundTable[]): Block[] {
  const out: Block[] = []
  let index = 0
  while (index < lines.length) {
    const line = lines[index] as Line
    if (line.text.trim() === '') {
      index++
      continue
    }
    const result = tryTable(lines, index, ctx)
    if (result) {
      found.push({line: line.line + 1, table: result.node})
      if (result.node) out.push(result.node)
      index = Math.max(result.end, index + 1)
      continue
    }
    const first = index
    while (index < lines.length && (lines[index] as Line).text.trim() !== '') index++
    const run = lines.slice(first, index)
    const head = run[0] as Line
    const tail = run[run.length - 1] as Line
    let lead = 0
    while (head.text.charCodeAt(lead) === 32) lead++
    const start = source.offsetAt(head.line, head.col + lead)
    const end = source.offsetAt(tail.line, tail.col + tail.text.length)
    const position = source.position(start, end)
    const paragraph: Paragraph = {
      type: 'paragraph',
      position,
      children: [{type: 'text', value: run.map((line) => line.text).join('\n'), position}],
    }
    out.push(paragraph)
  }
  return out
}

/** Parse the table at 0-based line `index` of `text` (top-level block). */
export function tableAt(text: string, index = 0) {
  const h = harness(text)
  const lines = sourceLines(h.source)
  const result = tryTable(lines, index, h.ctx)
  return {...h, lines, result}
}

/** The text a position covers. */
export function slice(source: Source, position: {start: {offset?: number}; end: {offset?: number}}): string {
  return source.text.slice(position.start.offset ?? 0, position.end.offset ?? 0)
}

export interface TableRecord {
  t: string
  d: number
  l: number | null
  a?: Record<string, unknown>
}

/** Tables in document order as oracle-like records (depth relative to the table). */
export function flatten(table: Table): TableRecord[] {
  const out: TableRecord[] = [{t: 'table', d: 0, l: table.position.start.line}]
  for (const group of table.children) {
    const first = group.children[0]
    out.push({t: group.type, d: 2, l: first ? first.position.start.line : null})
    for (const row of group.children) {
      // The oracle has no line for a row whose cells all come from rows above.
      out.push({t: 'row', d: 3, l: row.children.length > 0 ? row.position.start.line : null})
      for (const entry of row.children) {
        const a: Record<string, unknown> = {}
        if (entry.morerows) a.morerows = entry.morerows
        if (entry.morecols) a.morecols = entry.morecols
        const record: TableRecord = {t: 'entry', d: 4, l: entry.position.start.line}
        if (Object.keys(a).length > 0) record.a = a
        out.push(record)
      }
    }
  }
  return out
}

export interface FoundTable {
  /** 1-based line of the top border. */
  line: number
  table: Table | null
}

/**
 * Every grid/simple table of a file, found the way a block parser would for
 * well-separated tables: a table may start after a blank line (or at the
 * start) of a block; an indented block after a blank line is scanned as a
 * nested block (block quote, directive content, list item body).
 */
export function findTables(text: string): {tables: FoundTable[]; h: Harness} {
  const h = harness(text)
  scan(sourceLines(h.source), h, h.found)
  return {tables: h.found, h}
}

function scan(lines: Line[], h: Harness, tables: FoundTable[]): void {
  let index = 0
  let afterBlank = true
  while (index < lines.length) {
    const line = lines[index] as Line
    if (line.text === '') {
      afterBlank = true
      index++
      continue
    }
    const indent = line.text.length - line.text.trimStart().length
    if (indent > 0) {
      // A nested block: lines until one with less indentation.
      let end = index
      while (end < lines.length) {
        const next = lines[end] as Line
        if (next.text !== '' && next.text.length - next.text.trimStart().length < indent) break
        end++
      }
      const nested = lines.slice(index, end).map((l) => (l.text === '' ? l : {text: l.text.slice(indent), line: l.line, col: l.col + indent}))
      scan(nested, h, tables)
      index = end
      afterBlank = true
      continue
    }
    if (afterBlank) {
      // A list item or field body may hold a table after its marker: not handled here.
      const result = tryTable(lines, index, h.ctx)
      if (result) {
        tables.push({line: line.line + 1, table: result.node})
        index = Math.max(result.end, index + 1)
        // Whatever follows a table starts a new construct, as in docutils.
        afterBlank = true
        continue
      }
    }
    // A line block line (`| text`) does not continue into a paragraph.
    afterBlank = line.text === '|' || line.text.startsWith('| ')
    index++
  }
}

/** A record of docutils-oracle.py's output (see shared/tools/ORACLE.md). */
export interface OracleRecord {
  t: string
  d: number
  l: number | null
  x?: string
  a?: Record<string, unknown>
  s?: string
  i?: number
}

export interface OracleMessage {
  level: number
  text: string
  line: number
  l?: number
}

/**
 * The oracle's records of the table at `nodes[at]`, depths relative to it,
 * tables nested in cells left out; its column count; and each entry's first
 * child when that is a paragraph.
 */
export function oracleTable(
  nodes: OracleRecord[],
  at: number,
): {records: TableRecord[]; cols: number; paragraphs: Array<OracleRecord | null>} {
  const table = nodes[at] as OracleRecord
  const records: TableRecord[] = [{t: 'table', d: 0, l: table.l}]
  const paragraphs: Array<OracleRecord | null> = []
  let cols = 0
  for (let index = at + 1; index < nodes.length; index++) {
    const node = nodes[index] as OracleRecord
    const depth = node.d - table.d
    if (depth <= 0) break
    if (node.t === 'tgroup' && depth === 1) cols = Number(node.a?.cols ?? 0)
    if (!['thead', 'tbody', 'row', 'entry'].includes(node.t) || depth > 4) continue
    const record: TableRecord = {t: node.t, d: depth, l: node.l}
    const a: Record<string, unknown> = {}
    if (node.a?.morerows) a.morerows = node.a.morerows
    if (node.a?.morecols) a.morecols = node.a.morecols
    if (Object.keys(a).length > 0) record.a = a
    records.push(record)
    if (node.t === 'entry') {
      const child = nodes[index + 1]
      paragraphs.push(child && child.d === node.d + 1 && child.t === 'paragraph' ? child : null)
    }
  }
  return {records, cols, paragraphs}
}

/** Whether an oracle `table` record is a grid or simple table (not a directive's) at its border line. */
export function isBorderTable(node: OracleRecord, sourceLines: string[]): boolean {
  if (node.t !== 'table' || node.s !== undefined || node.l === null) return false
  const border = (sourceLines[node.l - 1] ?? '').trim()
  // Directive tables (list-table, csv-table, table) start at their `..` line;
  // a table nested in a cell starts inside its row.
  return !border.startsWith('..') && (border.includes('+-') || border.includes('=='))
}
