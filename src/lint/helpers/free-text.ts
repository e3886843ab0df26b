// The "free text" of a block of inline markup: its source with everything the
// parser recognized as markup (literals, interpreted text, phrase references,
// substitutions, footnote references) and every backslash escape blanked out
// as NUL, offsets kept. Markup the parser did NOT recognize (a role without
// backquotes, a glued end-string) is what is left, which the sphinx-lint-class
// rules search for.

import type {Source} from '../../rst/source.ts'
import type {Root, RstNode} from '../../rst/types.ts'
import {rawRanges} from './text-ranges.ts'
import {SKIP, visit} from './visit.ts'

/** Block nodes whose children are inline markup. */
export const inlineContainers = ['paragraph', 'title', 'term', 'classifier', 'line', 'attribution'] as const

export interface FreeText {
  /** The container node. */
  node: RstNode
  ancestors: readonly RstNode[]
  /** Source offset of `text[0]`. */
  offset: number
  /** Same length as the container's source; markup and escapes are `\0`. */
  text: string
}

// Nine rules scan the same free texts: compute them once per tree.
const cache = new WeakMap<Root, FreeText[]>()

/** Every inline container of the tree with its free text (computed once per tree). */
export function freeTexts(tree: Root, source: Source): FreeText[] {
  let cached = cache.get(tree)
  if (!cached) {
    cached = computeFreeTexts(tree, source)
    cache.set(tree, cached)
  }
  return cached
}

function computeFreeTexts(tree: Root, source: Source): FreeText[] {
  const out: FreeText[] = []
  visit(tree, inlineContainers, (node, ancestors) => {
    out.push(freeText(node, ancestors, source))
    return SKIP
  })
  return out
}

export function freeText(node: RstNode, ancestors: readonly RstNode[], source: Source): FreeText {
  const offset = node.position.start.offset ?? 0
  const end = node.position.end.offset ?? offset
  const chars: string[] = new Array<string>(Math.max(0, end - offset)).fill('\0')
  const chain = [...ancestors, node]
  const copy = (inline: RstNode, inlineAncestors: readonly RstNode[]): void => {
    for (const range of rawRanges(inline, inlineAncestors, source)) {
      for (let at = range.start; at < range.end; at++) chars[at - offset] = source.text[at] ?? '\0'
    }
  }
  const walk = (inline: RstNode, inlineAncestors: readonly RstNode[]): void => {
    if (inline.type === 'text') copy(inline, inlineAncestors)
    else if (inline.type === 'reference' && source.text[inline.position.start.offset ?? 0] !== '`') copy(inline, inlineAncestors)
    else if ((inline.type === 'emphasis' || inline.type === 'strong') && 'children' in inline) {
      for (const child of inline.children) walk(child, [...inlineAncestors, inline])
    }
  }
  if ('children' in node) for (const child of node.children as RstNode[]) walk(child, chain)
  for (let index = 0; index < chars.length; index++) {
    if (chars[index] === '\\') {
      chars[index] = '\0'
      if (index + 1 < chars.length) chars[++index] = '\0'
    }
  }
  return {node, ancestors, offset, text: chars.join('')}
}

/** Whether a node sits inside a table (free-text scans stay out of multi-line cells). */
export function inTable(ancestors: readonly RstNode[]): boolean {
  return ancestors.some((node) => node.type === 'table')
}

/** Every match of a global `pattern` in the free text of the tree's inline containers (tables excluded). */
export function* freeMatches(tree: Root, source: Source, pattern: RegExp): Generator<{match: RegExpExecArray; free: FreeText; start: number}> {
  for (const free of freeTexts(tree, source)) {
    if (inTable(free.ancestors)) continue
    pattern.lastIndex = 0
    for (let match = pattern.exec(free.text); match; match = pattern.exec(free.text)) {
      if (match[0] === '') pattern.lastIndex++
      yield {match, free, start: free.offset + match.index}
    }
  }
}
