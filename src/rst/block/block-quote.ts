// Block quotes (an indented block in Body, docutils' Body.indent and
// `block_quote`), with attributions: a `--`/`---`/em-dash line after a blank
// line ends one quote; what follows it starts another.

import type {Line} from '../lines.ts'
import {codes} from '../symbols.ts'
import type {Attribution, BlockQuote} from '../types.ts'
import {unindentWarning} from './body.ts'
import {dedentAll, getIndented, sliceLine} from './indented.ts'
import type {BlockParser} from './parser.ts'
import type {Sink} from './sink.ts'

export function blockQuote(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const block = getIndented(lines, index)
  let rest = block.lines
  while (rest.length > 0) {
    const split = splitAttribution(rest)
    const quoteLines = split ? rest.slice(0, split.start) : rest
    const node: BlockQuote = {type: 'block_quote', children: p.nested(quoteLines), position: p.blockSpan(quoteLines)!}
    if (split) {
      const first = rest[split.start]!
      const attributionLines = [sliceLine(first, split.markerEnd), ...dedentAll(rest.slice(split.start + 1, split.end), split.indent)]
      const attribution: Attribution = {
        type: 'attribution',
        children: p.parseInline(attributionLines),
        position: p.join(p.lineSpan(first), p.blockSpan(attributionLines)!),
      }
      node.children.push(attribution)
      node.position = p.join(node.position, attribution.position)
      rest = rest.slice(split.end)
      let skip = 0
      while (skip < rest.length && rest[skip]!.text.length === 0) skip++
      rest = rest.slice(skip)
    } else rest = []
    sink.add(node)
  }
  if (!block.blankFinish) unindentWarning(p, lines, block.end, 'Block quote')
  return block.end
}

interface AttributionSplit {
  start: number
  end: number
  markerEnd: number
  indent: number
}

function splitAttribution(lines: Line[]): AttributionSplit | undefined {
  let blank = -2
  let nonblankSeen = false
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text
    if (text.length === 0) {
      blank = index
      continue
    }
    if (nonblankSeen && blank === index - 1) {
      const markerEnd = matchAttribution(text)
      if (markerEnd > 0) {
        const checked = checkAttribution(lines, index)
        if (checked) return {start: index, end: checked.end, markerEnd, indent: checked.indent}
      }
    }
    nonblankSeen = true
  }
  return undefined
}

/** `(---?(?!-)|\u2014) *(?=[^ \n])`: the index past the dash and spaces, or -1. */
function matchAttribution(text: string): number {
  let index: number
  if (text.charCodeAt(0) === codes.emDash) index = 1
  else if (text.startsWith('--')) {
    index = text.charCodeAt(2) === codes.dash ? 3 : 2
    if (text.charCodeAt(index) === codes.dash) return -1
  } else return -1
  while (text.charCodeAt(index) === codes.space) index++
  return index < text.length ? index : -1
}

/** docutils' `check_attribution`: following lines share one indentation, up to a blank line. */
function checkAttribution(lines: Line[], start: number): {end: number; indent: number} | undefined {
  let indent: number | undefined
  let index = start + 1
  for (; index < lines.length; index++) {
    const text = lines[index]!.text
    if (text.length === 0) break
    let width = 0
    while (text.charCodeAt(width) === codes.space) width++
    if (indent === undefined) indent = width
    else if (width !== indent) return undefined
  }
  return {end: Math.min(index, lines.length), indent: indent ?? 0}
}
