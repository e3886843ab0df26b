// Maps an index in a text block (its lines' text joined with `\n`) to a unist
// point in the original file, through the lines' source line and expanded
// column, so tabs, CRLF and block indentation all come out exact.

import type {Line} from '../lines.ts'
import type {Source} from '../source.ts'
import type {Point, Position} from '../types.ts'

export class OffsetMap {
  private readonly source: Source
  private readonly lines: Line[]
  /** Index in the joined text of the first character of each line. */
  private readonly starts: Int32Array
  /** Last line found: lookups mostly move forward, so start from there. */
  private cursor = 0

  constructor(source: Source, lines: Line[]) {
    this.source = source
    this.lines = lines
    this.starts = new Int32Array(lines.length)
    let start = 0
    for (let index = 0; index < lines.length; index++) {
      this.starts[index] = start
      start += lines[index]!.text.length + 1
    }
  }

  /** The point of joined-text index `index`; the `\n` after a line maps to that line's end. */
  point(index: number): Point {
    const starts = this.starts
    let cursor = this.cursor
    while (cursor > 0 && (starts[cursor] ?? 0) > index) cursor--
    while (cursor + 1 < starts.length && (starts[cursor + 1] ?? 0) <= index) cursor++
    this.cursor = cursor
    const line = this.lines[cursor]
    if (line === undefined) return this.source.point(this.source.text.length)
    return this.source.pointAt(line.line, this.source.offsetAt(line.line, line.col + index - (starts[cursor] ?? 0)))
  }

  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }
}
