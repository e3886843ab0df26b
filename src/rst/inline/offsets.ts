// Maps an index in a text block (its lines' text joined with `\n`) to a unist
// point in the original file, through the lines' source line and expanded
// column, so tabs, CRLF and block indentation all come out exact.

import type {Line} from '../lines.ts'
import type {Source} from '../source.ts'
import type {Point, Position} from '../types.ts'

export class OffsetMap {
  private readonly source: Source
  private readonly lines: Line[]
  /**
   * Index in the joined text of the first character of each line, made on
   * first use by a block of several lines (most blocks are a single line).
   */
  private starts: number[] | undefined
  /** Last line found: lookups mostly move forward, so start from there. */
  private cursor = 0

  constructor(source: Source, lines: Line[]) {
    this.source = source
    this.lines = lines
  }

  private lineStarts(): number[] {
    const lines = this.lines
    // Sized up front: `push` would allocate room for 16 more.
    const starts = new Array<number>(lines.length).fill(0)
    let start = 0
    for (let index = 1; index < lines.length; index++) {
      start += (lines[index - 1] as Line).text.length + 1
      starts[index] = start
    }
    return (this.starts = starts)
  }

  /** The point of joined-text index `index`; the `\n` after a line maps to that line's end. */
  point(index: number): Point {
    const lines = this.lines
    if (lines.length === 1) {
      const line = lines[0] as Line
      return this.source.pointAtColumn(line.line, line.col + index)
    }
    const starts = this.starts ?? this.lineStarts()
    let cursor = this.cursor
    while (cursor > 0 && (starts[cursor] ?? 0) > index) cursor--
    while (cursor + 1 < starts.length && (starts[cursor + 1] ?? 0) <= index) cursor++
    this.cursor = cursor
    const line = lines[cursor]
    if (line === undefined) return this.source.point(this.source.text.length)
    return this.source.pointAtColumn(line.line, line.col + index - (starts[cursor] ?? 0))
  }

  position(start: number, end: number): Position {
    const lines = this.lines
    if (lines.length === 1) {
      // One line (most blocks): no line search.
      const line = lines[0] as Line
      const source = this.source
      return {start: source.pointAtColumn(line.line, line.col + start), end: source.pointAtColumn(line.line, line.col + end)}
    }
    return {start: this.point(start), end: this.point(end)}
  }
}
