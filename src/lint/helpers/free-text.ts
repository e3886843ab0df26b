// The "free text" of a block of inline markup: its source with everything the
// parser recognized as markup (literals, interpreted text, phrase references,
// substitutions, footnote references) and every backslash escape blanked out
// as NUL, offsets kept. Markup the parser did NOT recognize (a role without
// backquotes, a glued end-string) is what is left, which the sphinx-lint-class
// rules search for.

import type {Source} from '../../rst/source.ts'
import type {Root, RstNode} from '../../rst/types.ts'
import {rawRanges, type Range} from './text-ranges.ts'
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
  const length = Math.max(0, end - offset)
  const text = source.text
  // The copied source ranges, in walk order.
  const ranges: Range[] = []
  const chain = [...ancestors, node]
  const walk = (inline: RstNode, inlineAncestors: readonly RstNode[]): void => {
    if (inline.type === 'text') pushAll(ranges, rawRanges(inline, inlineAncestors, source))
    else if (inline.type === 'reference' && text.charCodeAt(inline.position.start.offset ?? 0) !== 96 /* ` */) pushAll(ranges, rawRanges(inline, inlineAncestors, source))
    else if ((inline.type === 'emphasis' || inline.type === 'strong') && 'children' in inline) {
      for (const child of inline.children) walk(child, [...inlineAncestors, inline])
    }
  }
  if ('children' in node) for (const child of node.children as RstNode[]) walk(child, chain)
  let out = ordered(ranges, offset, Math.min(end, text.length)) ? assemble(ranges, text, offset, length) : overlay(ranges, text, offset, length)
  if (out.includes('\\')) out = blankEscapes(out)
  // A copy: the walk passes its own ancestors array, which it empties as it goes.
  return {node, ancestors: [...ancestors], offset, text: out}
}

function pushAll(out: Range[], ranges: Range[]): void {
  for (let index = 0; index < ranges.length; index++) out.push(ranges[index]!)
}

/** Whether the ranges are sorted, disjoint and inside the container. */
function ordered(ranges: readonly Range[], offset: number, end: number): boolean {
  let last = offset
  for (const range of ranges) {
    if (range.start < last || range.end > end) return false
    if (range.end > range.start) last = range.end
  }
  return true
}

/** The free text from sorted, disjoint ranges: slices of the source between runs of NUL. */
function assemble(ranges: readonly Range[], text: string, offset: number, length: number): string {
  let out = ''
  let at = offset
  for (const range of ranges) {
    if (range.end <= range.start) continue
    if (range.start > at) out += '\0'.repeat(range.start - at)
    out += text.slice(range.start, range.end)
    at = range.end
  }
  if (offset + length > at) out += '\0'.repeat(offset + length - at)
  return out
}

/** The general case (ranges out of order or overlapping): copy into a NUL-filled array. */
function overlay(ranges: readonly Range[], text: string, offset: number, length: number): string {
  const chars: string[] = new Array<string>(length).fill('\0')
  for (const range of ranges) {
    for (let at = range.start; at < range.end; at++) chars[at - offset] = text[at] ?? '\0'
  }
  return chars.join('')
}

/** Blank each backslash and the character it escapes. */
function blankEscapes(text: string): string {
  let out = ''
  let from = 0
  for (let at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', from)) {
    out += text.slice(from, at)
    // The escaped character is one UTF-16 unit, as the parser counts it.
    const blank = at + 1 < text.length ? 2 : 1
    out += blank === 2 ? '\0\0' : '\0'
    from = at + blank
  }
  return out + text.slice(from)
}

/**
 * Every match of a global `pattern` in the free text of the tree's inline
 * containers, table cells included: a cell's free text keeps only its own
 * text (the borders and the other cells are NUL), so a match there is as real,
 * and as exactly placed, as in a paragraph. `needles`, when given, are
 * substrings one of which every match contains: texts holding none are not
 * searched at all.
 */
export function* freeMatches(tree: Root, source: Source, pattern: RegExp, needles?: readonly string[]): Generator<{match: RegExpExecArray; free: FreeText; start: number}> {
  for (const free of freeTexts(tree, source)) {
    if (needles && !needles.some((needle) => free.text.includes(needle))) continue
    pattern.lastIndex = 0
    for (let match = pattern.exec(free.text); match; match = pattern.exec(free.text)) {
      if (match[0] === '') pattern.lastIndex++
      yield {match, free, start: free.offset + match.index}
    }
  }
}
