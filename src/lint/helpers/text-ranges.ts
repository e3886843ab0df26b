// Where an inline node's source text is, as offset ranges. A node spanning
// lines of a table cell covers other cells' text too, so in tables each line
// is clipped to the cell's columns; everywhere else it is one range.

import type {Source} from '../../rst/source.ts'
import type {RstNode} from '../../rst/types.ts'

export interface Range {
  start: number
  end: number
}

/** The source ranges of `node`'s own text (the whole node outside tables). */
export function rawRanges(node: RstNode, ancestors: readonly RstNode[], source: Source): Range[] {
  const start = node.position.start.offset ?? 0
  const end = node.position.end.offset ?? start
  if (node.position.start.line === node.position.end.line) return [{start, end}]
  let entry: RstNode | undefined
  for (let index = ancestors.length - 1; index >= 0; index--) {
    if (ancestors[index]!.type === 'entry') {
      entry = ancestors[index]
      break
    }
  }
  if (!entry) return [{start, end}]
  const firstColumn = entry.position.start.column
  const lastColumn = entry.position.end.column
  const ranges: Range[] = []
  for (let line = node.position.start.line; line <= node.position.end.line; line++) {
    const lineStart = source.lineStarts[line - 1] ?? 0
    const lineEnd = source.lineEnds[line - 1] ?? lineStart
    const from = Math.max(start, lineStart + (line === node.position.start.line ? 0 : firstColumn - 1))
    const to = Math.min(end, lineEnd, lastColumn > firstColumn ? lineStart + lastColumn - 1 : lineEnd)
    if (to > from) ranges.push({start: from, end: to})
  }
  return ranges
}
