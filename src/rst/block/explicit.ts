// Explicit markup (`.. ` and `__ `), docutils' Body.explicit_markup and the
// Explicit state: footnotes, citations, hyperlink targets, substitution
// definitions, directives, else a comment. Consecutive explicit constructs
// need no blank line between them; anything else after one does.

import type {Line} from '../lines.ts'
import {codes, isDigit, normalizeName, simpleNameLength} from '../symbols.ts'
import type {Block, Citation, Comment, Footnote} from '../types.ts'
import {isUnindented, unindentWarning} from './body.ts'
import {classifyLine} from './classify.ts'
import {directive} from './directive.ts'
import {getIndented, trimEnd} from './indented.ts'
import type {BlockParser} from './parser.ts'
import type {Sink} from './sink.ts'
import {anonymousTarget, hyperlinkTarget, substitutionDefinition} from './target.ts'

export interface Construct {
  nodes: Block[]
  end: number
  blankFinish: boolean
}

export function explicitList(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  let at = index
  let blankFinish = true
  for (;;) {
    const classified = classifyLine(lines[at]!.text)
    const result =
      classified.kind === 'anonymous'
        ? anonymousTarget(p, lines, at, classified.end)
        : explicitConstruct(p, lines, at, classified.end, sink.matchTitles)
    for (const node of result.nodes) sink.add(node)
    blankFinish = result.blankFinish
    at = Math.max(result.end, at + 1)
    const next = lines[at]
    if (!isUnindented(next)) break
    const kind = classifyLine(next.text).kind
    if (kind !== 'explicit' && kind !== 'anonymous') break
  }
  if (!blankFinish) unindentWarning(p, lines, at, 'Explicit markup')
  return at
}

/** Which explicit construct `lines[index]` starts (docutils' `explicit_construct`). */
function explicitConstruct(p: BlockParser, lines: Line[], index: number, markerEnd: number, topLevel: boolean): Construct {
  const text = lines[index]!.text
  // `markerEnd` is past `..` and its spaces; the constructs need at least one space.
  if (markerEnd > 2) {
    const first = text.charCodeAt(markerEnd)
    if (first === codes.leftBracket) {
      const label = footnoteLabel(text, markerEnd + 1)
      if (label) return footnoteOrCitation(p, lines, index, markerEnd, label)
    } else if (first === codes.underscore && markerEnd + 1 < text.length && text.charCodeAt(markerEnd + 1) !== codes.space) {
      return hyperlinkTarget(p, lines, index, markerEnd + 1)
    } else if (first === codes.verticalBar && markerEnd + 1 < text.length && text.charCodeAt(markerEnd + 1) !== codes.space) {
      return substitutionDefinition(p, lines, index, markerEnd + 1)
    }
    const nameLength = simpleNameLength(text, markerEnd)
    if (nameLength > 0) {
      let at = markerEnd + nameLength
      if (text.charCodeAt(at) === codes.space) at++
      if (text.startsWith('::', at) && (at + 2 === text.length || text.charCodeAt(at + 2) === codes.space)) {
        let end = at + 2
        while (text.charCodeAt(end) === codes.space) end++
        return directive(p, lines, index, markerEnd, markerEnd + nameLength, end, topLevel)
      }
    }
  }
  return comment(p, lines, index, markerEnd)
}

interface Label {
  text: string
  kind: 'number' | 'auto' | 'auto-named' | 'symbol' | 'citation'
  /** Index past `]` and the spaces after it. */
  end: number
}

/** The footnote/citation label after `[` at `start`: `1`, `#`, `#name`, `*`, or a simple name. */
function footnoteLabel(text: string, start: number): Label | undefined {
  let index = start
  let kind: Label['kind']
  const first = text.charCodeAt(index)
  if (isDigit(first)) {
    while (isDigit(text.charCodeAt(index))) index++
    kind = 'number'
  } else if (first === codes.hash) {
    index++
    const length = simpleNameLength(text, index)
    index += length
    kind = length > 0 ? 'auto-named' : 'auto'
  } else if (first === codes.asterisk) {
    index++
    kind = 'symbol'
  } else {
    const length = simpleNameLength(text, index)
    if (length === 0) return undefined
    index += length
    kind = 'citation'
  }
  if (text.charCodeAt(index) !== codes.rightBracket) {
    // `[12abc]` is no footnote label but may be a citation label.
    if (kind !== 'number') return undefined
    const length = simpleNameLength(text, start)
    if (length === 0 || text.charCodeAt(start + length) !== codes.rightBracket) return undefined
    index = start + length
    kind = 'citation'
  }
  const label = text.slice(start, index)
  index++
  if (index < text.length && text.charCodeAt(index) !== codes.space) return undefined
  while (text.charCodeAt(index) === codes.space) index++
  return {text: label, kind, end: index}
}

function footnoteOrCitation(p: BlockParser, lines: Line[], index: number, markerEnd: number, label: Label): Construct {
  const line = lines[index]!
  const block = getIndented(lines, index, {firstIndent: label.end})
  const children = block.lines.length > 0 ? p.nested(block.lines) : []
  const content = p.blockSpan(block.lines)
  const head = p.span(line, 0, line, label.end > line.text.length ? line.text.length : label.end)
  const position = content ? p.join(head, content) : p.span(line, 0, line, markerEnd + label.text.length + 2)
  const name = normalizeName(label.text)
  let node: Footnote | Citation
  if (label.kind === 'citation') node = {type: 'citation', label: label.text, names: [name], children, position}
  else if (label.kind === 'auto' || label.kind === 'auto-named') {
    node = {type: 'footnote', label: label.text, auto: '1', names: name.length > 1 ? [name.slice(1)] : [], children, position}
  } else if (label.kind === 'symbol') node = {type: 'footnote', label: label.text, auto: '*', names: [], children, position}
  else node = {type: 'footnote', label: label.text, names: [name], children, position}
  return {nodes: [node], end: block.end, blankFinish: block.blankFinish}
}

/** docutils' `comment`: everything else after `..`; a lone `..` before a blank line is an empty comment. */
export function comment(p: BlockParser, lines: Line[], index: number, markerEnd: number): Construct {
  const line = lines[index]!
  const next = lines[index + 1]
  if ((next === undefined || next.text.length === 0) && line.text.length <= markerEnd) {
    const node: Comment = {type: 'comment', value: '', position: p.lineSpan(line)}
    return {nodes: [node], end: index + 1, blankFinish: true}
  }
  const block = getIndented(lines, index, {firstIndent: markerEnd})
  const content = trimEnd(block.lines)
  const contentSpan = p.blockSpan(content)
  const marker = p.span(line, 0, line, Math.min(2, line.text.length))
  const node: Comment = {
    type: 'comment',
    value: content.map((item) => item.text).join('\n'),
    position: contentSpan ? p.join(marker, contentSpan) : marker,
  }
  return {nodes: [node], end: block.end, blankFinish: block.blankFinish}
}
