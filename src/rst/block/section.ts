// Section titles and transitions (docutils' Text.underline and Line states):
// underline-only and over-and-underline titles, their length checks, the
// short-adornment fallbacks to ordinary text, and the level check done by
// the document's SectionSink. Inside nested blocks titles are errors.

import type {Line} from '../lines.ts'
import {columnWidth, normalizeName} from '../symbols.ts'
import type {Inline, Position, Title} from '../types.ts'
import {isAdornmentLine} from './classify.ts'
import {sliceLine} from './indented.ts'
import type {BlockParser} from './parser.ts'
import {SectionSink, type Sink} from './sink.ts'
import {textState} from './text.ts'

const shortUnderline = "Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short."
const shortOverlineNested = "Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short."
const shortOverline = "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short."

/**
 * `lines[index]` followed by an adornment line: a title, or -1 when the two
 * lines are ordinary text (docutils' TransitionCorrection to `text`).
 */
export function underlineTitle(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const titleLine = lines[index]!
  const underline = lines[index + 1]!
  let tooShort: Position | undefined
  if (columnWidth(titleLine.text) > underline.text.length) {
    if (underline.text.length < 4) {
      if (sink.matchTitles) p.report(1, shortUnderline, p.lineSpan(underline))
      return -1
    }
    tooShort = p.lineSpan(underline)
  }
  const blockSpan = p.span(titleLine, 0, underline, underline.text.length)
  if (!(sink instanceof SectionSink)) {
    if (tooShort) p.report(2, 'Title underline too short.', tooShort)
    p.report(4, 'Unexpected section title.', blockSpan)
    return index + 2
  }
  openSection(p, sink, underline.text[0]!, titleLine, blockSpan, tooShort ? ['Title underline too short.', tooShort] : undefined)
  return index + 2
}

/** A line of one repeated punctuation character in Body: overline, transition, or (nested) an error. */
export function adornmentLine(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const line = lines[index]!
  const marker = line.text
  if (!(sink instanceof SectionSink)) {
    if (marker === '::') return textState(p, lines, index, sink)
    if (marker.length < 4) {
      p.report(1, shortOverlineNested, p.lineSpan(line))
      return textState(p, lines, index, sink)
    }
    p.report(4, 'Unexpected section title or transition.', p.lineSpan(line))
    return index + 1
  }
  const short = marker.length < 4
  const next = lines[index + 1]
  if (next === undefined || next.text.length === 0) {
    if (short) return textState(p, lines, index, sink)
    sink.add({type: 'transition', position: p.lineSpan(line)})
    return index + 1
  }
  const nextIndented = next.text.charCodeAt(0) === 32
  if (!nextIndented && isAdornmentLine(next.text)) {
    if (short) {
      p.report(1, shortOverline, p.lineSpan(line))
      return textState(p, lines, index, sink)
    }
    p.report(3, 'Invalid section title or transition marker.', p.span(line, 0, next, next.text.length))
    return index + 2
  }
  const underline = lines[index + 2]
  if (underline === undefined) {
    if (short) {
      p.report(1, shortOverline, p.lineSpan(line))
      return textState(p, lines, index, sink)
    }
    p.report(4, 'Incomplete section title.', p.span(line, 0, next, next.text.length))
    return index + 2
  }
  const whole = p.span(line, 0, underline, underline.text.length)
  let problem: string | undefined
  if (underline.text.charCodeAt(0) === 32 || !isAdornmentLine(underline.text)) {
    problem = 'Missing matching underline for section title overline.'
  } else if (underline.text !== marker) problem = 'Title overline & underline mismatch.'
  if (problem) {
    if (short) {
      p.report(1, shortOverline, p.lineSpan(line))
      return textState(p, lines, index, sink)
    }
    p.report(4, problem, whole)
    return index + 3
  }
  let tooShort: [string, Position] | undefined
  if (columnWidth(next.text) > marker.length) {
    if (short) {
      p.report(1, shortOverline, p.lineSpan(line))
      return textState(p, lines, index, sink)
    }
    tooShort = ['Title overline too short.', whole]
  }
  let indent = 0
  while (next.text.charCodeAt(indent) === 32) indent++
  openSection(p, sink, marker[0]! + underline.text[0]!, sliceLine(next, indent), whole, tooShort, line)
  return index + 3
}

function openSection(
  p: BlockParser,
  sink: SectionSink,
  style: string,
  titleLine: Line,
  whole: Position,
  warning: [string, Position] | undefined,
  overline?: Line,
): void {
  const children = p.parseInline([titleLine])
  const title: Title = {type: 'title', children, position: p.textBlockSpan(children, titleLine, titleLine)}
  const start = overline ? p.span(overline, 0, overline, 0).start : title.position.start
  const result = sink.openSection(style, title, start, [normalizeName(inlineText(children))])
  if (result === 'inconsistent') {
    p.report(4, 'Title level inconsistent:', whole)
    return
  }
  if (warning) p.report(2, warning[0], warning[1])
}

/** The text of inline nodes with markup removed (docutils' `astext()`). */
export function inlineText(nodes: Inline[]): string {
  let out = ''
  for (const node of nodes) {
    if ('children' in node) out += inlineText(node.children)
    else if ('value' in node) out += node.value
  }
  return out
}
