// Title adornments read back from the source: docutils keeps only the title
// text in the tree, but underline/overline fixes and level messages need the
// adornment lines themselves.

import type {Source} from '../../rst/source.ts'
import {rstrip} from '../../rst/source.ts'

export interface Adornment {
  /** 0-based line. */
  line: number
  char: string
  /** Length of the adornment (trailing whitespace excluded). */
  length: number
  /** Offsets of the adornment characters in the original text. */
  start: number
  end: number
}

/** A line of one punctuation character, repeated. */
const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/

/** The adornment on 0-based `line`, if it is one run of one punctuation character. */
export function adornmentAt(source: Source, line: number): Adornment | undefined {
  const text = source.lines[line]
  if (text === undefined || text.length === 0) return undefined
  // One punctuation character, repeated (one native test).
  if (!ADORNMENT.test(text)) return undefined
  const char = text[0]!
  const start = source.lineStarts[line] ?? 0
  const raw = rstrip(source.text.slice(start, source.lineEnds[line] ?? start))
  return {line, char, length: text.length, start, end: start + raw.length}
}

/** How a title style reads in a message: `===` underline, or `===` over- and underline. */
export function describeStyle(style: string): string {
  const char = style[0] ?? '?'
  return style.length > 1 ? `\`${char.repeat(3)}\` over- and underlined` : `\`${char.repeat(3)}\` underlined`
}
