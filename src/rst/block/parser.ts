// The block parser's shared state for one document: the source, the problem
// sink, section title styles, and the nested-parse entry point (docutils'
// nested state machine per indented block) with a depth guard, so deeply
// nested input degrades to a literal block instead of exhausting the stack.

import type {NestedOptions, ParseContext} from '../context.ts'
import {indentOf, offsetOf, type Line} from '../lines.ts'
import type {Source} from '../source.ts'
import type {Block, Inline, Position, Problem, ProblemLevel} from '../types.ts'
import {parseBody} from './body.ts'
import {inlineParser, wholeBlockText} from './external.ts'
import {ListSink, type Sink} from './sink.ts'

/** Nesting beyond this depth is not parsed further (docutils would recurse until Python's limit). */
export const MAX_DEPTH = 100

export class BlockParser implements ParseContext {
  readonly source: Source
  readonly problems: Problem[] = []
  /** Section title styles in order of first appearance (docutils' `memo.title_styles`). */
  readonly titleStyles: string[] = []
  depth = 0

  constructor(source: Source) {
    this.source = source
  }

  report(level: ProblemLevel, text: string, position: Position, phase: Problem['phase'] = 'parse'): void {
    this.problems.push({level, text, position, phase})
  }

  parseBlocks(lines: Line[], options?: NestedOptions): Block[] {
    return this.nested(lines)
  }

  parseInline(lines: Line[]): Inline[] {
    return inlineParser(lines, this)
  }

  /** A nested parse of an indented block (section titles not allowed). */
  nested(lines: Line[]): Block[] {
    const sink = new ListSink()
    this.run(lines, sink)
    return sink.exactNodes()
  }

  /** Run the body state machine over `lines` into `sink`, guarding the depth. */
  run(lines: Line[], sink: Sink): void {
    if (this.depth >= MAX_DEPTH) {
      const node = this.literalFallback(lines)
      if (node) sink.add(node)
      return
    }
    this.depth++
    try {
      parseBody(this, lines, sink)
    } finally {
      this.depth--
    }
  }

  private literalFallback(lines: Line[]): Block | undefined {
    const position = this.blockSpan(lines)
    if (!position) return undefined
    let min = Infinity
    for (const line of lines) if (line.text.length > 0) min = Math.min(min, indentOf(line))
    const value = trimmedTexts(lines).map((line) => line.text.slice(min)).join('\n')
    return {type: 'literal_block', value, form: 'indented', position}
  }

  offset(line: Line, index: number): number {
    return offsetOf(this.source, line, index)
  }

  span(first: Line, startIndex: number, last: Line, endIndex: number): Position {
    // `pointIn` written out: every block node's position comes through here.
    const source = this.source
    return {start: source.pointAtColumn(first.line, first.col + startIndex), end: source.pointAtColumn(last.line, last.col + endIndex)}
  }

  /**
   * The span of a text block parsed whole by `parseInline(lines)` (`first`
   * and `last` its first and last line) from column 0 of `first` to the end
   * of `last`; shared with the block's one plain text node when it has one.
   */
  textBlockSpan(children: Inline[], first: Line, last: Line): Position {
    const plain = wholeBlockText(children)
    return plain !== undefined ? plain.position : this.span(first, 0, last, last.text.length)
  }

  /** A line from its first non-space character to its end. */
  lineSpan(line: Line): Position {
    return this.span(line, indentOf(line), line, line.text.length)
  }

  /** From the first non-blank line's first character to the last non-blank line's end. */
  blockSpan(lines: Line[]): Position | undefined {
    let first = 0
    while (first < lines.length && lines[first]!.text.length === 0) first++
    let last = lines.length - 1
    while (last >= first && lines[last]!.text.length === 0) last--
    if (first > last) return undefined
    const start = lines[first]!
    const end = lines[last]!
    return this.span(start, indentOf(start), end, end.text.length)
  }

  /** A zero-width position at character `index` of `line`. */
  point(line: Line, index: number): Position {
    return this.span(line, index, line, index)
  }

  /** The position from the start of `start` to the end of `end`. */
  join(start: Position, end: Position): Position {
    return {start: start.start, end: (end.end.offset ?? 0) >= (start.start.offset ?? 0) ? end.end : start.end}
  }
}

/** The lines without leading and trailing blank lines. */
export function trimmedTexts(lines: Line[]): Line[] {
  let first = 0
  while (first < lines.length && lines[first]!.text.length === 0) first++
  let last = lines.length
  while (last > first && lines[last - 1]!.text.length === 0) last--
  return lines.slice(first, last)
}
