// What the grid and simple table parsers hand to the table builder: the
// table's lines, its rows and cells in block-line/column coordinates, or the
// docutils error that makes it a "Malformed table.". Keeping the layout apart
// from node building lets both table forms share one builder.

import type {Line} from '../lines.ts'
import type {TableLine} from './table-text.ts'

export interface TableCell {
  morerows: number
  morecols: number
  /** The cell's text, as docutils' `get_2D_block` cuts it (lines point into the source). */
  lines: Line[]
  /** Area of the cell: block line indices `top..bottom` (inclusive) and model columns `left..right` (exclusive). */
  top: number
  bottom: number
  left: number
  right: number
}

export interface TableRow {
  /** Block line index of the row's first text line (docutils' row line). */
  first: number
  /** Block line index of the row's last line (>= first, or first - 1 when the row has no line). */
  last: number
  cells: TableCell[]
}

export interface TableLayout {
  form: 'grid' | 'simple'
  /** The table's lines, top border to bottom border. */
  lines: TableLine[]
  colwidths: number[]
  head: TableRow[]
  body: TableRow[]
}

/** A docutils `TableMarkupError`: `offset` is the table line it is about. */
export interface TableError {
  detail: string
  offset: number
}

/** A problem found while isolating a table, at a line of the enclosing block. */
export interface IsolationProblem {
  level: 2 | 3
  text: string
  /** Index in the enclosing block's lines. */
  index: number
  /** The whole isolated block (`Malformed table.`) rather than one line. */
  block?: {first: number; last: number}
}

/** The outcome of isolating a table from the enclosing block. */
export interface Isolated {
  /** The table's lines (indices `start..start + lines.length` of the block), or null if malformed. */
  lines: TableLine[] | null
  /** Index of the first block line after the table (where parsing resumes). */
  end: number
  /** Whether a blank line (or the end) follows, else docutils warns. */
  blankFinish: boolean
  problems: IsolationProblem[]
}
