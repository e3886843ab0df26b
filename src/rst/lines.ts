// A block of lines as the block parser sees them: each line's text from some
// expanded column on (after a nested block's indentation is removed), plus
// where it sits in the source, so any column maps back to an exact offset.

import type {Source} from './source.ts'
import type {Position} from './types.ts'

export interface Line {
  /** The line's text from expanded column `col` on (tabs expanded, trailing whitespace stripped). */
  text: string
  /** 0-based source line. */
  line: number
  /** Expanded column (0-based) in the source line where `text[0]` sits. */
  col: number
}

/** The lines of a whole source, as the document's top-level block. */
export function sourceLines(source: Source): Line[] {
  // A plain loop: `map` calls back into JS once per line, which costs more cold.
  const texts = source.lines
  const lines = new Array<Line>(texts.length)
  for (let line = 0; line < texts.length; line++) lines[line] = {text: texts[line] as string, line, col: 0}
  return lines
}

export function isBlank(line: Line): boolean {
  return line.text.length === 0
}

/** Width of the leading spaces (tabs are already expanded). */
export function indentOf(line: Line): number {
  const text = line.text
  if (text.charCodeAt(0) !== 32) return 0
  // A native search, not a loop over the spaces (cold code runs interpreted).
  nonSpace.lastIndex = 1
  return nonSpace.test(text) ? nonSpace.lastIndex - 1 : text.length
}

const nonSpace = /[^ ]/g

/** The line with its first `width` columns removed (an indented block's content). */
export function dedent(line: Line, width: number): Line {
  return width === 0 ? line : {text: line.text.slice(width), line: line.line, col: line.col + width}
}

/** Source offset of character `index` of a block line. */
export function offsetOf(source: Source, line: Line, index: number): number {
  return source.offsetAt(line.line, line.col + index)
}

/** The position from character `startIndex` of `first` to character `endIndex` of `last`. */
export function spanOf(source: Source, first: Line, startIndex: number, last: Line, endIndex: number): Position {
  return source.position(offsetOf(source, first, startIndex), offsetOf(source, last, endIndex))
}

/**
 * A copy of an array built by `push`, sized exactly: a pushed-to array keeps
 * room for 16+ more items, which for the many one-child nodes of a big
 * document is most of the tree's memory (and GC work).
 */
export function exact<T>(items: T[]): T[] {
  return items.length === 0 ? [] : items.slice()
}
