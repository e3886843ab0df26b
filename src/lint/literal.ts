// Offset ranges of literal content (literal and doctest blocks, the content of
// directives kept raw such as `code-block`, inline literals; code in Markdown),
// computed once per file and shared by the rules that must leave code alone.

import type {LintedFile} from './types.ts'

export type Range = readonly [start: number, end: number]

const cache = new WeakMap<object, Range[]>()

interface AnyNode {
  type: string
  position?: {start: {offset?: number}; end: {offset?: number}}
  children?: AnyNode[]
  body?: string
  contentPosition?: {start: {offset?: number}; end: {offset?: number}}
}

/** Sorted, non-nested literal ranges of the file. */
export function literalRanges(file: LintedFile): Range[] {
  const tree = (file.rst ?? file.markdown) as AnyNode | undefined
  if (!tree) return []
  let ranges = cache.get(tree)
  if (ranges) return ranges
  const found: Range[] = []
  const {text, source} = file
  const add = (position: AnyNode['position'], wholeLines = false) => {
    if (!position) return
    let start = position.start.offset ?? 0
    if (wholeLines) {
      // A block's first line starts after its indentation; the indentation
      // of a literal block's lines belongs to the block too.
      const lineStart = source.lineStarts[source.lineOfOffset(start)] ?? start
      if (text.slice(lineStart, start).trim() === '') start = lineStart
    }
    found.push([start, position.end.offset ?? 0])
  }
  const walk = (node: AnyNode): void => {
    switch (node.type) {
      case 'literal_block':
      case 'doctest_block':
      case 'code':
        add(node.position, true)
        return
      case 'literal':
      case 'inlineCode':
        add(node.position)
        return
      case 'directive':
        if (node.body === 'raw') {
          add(node.contentPosition, true)
          return
        }
    }
    if (node.children) for (const child of node.children) walk(child)
  }
  walk(tree)
  ranges = found.sort((a, b) => a[0] - b[0])
  cache.set(tree, ranges)
  return ranges
}

const tableCache = new WeakMap<object, Range[]>()

/** Offset ranges of tables (rST only), where columns carry meaning. */
export function tableRanges(file: LintedFile): Range[] {
  const tree = file.rst as AnyNode | undefined
  if (!tree) return []
  let ranges = tableCache.get(tree)
  if (!ranges) {
    const found: Range[] = []
    const walk = (node: AnyNode): void => {
      if (node.type === 'table' && node.position) found.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0])
      else if (node.children) for (const child of node.children) walk(child)
    }
    walk(tree)
    ranges = found
    tableCache.set(tree, ranges)
  }
  return ranges
}

/** Whether `offset` falls in one of the sorted `ranges` (binary search). */
export function inRanges(ranges: readonly Range[], offset: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const range = ranges[mid]!
    if (offset < range[0]) high = mid - 1
    else if (offset >= range[1]) low = mid + 1
    else return true
  }
  // Ranges may nest (an inline literal inside a skipped block never occurs,
  // but be safe): fall back to a linear check near the insertion point.
  for (let index = Math.max(0, low - 2); index < Math.min(ranges.length, low + 1); index++) {
    const range = ranges[index]!
    if (offset >= range[0] && offset < range[1]) return true
  }
  return false
}
