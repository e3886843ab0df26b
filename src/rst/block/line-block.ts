// Line blocks (`| text` lines, docutils' Body.line_block and LineBlock
// state): continuation lines are indented; a line indented further than its
// neighbours (spaces after the `|`) opens a nested line block.

import type {Line} from '../lines.ts'
import type {LineBlock, LineNode} from '../types.ts'
import {isUnindented} from './body.ts'
import {classifyLine} from './classify.ts'
import {getIndented, trimEnd} from './indented.ts'
import type {BlockParser} from './parser.ts'
import type {Sink} from './sink.ts'

interface Item {
  node: LineNode
  indent: number | undefined
}

export function lineBlock(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const items: Item[] = []
  let at = index
  let blankFinish = true
  for (;;) {
    const line = lines[at]!
    const markerEnd = classifyLine(line.text).end
    const block = getIndented(lines, at, {firstIndent: markerEnd, untilBlank: true})
    const content = trimEnd(block.lines)
    const contentSpan = p.blockSpan(content)
    const markerSpan = p.span(line, 0, line, 1)
    items.push({
      node: {type: 'line', children: content.length > 0 ? p.parseInline(content) : [], position: contentSpan ? p.join(markerSpan, contentSpan) : markerSpan},
      indent: line.text === '|' ? undefined : markerEnd - 2,
    })
    blankFinish = block.blankFinish
    at = block.end
    if (blankFinish) break
    const next = lines[at]
    if (!isUnindented(next) || classifyLine(next.text).kind !== 'line_block') break
  }
  if (!blankFinish && lines[at]) p.report(2, 'Line block ends without a blank line.', p.lineSpan(lines[at]!))
  let previous = 0
  for (const item of items) {
    if (item.indent === undefined) item.indent = previous
    previous = item.indent
  }
  sink.add(nest(p, items))
  return at
}

/** docutils' `nest_line_block_segment`: lines indented past the least indent form nested blocks. */
function nest(p: BlockParser, items: Item[]): LineBlock {
  let least = Infinity
  for (const item of items) least = Math.min(least, item.indent!)
  const children: Array<LineNode | LineBlock> = []
  let pending: Item[] = []
  for (const item of items) {
    if (item.indent! > least) pending.push(item)
    else {
      if (pending.length > 0) children.push(nest(p, pending))
      pending = []
      children.push(item.node)
    }
  }
  if (pending.length > 0) children.push(nest(p, pending))
  return {type: 'line_block', children, position: p.join(children[0]!.position, children[children.length - 1]!.position)}
}
