// docutils' indented-block extraction (`StringList.get_indented` and the
// state machine's `get_indented` / `get_known_indented` /
// `get_first_known_indented`): which lines belong to a construct's body,
// how much indentation is removed, and whether the block ended on a blank line.

import {dedent, indentOf, type Line} from '../lines.ts'

export interface IndentedBlock {
  /** The block's lines, indentation removed (leading blank lines dropped unless `stripTop` is false). */
  lines: Line[]
  /** Index (in the scanned array) just past the block. */
  end: number
  /** Whether the block ended with a blank line or at the end of input. */
  blankFinish: boolean
  /** The indentation removed from the lines after the first. */
  indent: number
}

export interface IndentedOptions {
  untilBlank?: boolean
  stripIndent?: boolean
  /** The indent of every line is known (`get_known_indented`). */
  blockIndent?: number
  /** The indent of the first line is known: it is cut there (`get_first_known_indented`). */
  firstIndent?: number
  /** Drop leading blank lines (default true). */
  stripTop?: boolean
}

export function getIndented(lines: Line[], start: number, options: IndentedOptions = {}): IndentedBlock {
  const blockIndent = options.blockIndent
  let firstIndent = options.firstIndent
  if (blockIndent !== undefined && firstIndent === undefined) firstIndent = blockIndent
  let indent: number | undefined = blockIndent
  let end = start
  if (firstIndent !== undefined) end++
  let blankFinish = true
  const last = lines.length
  // With a known indent, whether a line has it is one native `startsWith`.
  const prefix = blockIndent !== undefined && blockIndent > 0 ? spaces(blockIndent) : undefined
  while (end < last) {
    const line = lines[end]!
    const text = line.text
    if (text.length > 0) {
      if (prefix !== undefined) {
        if (!text.startsWith(prefix)) {
          blankFinish = end > start && lines[end - 1]!.text.length === 0
          break
        }
        end++
        continue
      }
      const lineIndent = indentOf(line)
      if (lineIndent === 0 || (blockIndent !== undefined && lineIndent < blockIndent)) {
        // Not indented enough: the block finished properly iff its last line is blank.
        blankFinish = end > start && lines[end - 1]!.text.length === 0
        break
      }
      if (blockIndent === undefined) indent = indent === undefined ? lineIndent : Math.min(indent, lineIndent)
    } else if (options.untilBlank) {
      blankFinish = true
      break
    }
    end++
  }
  // Leading blank lines are dropped (unless `stripTop` is false); the first
  // line, cut at `firstIndent`, counts as blank if nothing is left of it.
  let from = start
  let first: Line | undefined
  if (firstIndent !== undefined && start < end) {
    first = sliceLine(lines[start]!, firstIndent)
    if (first.text.length === 0 && options.stripTop !== false) first = undefined
    from++
  }
  if (first === undefined && options.stripTop !== false) while (from < end && lines[from]!.text.length === 0) from++
  // One native slice, then lines replaced in place: `push` would grow the
  // array step by step and leave it with room for 16 more.
  const block = lines.slice(first === undefined ? from : from - 1, end)
  let index = 0
  if (first !== undefined) block[index++] = first
  if (indent && options.stripIndent !== false) {
    for (; index < block.length; index++) {
      const line = block[index]!
      if (line.text.length !== 0) block[index] = dedent(line, indent)
    }
  }
  return {lines: block, end, blankFinish, indent: indent ?? 0}
}

const spaceRuns: string[] = []

/** `width` spaces (made once per width). */
function spaces(width: number): string {
  return (spaceRuns[width] ??= ' '.repeat(width))
}

/** The line from character `index` on (may be past its end: an empty line at that column). */
export function sliceLine(line: Line, index: number): Line {
  if (index === 0) return line
  if (index >= line.text.length) return {text: '', line: line.line, col: line.col + index}
  return {text: line.text.slice(index), line: line.line, col: line.col + index}
}

/** The block without its trailing blank lines. */
export function trimEnd(lines: Line[]): Line[] {
  let end = lines.length
  while (end > 0 && lines[end - 1]!.text.length === 0) end--
  return end === lines.length ? lines : lines.slice(0, end)
}

/** A text block (`get_text_block`): lines from `start` up to the next blank line. */
export function textBlockEnd(lines: Line[], start: number): number {
  let end = start
  while (end < lines.length && lines[end]!.text.length > 0) end++
  return end
}

/** Drop the first `width` columns of every line but blank ones. */
export function dedentAll(lines: Line[], width: number): Line[] {
  return lines.map((line) => (line.text.length === 0 ? line : dedent(line, width)))
}
