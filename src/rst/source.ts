// The source text and its line table. docutils parses lines whose tabs are
// expanded to the next multiple of 8 and whose trailing whitespace is
// stripped; we parse the same lines but report positions in the original
// text, so every node maps back to exact offsets for editors and fixes.

import type {Point, Position} from './types.ts'

const TAB_WIDTH = 8
const POINT_CACHE_SIZE = 4096

/**
 * Recently made points by offset (direct-mapped): a node's start is often
 * its first child's start and its end its last child's end, so nodes share
 * one point object instead of each holding an equal copy (points are most
 * of a tree's memory; unist points are values nobody mutates). One cache for
 * all sources (a 32 KB array per file was an eighth of all the parser's
 * allocation), each entry tagged with the source that made it.
 */
const pointCache: (Point | undefined)[] = new Array<Point | undefined>(POINT_CACHE_SIZE).fill(undefined)
const cacheOwners = new Int32Array(POINT_CACHE_SIZE).fill(-1)
let nextCacheId = 0

export class Source {
  readonly text: string
  /** Offset of the first character of each line (typed: compact, and not traced by the GC). */
  readonly lineStarts: Int32Array
  /** Offset just past the last character of each line (before `\r`/`\n`). */
  readonly lineEnds: Int32Array
  /** Each line as docutils sees it: tabs expanded, `\v`/`\f` as spaces, trailing whitespace stripped. */
  readonly lines: string[]
  /** Lines containing a tab, `\v` or `\f` (their columns need a walk to map). */
  private readonly irregular: Set<number> = new Set()
  /** Whether `irregular` has any line (most texts have none: no set lookup per point). */
  private anyIrregular = false
  /** The line `lineOfOffset` found last (its search hint). */
  private lastLine = 0
  /** Tells this source's entries in the shared point cache from other sources'. */
  private readonly cacheId = nextCacheId++

  constructor(text: string) {
    this.text = text
    const table = text.indexOf('\r') === -1 ? splitLines(text, this.irregular) : scanLines(text, this.irregular)
    this.lineStarts = table.starts
    this.lineEnds = table.ends
    this.lines = table.lines
    this.anyIrregular = this.irregular.size !== 0
  }

  get lineCount(): number {
    return this.lines.length
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
    if (!this.anyIrregular || !this.irregular.has(line)) return Math.min(start + column, end)
    // `column` indexes the expanded string (UTF-16 units); tab stops count code points.
    let expanded = 0
    let codePoints = 0
    let offset = start
    while (offset < end) {
      const char = this.text.charCodeAt(offset)
      let width = 1
      if (char === 9) width = TAB_WIDTH - (codePoints % TAB_WIDTH)
      else if (char >= 0xd800 && char <= 0xdbff && offset + 1 < end) width = 2
      if (expanded + width > column) return offset
      expanded += width
      codePoints += char === 9 ? width : 1
      offset += char !== 9 && width === 2 ? 2 : 1
    }
    return end
  }

  /** The unist point of an offset: 1-based line and column, 0-based offset. */
  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    return this.pointAt(this.lineOfOffset(clamped), clamped)
  }

  /** The point of `offset`, known to be on 0-based line `line` (no line search); shared with earlier equal points. */
  pointAt(line: number, offset: number): Point {
    const slot = offset & (POINT_CACHE_SIZE - 1)
    const cached = pointCache[slot]
    if (cached !== undefined && cacheOwners[slot] === this.cacheId && cached.offset === offset && cached.line === line + 1) return cached
    const point = {line: line + 1, column: offset - (this.lineStarts[line] ?? 0) + 1, offset}
    pointCache[slot] = point
    cacheOwners[slot] = this.cacheId
    return point
  }

  /**
   * `pointAt(line, offsetAt(line, column))` in one call: the positions of
   * every node come through here, and in a cold process each call counts.
   */
  pointAtColumn(line: number, column: number): Point {
    const start = this.lineStarts[line]
    const end = this.lineEnds[line]
    if (start === undefined || end === undefined || (this.anyIrregular && this.irregular.has(line))) {
      return this.pointAt(line, this.offsetAt(line, column))
    }
    const offset = start + column < end ? start + column : end
    const slot = offset & (POINT_CACHE_SIZE - 1)
    const cached = pointCache[slot]
    if (cached !== undefined && cacheOwners[slot] === this.cacheId && cached.offset === offset && cached.line === line + 1) return cached
    const point = {line: line + 1, column: offset - start + 1, offset}
    pointCache[slot] = point
    cacheOwners[slot] = this.cacheId
    return point
  }

  /** The 0-based line holding an offset (binary search of the line table). */
  lineOfOffset(offset: number): number {
    // Lookups mostly come in document order: try the last line found and the next one first.
    const starts = this.lineStarts
    const hint = this.lastLine
    const hintStart = starts[hint]
    if (hintStart !== undefined && hintStart <= offset) {
      const next = starts[hint + 1]
      if (next === undefined || offset < next) return hint
      const after = starts[hint + 2]
      if (after === undefined || offset < after) return (this.lastLine = hint + 1)
    }
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    this.lastLine = low
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

const irregularChars = /[\t\v\f]/g

interface LineTable {
  starts: Int32Array
  ends: Int32Array
  lines: string[]
}

/**
 * The line table of a text without `\r`, built by native calls: one split,
 * then native searches for the few lines with a tab, `\v` or `\f` and for
 * those with trailing spaces (per-line tests would run interpreted in a
 * cold process).
 */
function splitLines(text: string, irregular: Set<number>): LineTable {
  const lines = text.split('\n')
  // A final newline ends the last line; it does not start a new one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const count = lines.length
  const starts = new Int32Array(count)
  const ends = new Int32Array(count)
  let start = 0
  for (let index = 0; index < count; index++) {
    const end = start + (lines[index] as string).length
    starts[index] = start
    ends[index] = end
    start = end + 1
  }
  if (text.indexOf('\t') !== -1 || text.indexOf('\v') !== -1 || text.indexOf('\f') !== -1) {
    irregularChars.lastIndex = 0
    let line = 0
    while (irregularChars.test(text)) {
      const offset = irregularChars.lastIndex - 1
      while ((ends[line] as number) < offset) line++
      irregular.add(line)
      lines[line] = expand(text, starts[line] as number, ends[line] as number)
      irregularChars.lastIndex = ends[line] as number
    }
  }
  // Lines with a trailing space (other trailing whitespace makes a line irregular).
  let line = 0
  for (let space = text.indexOf(' \n'); space !== -1; space = text.indexOf(' \n', space + 2)) {
    while ((ends[line] as number) < space) line++
    lines[line] = rstrip(lines[line] as string)
  }
  if (text.charCodeAt(text.length - 1) === 32) lines[count - 1] = rstrip(lines[count - 1] as string)
  return {starts, ends, lines}
}

/** The line table of any text (`\n`, `\r\n` or `\r` line ends). */
function scanLines(text: string, irregular: Set<number>): LineTable {
  const length = text.length
  let start = 0
  // Scan with indexOf: a per-character loop costs ~10 ms on the corpus.
  let nextLf = text.indexOf('\n')
  let nextCr = text.indexOf('\r')
  // The next tab, `\v` and `\f` too: one forward search each over the
  // whole text instead of three searches per line.
  let nextTab = text.indexOf('\t')
  let nextVt = text.indexOf('\v')
  let nextFf = text.indexOf('\f')
  let starts: Int32Array = new Int32Array(16 + (length >> 5))
  let ends: Int32Array = new Int32Array(starts.length)
  let count = 0
  const lines: string[] = []
  for (;;) {
    if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start)
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start)
    const end = nextCr === -1 ? (nextLf === -1 ? length : nextLf) : nextLf === -1 ? nextCr : Math.min(nextLf, nextCr)
    if (nextTab !== -1 && nextTab < start) nextTab = text.indexOf('\t', start)
    if (nextVt !== -1 && nextVt < start) nextVt = text.indexOf('\v', start)
    if (nextFf !== -1 && nextFf < start) nextFf = text.indexOf('\f', start)
    if (count === starts.length) {
      starts = grow(starts)
      ends = grow(ends)
    }
    starts[count] = start
    ends[count] = end
    const isIrregular = (nextTab !== -1 && nextTab < end) || (nextVt !== -1 && nextVt < end) || (nextFf !== -1 && nextFf < end)
    if (isIrregular) irregular.add(count)
    lines.push(isIrregular ? expand(text, start, end) : rstrip(text.slice(start, end)))
    count++
    if (end >= length) break
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
    // A final newline ends the last line; it does not start a new one.
    if (start === length) break
  }
  return {starts: starts.slice(0, count), ends: ends.slice(0, count), lines}
}

function expand(text: string, start: number, end: number): string {
  const raw = text.slice(start, end)
  // Without surrogate pairs, code points are UTF-16 units: copy the text
  // between tabs whole (native slices) instead of char by char.
  if (!surrogate.test(raw)) {
    let out = ''
    let from = 0
    for (let tab = raw.indexOf('\t'); tab !== -1; tab = raw.indexOf('\t', from)) {
      out += raw.slice(from, tab)
      out += ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH))
      from = tab + 1
    }
    out += raw.slice(from)
    return rstrip(out.replace(verticalSpace, ' '))
  }
  const parts: string[] = []
  let column = 0
  for (const char of raw) {
    if (char === '\t') {
      const width = TAB_WIDTH - (column % TAB_WIDTH)
      parts.push(' '.repeat(width))
      column += width
    } else {
      parts.push(char === '\v' || char === '\f' ? ' ' : char)
      column += 1 // tab stops count code points, as Python's expandtabs
    }
  }
  return rstrip(parts.join(''))
}

const surrogate = /[\ud800-\udfff]/
const verticalSpace = /[\v\f]/g

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
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
