// The source text and its line table. docutils parses lines whose tabs are
// expanded to the next multiple of 8 and whose trailing whitespace is
// stripped; we parse the same lines but report positions in the original
// text, so every node maps back to exact offsets for editors and fixes.

import type {Point, Position} from './types.ts'

const TAB_WIDTH = 8

export class Source {
  readonly text: string
  /** Offset of the first character of each line. */
  readonly lineStarts: number[] = []
  /** Offset just past the last character of each line (before `\r`/`\n`). */
  readonly lineEnds: number[] = []
  /** Each line as docutils sees it: tabs expanded, `\v`/`\f` as spaces, trailing whitespace stripped. */
  readonly lines: string[] = []
  /** Lines containing a tab, `\v` or `\f` (their columns need a walk to map). */
  private readonly irregular: Set<number> = new Set()

  /**
   * The most recently built Source. The lint engine reuses the parser's line
   * table through it (`Source.of`) instead of building a second one per file.
   */
  private static latest: Source | undefined

  /** A Source for `text`: the latest one built if it is for the same text. */
  static of(text: string): Source {
    const latest = Source.latest
    return latest !== undefined && latest.text === text ? latest : new Source(text)
  }

  constructor(text: string) {
    this.text = text
    Source.latest = this
    let start = 0
    const length = text.length
    while (start <= length) {
      let end = start
      while (end < length) {
        const code = text.charCodeAt(end)
        if (code === 10 || code === 13) break
        end++
      }
      this.lineStarts.push(start)
      this.lineEnds.push(end)
      this.lines.push(this.expand(start, end))
      if (end >= length) break
      start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
      if (start === length) {
        // A final newline ends the last line; it does not start a new one.
        break
      }
    }
  }

  get lineCount(): number {
    return this.lines.length
  }

  private expand(start: number, end: number): string {
    let raw = this.text.slice(start, end)
    if (/[\t\v\f]/.test(raw)) {
      this.irregular.add(this.lineStarts.length - 1)
      let out = ''
      for (const char of raw) {
        if (char === '\t') out += ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH))
        else if (char === '\v' || char === '\f') out += ' '
        else out += char
      }
      raw = out
    }
    return rstrip(raw)
  }

  /**
   * Offset in the original text of expanded column `column` (0-based) of
   * 0-based line `line`. Columns past the end of the line map to the line end
   * (trailing whitespace is stripped in `lines`, but still in the text).
   */
  offsetAt(line: number, column: number): number {
    const start = this.lineStarts[line]
    const end = this.lineEnds[line]
    if (start === undefined || end === undefined) return this.text.length
    if (!this.irregular.has(line)) return Math.min(start + column, end)
    let expanded = 0
    let offset = start
    while (offset < end) {
      const char = this.text.charCodeAt(offset)
      const width = char === 9 ? TAB_WIDTH - (expanded % TAB_WIDTH) : 1
      if (expanded + width > column) return offset
      expanded += width
      offset++
    }
    return end
  }

  /** The unist point of an offset: 1-based line and column, 0-based offset. */
  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    const line = this.lineOfOffset(clamped)
    return {line: line + 1, column: clamped - (this.lineStarts[line] ?? 0) + 1, offset: clamped}
  }

  /** The 0-based line holding an offset (binary search of the line table). */
  lineOfOffset(offset: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    return low
  }

  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }

  /** The position from expanded column `startColumn` of `startLine` to `endColumn` of `endLine`. */
  span(startLine: number, startColumn: number, endLine: number, endColumn: number): Position {
    return this.position(this.offsetAt(startLine, startColumn), this.offsetAt(endLine, endColumn))
  }
}

export function rstrip(text: string): string {
  let end = text.length
  while (end > 0) {
    const code = text.charCodeAt(end - 1)
    if (code === 32 || code === 9 || code === 11 || code === 12 || code === 13 || code === 10) end--
    else break
  }
  return end === text.length ? text : text.slice(0, end)
}
