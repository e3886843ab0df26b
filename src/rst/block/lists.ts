// Bullet and enumerated lists (docutils' Body.bullet / Body.enumerator and
// the BulletList / EnumeratedList states): items continue while the next
// construct is an item of the same list; anything else ends the list, with a
// warning when no blank line separates them.

import type {Line} from '../lines.ts'
import type {BulletList, EnumeratedList, ListItem} from '../types.ts'
import {classifyLine, type Classified, type EnumFormat} from './classify.ts'
import {formatAffixes, makeEnumerator, parseEnumerator, type Sequence} from './enumerator.ts'
import {getIndented} from './indented.ts'
import {collectItems} from './list-items.ts'
import type {BlockParser} from './parser.ts'
import type {Sink} from './sink.ts'

/** docutils' `list_item`: the item's block starts after the marker. */
export function listItem(p: BlockParser, lines: Line[], index: number, markerEnd: number): {node: ListItem; end: number; blankFinish: boolean} {
  const line = lines[index]!
  const block =
    line.text.length > markerEnd
      ? getIndented(lines, index, {blockIndent: markerEnd})
      : getIndented(lines, index, {firstIndent: markerEnd})
  const children = block.lines.length > 0 ? p.nested(block.lines) : []
  const content = p.blockSpan(block.lines)
  const markerSpan = p.span(line, 0, line, Math.min(markerEnd, line.text.length))
  const node: ListItem = {type: 'list_item', children, position: content ? p.join(markerSpan, content) : markerSpan}
  // The item ends at its last child (a nested literal block may stop before trailing text).
  return {node, end: block.end, blankFinish: block.blankFinish}
}

export function bulletList(p: BlockParser, lines: Line[], index: number, sink: Sink, first: Classified): number {
  const bullet = lines[index]!.text[0]!
  const list: BulletList = {type: 'bullet_list', bullet, children: [], position: p.lineSpan(lines[index]!)}
  const nextItem = (next: Line, at: number) => {
    if (next.text[0] !== bullet) return undefined
    const classified = classifyLine(next.text)
    return classified.kind === 'bullet' ? listItem(p, lines, at, classified.end) : undefined
  }
  return collectItems(p, lines, sink, list, listItem(p, lines, index, first.end), nextItem, 'Bullet list')
}

/** An enumerated list, or -1 when the first enumerator is not a list item (it is text). */
export function enumeratedList(p: BlockParser, lines: Line[], index: number, sink: Sink, first: Classified): number {
  const match = first.enumerator!
  const {sequence, ordinal} = parseEnumerator(match.text)
  if (ordinal === undefined || !isEnumeratedListItem(lines, index, ordinal, sequence, match.format)) return -1
  const enumtype = sequence === '#' ? 'arabic' : sequence
  const {prefix, suffix} = formatAffixes(match.format)
  const line = lines[index]!
  const list: EnumeratedList = {type: 'enumerated_list', enumtype, prefix, suffix, start: ordinal, children: [], position: p.lineSpan(line)}
  if (ordinal !== 1) {
    const markerLength = prefix.length + match.text.length + suffix.length
    p.report(1, `Enumerated list start value not ordinal-1: "${match.text}" (ordinal ${ordinal})`, p.span(line, 0, line, markerLength))
  }
  let auto = sequence === '#'
  let last = ordinal
  const nextItem = (next: Line, at: number) => {
    const classified = classifyLine(next.text)
    if (classified.kind !== 'enumerator') return undefined
    const nextMatch = classified.enumerator!
    const parsed = parseEnumerator(nextMatch.text, enumtype)
    if (
      nextMatch.format !== match.format ||
      (parsed.sequence !== '#' && (parsed.sequence !== enumtype || auto || parsed.ordinal !== last + 1)) ||
      parsed.ordinal === undefined ||
      !isEnumeratedListItem(lines, at, parsed.ordinal, parsed.sequence, nextMatch.format)
    )
      return undefined
    if (parsed.sequence === '#') auto = true
    last = parsed.ordinal
    return listItem(p, lines, at, classified.end)
  }
  return collectItems(p, lines, sink, list, listItem(p, lines, index, first.end), nextItem, 'Enumerated list')
}

/** docutils' `is_enumerated_list_item`: the next line is blank, indented, or the next enumerator. */
function isEnumeratedListItem(lines: Line[], index: number, ordinal: number, sequence: Sequence, format: EnumFormat): boolean {
  const next = lines[index + 1]
  if (!next || next.text.length === 0 || next.text.charCodeAt(0) === 32) return true
  const markers = makeEnumerator(ordinal + 1, sequence, format)
  if (!markers) return false
  return next.text.startsWith(markers[0]) || next.text.startsWith(markers[1])
}
