// Stand-in for the inline parser while `src/rst/inline/index.ts` is being
// written: one `text` node per text block, so block structure and positions
// can be built and tested on their own.

import type {ParseContext} from '../context.ts'
import {indentOf, type Line} from '../lines.ts'
import type {Inline} from '../types.ts'

export function parseInline(lines: Line[], ctx: ParseContext): Inline[] {
  const first = lines[0]
  const last = lines[lines.length - 1]
  if (!first || !last) return []
  const value = lines.map((line) => line.text.trim()).join('\n')
  if (value.length === 0) return []
  const source = ctx.source
  const start = source.offsetAt(first.line, first.col + indentOf(first))
  const end = source.offsetAt(last.line, last.col + last.text.length)
  return [{type: 'text', value, position: source.position(start, end)}]
}
