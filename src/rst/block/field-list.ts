// Field lists (`:name: body`) and option lists (`-a, --all  description`),
// docutils' Body.field_marker / Body.option_marker and their list states.
// An option line without a description is ordinary text.

import type {Line} from '../lines.ts'
import type {Field, FieldList, FieldName, OptionList, OptionListItem, OptionNode, Position} from '../types.ts'
import {classifyLine, type Classified} from './classify.ts'
import {getIndented} from './indented.ts'
import {collectItems} from './list-items.ts'
import type {BlockParser} from './parser.ts'
import type {Sink} from './sink.ts'

export function fieldList(p: BlockParser, lines: Line[], index: number, sink: Sink, first: Classified): number {
  const list: FieldList = {type: 'field_list', children: [], position: p.lineSpan(lines[index]!)}
  const nextItem = (next: Line, at: number) => {
    const classified = classifyLine(next.text)
    return classified.kind === 'field' ? field(p, lines, at, classified.end) : undefined
  }
  return collectItems(p, lines, sink, list, field(p, lines, index, first.end), nextItem, 'Field list')
}

/** The field name, parsed as a text block of its own (`nameLine`). */
function fieldName(p: BlockParser, nameLine: Line): FieldName {
  const children = p.parseInline([nameLine])
  return {type: 'field_name', children, position: p.textBlockSpan(children, nameLine, nameLine)}
}

function field(p: BlockParser, lines: Line[], index: number, markerEnd: number): {node: Field; end: number; blankFinish: boolean} {
  const line = lines[index]!
  // The name ends at the last colon of the marker (docutils' `parse_field_marker`).
  const nameEnd = line.text.lastIndexOf(':', markerEnd - 1)
  const nameLine: Line = {text: line.text.slice(1, nameEnd), line: line.line, col: line.col + 1}
  const block = getIndented(lines, index, {firstIndent: markerEnd})
  const bodySpan = p.blockSpan(block.lines)
  const markerSpan = p.span(line, 0, line, nameEnd + 1)
  const node: Field = {
    type: 'field',
    children: [
      fieldName(p, nameLine),
      {
        type: 'field_body',
        children: block.lines.length > 0 ? p.nested(block.lines) : [],
        position: bodySpan ?? p.point(line, nameEnd + 1),
      },
    ],
    position: bodySpan ? p.join(markerSpan, bodySpan) : markerSpan,
  }
  return {node, end: block.end, blankFinish: block.blankFinish}
}

/** An option list, or -1 when the first option line has no description (it is text). */
export function optionList(p: BlockParser, lines: Line[], index: number, sink: Sink, first: Classified): number {
  const firstItem = optionListItem(p, lines, index, first.end)
  if (!firstItem) return -1
  const list: OptionList = {type: 'option_list', children: [firstItem.node], position: firstItem.node.position}
  const nextItem = (next: Line, at: number) => {
    const classified = classifyLine(next.text)
    return classified.kind === 'option' ? optionListItem(p, lines, at, classified.end) : undefined
  }
  return collectItems(p, lines, sink, list, firstItem, nextItem, 'Option list')
}

function optionListItem(
  p: BlockParser,
  lines: Line[],
  index: number,
  markerEnd: number,
): {node: OptionListItem; end: number; blankFinish: boolean} | undefined {
  const line = lines[index]!
  const block = getIndented(lines, index, {firstIndent: markerEnd})
  if (block.lines.length === 0) return undefined
  const options = parseOptionMarker(p, line, markerEnd)
  if (!options) return undefined
  const descriptionSpan = p.blockSpan(block.lines)!
  const groupSpan: Position = p.join(options[0]!.position, options[options.length - 1]!.position)
  return {
    node: {
      type: 'option_list_item',
      children: [
        {type: 'option_group', children: options, position: groupSpan},
        {type: 'description', children: p.nested(block.lines), position: descriptionSpan},
      ],
      position: p.join(groupSpan, descriptionSpan),
    },
    end: block.end,
    blankFinish: block.blankFinish,
  }
}

/** docutils' `parse_option_marker`: options separated by `, `, each a string and an optional argument. */
function parseOptionMarker(p: BlockParser, line: Line, markerEnd: number): OptionNode[] | undefined {
  const marker = line.text.slice(0, markerEnd).trimEnd()
  const options: OptionNode[] = []
  let start = 0
  for (const optionString of marker.split(', ')) {
    const end = start + optionString.length
    const tokens = optionString.split(/\s+/).filter((token) => token.length > 0)
    let delimiter = ' '
    const head = tokens[0] ?? ''
    const equals = head.indexOf('=')
    if (equals >= 0) {
      tokens.splice(0, 1, head.slice(0, equals), head.slice(equals + 1))
      delimiter = '='
    } else if (head.length > 2 && ((head.startsWith('-') && !head.startsWith('--')) || head.startsWith('+'))) {
      tokens.splice(0, 1, head.slice(0, 2), head.slice(2))
      delimiter = ''
    }
    if (tokens.length > 1 && tokens[1]!.startsWith('<') && tokens[tokens.length - 1]!.endsWith('>')) {
      tokens.splice(1, tokens.length - 1, tokens.slice(1).join(' '))
    }
    if (tokens.length === 0 || tokens.length > 2) return undefined
    const name = tokens[0]!
    const option: OptionNode = {
      type: 'option',
      children: [{type: 'option_string', value: name, position: p.span(line, start, line, start + name.length)}],
      position: p.span(line, start, line, end),
    }
    if (tokens.length > 1) {
      const argStart = start + name.length + delimiter.length
      option.children.push({type: 'option_argument', value: tokens[1]!, delimiter, position: p.span(line, argStart, line, end)})
    }
    options.push(option)
    start = end + 2
  }
  return options
}
