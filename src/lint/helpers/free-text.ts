// The "free text" of a block of inline markup: its source with everything the
// parser recognized as markup (literals, interpreted text, phrase references,
// substitutions, footnote references) and every backslash escape blanked out
// as NUL, offsets kept. Markup the parser did NOT recognize (a role without
// backquotes, a glued end-string) is what is left, which the sphinx-lint-class
// rules search for.

import type {Source} from '../../rst/source.ts'
import type {Root, RstNode} from '../../rst/types.ts'
import {enclosingEntry, pushRawRanges, type Range} from './text-ranges.ts'
import {SKIP, visitWithAncestors} from './visit.ts'

/** Block nodes whose children are inline markup. */
export const inlineContainers = ['paragraph', 'title', 'term', 'classifier', 'line', 'attribution'] as const

export interface FreeText {
  /** The container node. */
  readonly node: RstNode
  readonly ancestors: readonly RstNode[]
  /** Source offset of `text[0]`. */
  readonly offset: number
  /** Same length as the container's source; markup and escapes are `\0`. */
  readonly text: string
}

/** A free text built on first use: most rules look only at containers whose source holds their needle. */
class LazyFreeText implements FreeText {
  private built: string | undefined
  constructor(
    readonly node: RstNode,
    readonly ancestors: readonly RstNode[],
    readonly offset: number,
    private readonly source: Source,
  ) {}

  get text(): string {
    this.built ??= buildText(this.node, this.ancestors, this.source)
    return this.built
  }
}

/** The free texts of a tree, with their containers' source spans (for needle checks without property walks). */
interface FreeIndex {
  frees: FreeText[]
  starts: Int32Array
  ends: Int32Array
}

// Nine rules scan the same free texts: compute them once per tree.
const cache = new WeakMap<Root, FreeIndex>()

/** Every inline container of the tree with its free text (computed once per tree). */
export function freeTexts(tree: Root, source: Source): FreeText[] {
  return freeIndex(tree, source).frees
}

function freeIndex(tree: Root, source: Source): FreeIndex {
  let cached = cache.get(tree)
  if (!cached) {
    const frees = computeFreeTexts(tree, source)
    const starts = new Int32Array(frees.length)
    const ends = new Int32Array(frees.length)
    for (let index = 0; index < frees.length; index++) {
      const position = frees[index]!.node.position
      starts[index] = position.start.offset ?? 0
      ends[index] = position.end.offset ?? starts[index]!
    }
    cached = {frees, starts, ends}
    cache.set(tree, cached)
  }
  return cached
}

function computeFreeTexts(tree: Root, source: Source): FreeText[] {
  const out: FreeText[] = []
  visitWithAncestors(tree, inlineContainers, (node, ancestors) => {
    out.push(freeText(node, ancestors, source))
    return SKIP
  })
  return out
}

export function freeText(node: RstNode, ancestors: readonly RstNode[], source: Source): FreeText {
  // A copy: the walk passes its own ancestors array, which it empties as it goes.
  return new LazyFreeText(node, ancestors.slice(), node.position.start.offset ?? 0, source)
}

function buildText(node: RstNode, ancestors: readonly RstNode[], source: Source): string {
  const offset = node.position.start.offset ?? 0
  const end = node.position.end.offset ?? offset
  const length = Math.max(0, end - offset)
  const text = source.text
  const entry = enclosingEntry(ancestors)
  // Outside tables each kept inline node is one source range: copy them in
  // one pass, unless they come out of order (then the general case below).
  const out = entry ? undefined : directText(node, text, offset, Math.min(end, text.length), length)
  if (out !== undefined) return out.includes('\\') ? blankEscapes(out) : out
  // The copied source ranges, in walk order; the container is no table cell, nor are inline nodes.
  const ranges: Range[] = []
  const walk = (parent: RstNode): void => {
    const children = (parent as {children: RstNode[]}).children
    for (let index = 0; index < children.length; index++) {
      const inline = children[index]!
      if (inline.type === 'text') pushRawRanges(ranges, inline, entry, source)
      else if (inline.type === 'reference') {
        if (text.charCodeAt(inline.position.start.offset ?? 0) !== 96 /* ` */) pushRawRanges(ranges, inline, entry, source)
      } else if ((inline.type === 'emphasis' || inline.type === 'strong') && 'children' in inline) walk(inline)
    }
  }
  if ('children' in node) walk(node)
  const built = ordered(ranges, offset, Math.min(end, text.length)) ? assemble(ranges, text, offset, length) : overlay(ranges, text, offset, length)
  return built.includes('\\') ? blankEscapes(built) : built
}

/**
 * The free text of a container outside tables, as `assemble` would build it
 * from sorted ranges, or undefined when the kept nodes are out of order or
 * outside the container (`ordered` fails).
 */
function directText(node: RstNode, text: string, offset: number, limit: number, length: number): string | undefined {
  let out = ''
  let at = offset
  let last = offset
  let inOrder = true
  const keep = (inline: RstNode): void => {
    const start = inline.position.start.offset ?? 0
    const stop = inline.position.end.offset ?? start
    if (start < last || stop > limit) inOrder = false
    if (!inOrder || stop <= start) return
    last = stop
    if (start > at) out += '\0'.repeat(start - at)
    out += text.slice(start, stop)
    at = stop
  }
  const walk = (parent: RstNode): void => {
    const children = (parent as {children: RstNode[]}).children
    for (let index = 0; index < children.length && inOrder; index++) {
      const inline = children[index]!
      if (inline.type === 'text') keep(inline)
      else if (inline.type === 'reference') {
        if (text.charCodeAt(inline.position.start.offset ?? 0) !== 96 /* ` */) keep(inline)
      } else if ((inline.type === 'emphasis' || inline.type === 'strong') && 'children' in inline) walk(inline)
    }
  }
  if ('children' in node) walk(node)
  if (!inOrder) return undefined
  return offset + length > at ? out + '\0'.repeat(offset + length - at) : out
}

/** Whether the ranges are sorted, disjoint and inside the container. */
function ordered(ranges: readonly Range[], offset: number, end: number): boolean {
  let last = offset
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index]!
    if (range.start < last || range.end > end) return false
    if (range.end > range.start) last = range.end
  }
  return true
}

/** The free text from sorted, disjoint ranges: slices of the source between runs of NUL. */
function assemble(ranges: readonly Range[], text: string, offset: number, length: number): string {
  let out = ''
  let at = offset
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index]!
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
export function freeMatches(tree: Root, source: Source, pattern: RegExp, needles?: readonly string[]): Array<{match: RegExpExecArray; free: FreeText; start: number}> {
  const out: Array<{match: RegExpExecArray; free: FreeText; start: number}> = []
  const text = source.text
  // A free text is its container's source with characters blanked: a needle
  // absent from that source is not in it, which native searches of the whole
  // source tell without building the free text. For each needle: no
  // occurrence starts in [from, next), and one does at next (-1: none).
  const count = needles?.length ?? 0
  const from = new Int32Array(count)
  const next = new Int32Array(count)
  let any = count === 0
  for (let which = 0; which < count; which++) {
    next[which] = text.indexOf(needles![which]!)
    if (next[which] !== -1) any = true
  }
  if (!any) return out
  const {frees, starts, ends} = freeIndex(tree, source)
  for (let index = 0; index < frees.length; index++) {
    if (count > 0) {
      const start = starts[index]!
      const end = ends[index]!
      let found = false
      for (let which = 0; which < count && !found; which++) {
        if (start < from[which]! || (next[which] !== -1 && start > next[which]!)) {
          from[which] = start
          next[which] = text.indexOf(needles![which]!, start)
        }
        found = next[which] !== -1 && next[which]! + needles![which]!.length <= end
      }
      if (!found) continue
    }
    const free = frees[index]!
    const freeText = free.text
    if (needles && !includesAny(freeText, needles)) continue
    pattern.lastIndex = 0
    for (let match = pattern.exec(freeText); match; match = pattern.exec(freeText)) {
      if (match[0] === '') pattern.lastIndex++
      out.push({match, free, start: free.offset + match.index})
    }
  }
  return out
}

function includesAny(text: string, needles: readonly string[]): boolean {
  for (let index = 0; index < needles.length; index++) if (text.includes(needles[index]!)) return true
  return false
}
