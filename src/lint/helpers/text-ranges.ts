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
  const out: Range[] = []
  pushRawRanges(out, node, node.position.start.line === node.position.end.line ? undefined : enclosingEntry(ancestors), source)
  return out
}

/** The innermost table cell (`entry`) of a chain of ancestors, if any. */
export function enclosingEntry(ancestors: readonly RstNode[]): RstNode | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    if (ancestors[index]!.type === 'entry') return ancestors[index]
  }
  return undefined
}

/**
 * Append the source ranges of `node`'s own text to `out`, clipped to the
 * columns of `entry`, the table cell holding it (undefined outside tables).
 * Walks that know the cell already use this instead of `rawRanges`.
 */
export function pushRawRanges(out: Range[], node: RstNode, entry: RstNode | undefined, source: Source): void {
  const start = node.position.start.offset ?? 0
  const end = node.position.end.offset ?? start
  if (!entry || node.position.start.line === node.position.end.line) {
    out.push({start, end})
    return
  }
  const firstColumn = entry.position.start.column
  const lastColumn = entry.position.end.column
  for (let line = node.position.start.line; line <= node.position.end.line; line++) {
    const lineStart = source.lineStarts[line - 1] ?? 0
    const lineEnd = source.lineEnds[line - 1] ?? lineStart
    const from = Math.max(start, lineStart + (line === node.position.start.line ? 0 : firstColumn - 1))
    const to = Math.min(end, lineEnd, lastColumn > firstColumn ? lineStart + lastColumn - 1 : lineEnd)
    if (to > from) out.push({start: from, end: to})
  }
}
