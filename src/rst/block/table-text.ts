// Table lines in docutils' column model. docutils measures tables in Python
// characters (code points), pads East Asian wide characters with a `\0` so
// they take two columns, and skips combining characters when slicing cells;
// this module rebuilds that model over a block line and maps its columns back
// to the line's own text, so every cell keeps exact source positions.

import type {Line} from '../lines.ts'
import type {Source} from '../source.ts'

/** A table line as docutils' table parsers see it. */
export interface TableLine {
  /** The block line the table line comes from. */
  line: Line
  /** The line in docutils' model: one char per code point, `\0` after each wide char. */
  text: string
  /**
   * For each index of `text` (and one past its end), the index in `line.text`.
   * A `\0` pad maps past its wide char. `null` when the mapping is the identity.
   */
  units: Int32Array | null
  /** Whether `text` holds combining characters (docutils skips them in cells). */
  combining: boolean
}

/** Stands in for an astral code point, which is two UTF-16 units but one Python char. */
const ASTRAL = '\uFFFD'
const PAD = '\0'
const combiningPattern = /\p{Mn}/u

const beyondNarrow = /[^\x00-\u02ff]/

export function toTableLine(line: Line): TableLine {
  const text = line.text
  // Below U+0300 (one native test): no wide, combining or astral character.
  if (!beyondNarrow.test(text)) return {line, text, units: null, combining: false}
  const chars: string[] = []
  const units: number[] = []
  let combining = false
  let index = 0
  while (index < text.length) {
    const code = text.codePointAt(index) ?? 0
    const size = code > 0xffff ? 2 : 1
    const char = size === 2 ? ASTRAL : text.charAt(index)
    units.push(index)
    chars.push(char)
    if (isWide(code)) {
      units.push(index + size)
      chars.push(PAD)
    } else if (code >= 0x300 && combiningPattern.test(char)) {
      combining = true
    }
    index += size
  }
  units.push(text.length)
  return {line, text: chars.join(''), units: Int32Array.from(units), combining}
}

/** Index in `tl.line.text` of model column `column` (past the end: extrapolated). */
export function unitAt(tl: TableLine, column: number): number {
  if (tl.units === null) return column
  const last = tl.units.length - 1
  if (column <= last) return tl.units[column] ?? 0
  return (tl.units[last] ?? 0) + column - last
}

/** Source offset of model column `column` of a table line. */
export function offsetAtColumn(source: Source, tl: TableLine, column: number): number {
  return source.offsetAt(tl.line.line, tl.line.col + unitAt(tl, column))
}

/** The text with combining characters removed (docutils' `strip_combining_chars`). */
export function withoutCombining(tl: TableLine): string {
  if (!tl.combining) return tl.text
  const kept: string[] = []
  for (const char of tl.text) if (!combiningPattern.test(char)) kept.push(char)
  return kept.join('')
}

/**
 * docutils' `column_indices` lookup: the string index of column `column`
 * when combining characters take no column.
 */
function stringIndex(tl: TableLine, column: number): number {
  if (!tl.combining) return column
  let seen = 0
  for (let index = 0; index < tl.text.length; index++) {
    if (combiningPattern.test(tl.text.charAt(index))) continue
    if (seen === column) return index
    seen++
  }
  // Past the end: docutils adds the number of combining characters.
  return column + (tl.text.length - seen)
}

/**
 * The text of a cell: lines `top..bottom` (exclusive), columns
 * `left..right`, right-stripped, with the common indentation removed — as
 * docutils' `StringList.get_2D_block`. Each result line points at its text
 * in the source. Like docutils, a line with combining characters shifts the
 * columns used for the lines after it.
 */
export function cellBlock(lines: TableLine[], top: number, bottom: number, left: number, right: number): Line[] {
  const starts: number[] = []
  const ends: number[] = []
  const rows: TableLine[] = []
  let indent = right
  for (let index = top; index < bottom; index++) {
    const tl = lines[index]
    if (tl === undefined) break
    left = stringIndex(tl, left)
    right = stringIndex(tl, right)
    const text = tl.text
    const sliceEnd = Math.min(right, text.length)
    let end = sliceEnd
    while (end > left && isPythonSpace(text.charCodeAt(end - 1))) end--
    let start = left
    if (end > start) {
      let first = start
      while (first < end && isPythonSpace(text.charCodeAt(first))) first++
      indent = Math.min(indent, first - start)
    } else {
      end = start
    }
    rows.push(tl)
    starts.push(start)
    ends.push(end)
  }
  const strip = indent > 0 && indent < right ? indent : 0
  const out: Line[] = []
  for (let index = 0; index < rows.length; index++) {
    const tl = rows[index] as TableLine
    const end = ends[index] ?? 0
    const start = Math.min((starts[index] ?? 0) + strip, Math.max(end, (starts[index] ?? 0)))
    const from = unitAt(tl, start)
    const to = end > start ? unitAt(tl, end) : from
    const text = to > from ? tl.line.text.slice(from, to) : ''
    // An empty line still sits at the cell's text column.
    const col = tl.line.col + (text === '' ? unitAt(tl, (starts[index] ?? 0) + strip) : from)
    out.push({text, line: tl.line.line, col})
  }
  return out
}

/** Python's `str.isspace` for one UTF-16 unit (what `strip()` removes). */
export function isPythonSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13) || (code >= 28 && code <= 31)) return true
  if (code < 0x85) return false
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
}

/** Python's `str.strip()` length test: whether the text is all whitespace. */
export function isBlankText(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isPythonSpace(text.charCodeAt(index))) return false
  return true
}

/** Length of `text` once stripped at both ends, as Python's `len(s.strip())`. */
export function strippedLength(text: string): number {
  let start = 0
  let end = text.length
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end--
  while (start < end && isPythonSpace(text.charCodeAt(start))) start++
  return end - start
}

// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth
// table, merged; enough for the characters docs use (CJK, Hangul, kana,
// fullwidth forms, emoji).
const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f2ff],
  [0x1f300, 0x1f320], [0x1f32d, 0x1f335], [0x1f337, 0x1f37c], [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca],
  [0x1f3cf, 0x1f3d3], [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4], [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440],
  [0x1f442, 0x1f4fc], [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e], [0x1f550, 0x1f567], [0x1f57a, 0x1f57a],
  [0x1f595, 0x1f596], [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f], [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2], [0x1f6d5, 0x1f6d7], [0x1f6eb, 0x1f6ec], [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f93a], [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
]

export function isWide(code: number): boolean {
  if (code < 0x1100) return false
  let low = 0
  let high = wideRanges.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const range = wideRanges[mid] as readonly [number, number]
    if (code < range[0]) high = mid - 1
    else if (code > range[1]) low = mid + 1
    else return true
  }
  return false
}
