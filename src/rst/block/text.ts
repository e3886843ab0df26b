// docutils' Text state: the second line of a text block decides between a
// paragraph, a definition list item (indented next line) and a section
// title (adornment next line). Paragraphs ending in `::` introduce a literal
// block (indented, or quoted with a repeated punctuation character).

import {indentOf, type Line} from '../lines.ts'
import {codes, isAdornmentChar} from '../symbols.ts'
import type {Block, Classifier, Definition, DefinitionList, DefinitionListItem, Inline, Paragraph, Position, Term} from '../types.ts'
import {unindentWarning} from './body.ts'
import {classifyLine, isAdornmentLine} from './classify.ts'
import {getIndented, sliceLine, textBlockEnd, trimEnd} from './indented.ts'
import {collectItems} from './list-items.ts'
import type {BlockParser} from './parser.ts'
import {underlineTitle} from './section.ts'
import type {Sink} from './sink.ts'

export function textState(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const next = lines[index + 1]
  if (next === undefined || next.text.length === 0) return paragraph(p, lines, index, index + 1, sink)
  if (next.text.charCodeAt(0) === codes.space) return definitionList(p, lines, index, sink)
  if (isAdornmentLine(next.text)) {
    const end = underlineTitle(p, lines, index, sink)
    if (end >= 0) return end
  }
  let end = index + 1
  let unexpected: Line | undefined
  while (end < lines.length) {
    const line = lines[end]!
    if (line.text.length === 0) break
    if (line.text.charCodeAt(0) === codes.space) {
      unexpected = line
      break
    }
    end++
  }
  if (unexpected) p.report(3, 'Unexpected indentation.', p.lineSpan(unexpected))
  return paragraph(p, lines, index, end, sink)
}

/** A paragraph of `lines[start..end)`, then the literal block its `::` announces. */
export function paragraph(p: BlockParser, lines: Line[], start: number, end: number, sink: Sink): number {
  const block = lines.slice(start, end)
  const last = block[block.length - 1]!
  const text = last.text
  let inlineLines = block
  let marker: Position | undefined
  if (endsWithLiteralMarker(text)) {
    marker = p.span(last, text.length - 2, last, text.length)
    if (block.length === 1 && text.length === 2) inlineLines = []
    else if (text.length === 2) inlineLines = block.slice(0, -1)
    else if (text.charCodeAt(text.length - 3) === codes.space) {
      inlineLines = [...block.slice(0, -1), {...last, text: text.slice(0, -3).trimEnd()}]
    } else inlineLines = [...block.slice(0, -1), {...last, text: text.slice(0, -1)}]
  }
  if (inlineLines.length > 0) {
    const children = p.parseInline(inlineLines)
    const node: Paragraph = {
      type: 'paragraph',
      children,
      // Without a `::` cut, the inline text is the whole block: a plain one's text node has its span.
      position: inlineLines === block ? p.textBlockSpan(children, block[0]!, last) : p.span(block[0]!, 0, last, text.length),
    }
    sink.add(node)
  }
  if (marker) return literalBlock(p, lines, end, sink, marker)
  return end
}

/** `::` at the end, not escaped by an odd number of backslashes. */
function endsWithLiteralMarker(text: string): boolean {
  if (!text.endsWith('::')) return false
  let backslashes = 0
  let index = text.length - 3
  while (index >= 0 && text.charCodeAt(index) === codes.backslash) {
    backslashes++
    index--
  }
  return backslashes % 2 === 0
}

/** The literal block after a `::` paragraph, starting at `start` (docutils' `Text.literal_block`). */
export function literalBlock(p: BlockParser, lines: Line[], start: number, sink: Sink, marker: Position): number {
  const block = getIndented(lines, start)
  const content = trimEnd(block.lines)
  if (content.length > 0) {
    sink.add({
      type: 'literal_block',
      value: content.map((line) => line.text).join('\n'),
      form: 'indented',
      position: p.blockSpan(content)!,
    })
    if (!block.blankFinish) unindentWarning(p, lines, block.end, 'Literal block')
    return block.end
  }
  return quotedLiteralBlock(p, lines, start, sink, marker)
}

function quotedLiteralBlock(p: BlockParser, lines: Line[], start: number, sink: Sink, marker: Position): number {
  let first = start
  while (first < lines.length && lines[first]!.text.length === 0) first++
  const line = lines[first]
  if (!line || !isAdornmentChar(line.text.charCodeAt(0))) {
    p.report(2, 'Literal block expected; none found.', line ? p.lineSpan(line) : marker)
    return first
  }
  const quote = line.text.charCodeAt(0)
  let end = first + 1
  while (end < lines.length && lines[end]!.text.charCodeAt(0) === quote) end++
  const after = lines[end]
  if (after && after.text.length > 0) {
    const message = after.text.charCodeAt(0) === codes.space ? 'Unexpected indentation.' : 'Inconsistent literal block quoting.'
    p.report(3, message, p.lineSpan(after))
  }
  const content = lines.slice(first, end)
  sink.add({
    type: 'literal_block',
    value: content.map((item) => item.text).join('\n'),
    form: 'quoted',
    position: p.blockSpan(content)!,
  })
  return end
}

function definitionList(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const list: DefinitionList = {type: 'definition_list', children: [], position: p.lineSpan(lines[index]!)}
  // A term is a text line whose next line is indented (the definition).
  const nextItem = (term: Line, at: number) => {
    const definition = lines[at + 1]
    const isItem =
      classifyLine(term.text).kind === 'text' && definition !== undefined && definition.text.length > 0 && indentOf(definition) > 0
    return isItem ? definitionListItem(p, lines, at) : undefined
  }
  return collectItems(p, lines, sink, list, definitionListItem(p, lines, index), nextItem, 'Definition list')
}

function definitionListItem(p: BlockParser, lines: Line[], index: number): {node: DefinitionListItem; end: number; blankFinish: boolean} {
  const termLine = lines[index]!
  const block = getIndented(lines, index + 1)
  const termNodes = termAndClassifiers(p, termLine)
  if (termLine.text.endsWith('::')) {
    p.report(
      1,
      'Blank line missing before literal block (after the "::")? Interpreted as a definition list item.',
      p.span(termLine, termLine.text.length - 2, termLine, termLine.text.length),
    )
  }
  const children: Block[] = p.nested(block.lines)
  const definition: Definition = {
    type: 'definition',
    children,
    position: p.blockSpan(block.lines) ?? p.point(termLine, termLine.text.length),
  }
  const node: DefinitionListItem = {
    type: 'definition_list_item',
    children: [...termNodes, definition],
    position: p.join(termNodes[0]!.position, definition.position),
  }
  return {node, end: block.end, blankFinish: block.blankFinish}
}

/** A term line split on ` : ` (outside inline markup) into the term and its classifiers. */
function termAndClassifiers(p: BlockParser, line: Line): Array<Term | Classifier> {
  const whole = p.parseInline([line])
  const text = line.text
  const cuts: Array<[number, number]> = []
  let search = 0
  for (;;) {
    const colon = text.indexOf(' : ', search)
    if (colon < 0) break
    let left = colon
    while (left > 0 && text.charCodeAt(left - 1) === codes.space) left--
    let right = colon + 2
    while (right < text.length && text.charCodeAt(right) === codes.space) right++
    if (insideText(p, whole, line, left, right)) cuts.push([left, right])
    search = right
  }
  if (cuts.length === 0) return [{type: 'term', children: whole, position: p.textBlockSpan(whole, line, line)}]
  const out: Array<Term | Classifier> = []
  let start = 0
  for (let part = 0; part <= cuts.length; part++) {
    const end = part < cuts.length ? cuts[part]![0] : text.length
    const segment = sliceLine({...line, text: text.slice(0, end)}, start)
    const children = segment.text.length > 0 ? p.parseInline([segment]) : []
    const position = p.span(line, start, line, end)
    out.push(part === 0 ? {type: 'term', children, position} : {type: 'classifier', children, position})
    if (part < cuts.length) start = cuts[part]![1]
  }
  return out
}

/** Whether source columns `left..right` of `line` fall inside one top-level text node. */
function insideText(p: BlockParser, nodes: Inline[], line: Line, left: number, right: number): boolean {
  const start = p.offset(line, left)
  const end = p.offset(line, right)
  for (const node of nodes) {
    if (node.position.start.offset! <= start && end <= node.position.end.offset!) return node.type === 'text'
  }
  return false
}

/** A doctest block: `>>>` up to the next blank line. */
export function doctestBlock(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const end = textBlockEnd(lines, index)
  const block = lines.slice(index, end)
  sink.add({type: 'doctest_block', value: block.map((line) => line.text).join('\n'), position: p.blockSpan(block)!})
  return end
}
