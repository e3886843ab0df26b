// The "free text" of a block of inline markup: its source with everything the
// parser recognized as markup (literals, interpreted text, phrase references,
// substitutions, footnote references) and every backslash escape blanked out
// as NUL, offsets kept. Markup the parser did NOT recognize (a role without
// backquotes, a glued end-string) is what is left, which the sphinx-lint-class
// rules search for.

import type {Source} from '../../rst/source.ts'
import type {Root, RstNode} from '../../rst/types.ts'
import {pushRawRanges, type Range} from './text-ranges.ts'
import {outermost, SKIP, visit} from './visit.ts'

/** Block nodes whose children are inline markup. */
export const inlineContainers = ['paragraph', 'title', 'term', 'classifier', 'line', 'attribution'] as const

export interface FreeText {
  /** The container node. */
  readonly node: RstNode
  /** The innermost table cell holding the container, if any. */
  readonly entry: RstNode | undefined
  /** Source offset of `text[0]`. */
  readonly offset: number
  /** Same length as the container's source; markup and escapes are `\0`. */
  readonly text: string
}

/**
 * The inline containers of a tree in parallel arrays, their free texts built
 * on first use: most rules look only at containers whose source holds their
 * needle, and an object per container cost more than the searches.
 */
interface FreeIndex {
  nodes: RstNode[]
  /** Each container's innermost table cell; undefined when the tree has no tables. */
  entries: Array<RstNode | undefined> | undefined
  /** The containers' source spans, for needle checks without property walks. */
  starts: Int32Array
  ends: Int32Array
  /** Whether starts and ends never decrease: needle searches may then jump over containers. */
  sorted: boolean
  /** The free texts built so far. */
  texts: Array<string | undefined>
  /**
   * Source spans of the inline literals, interpreted texts and references
   * in backquotes, sorted by start (undefined when they are not in source
   * order, as in some tables): their characters are never free text, and
   * they hold most backquotes.
   */
  blankedStarts: number[] | undefined
  blankedEnds: number[] | undefined
}

// Nine rules scan the same free texts: compute them once per tree.
const cache = new WeakMap<Root, FreeIndex>()

/** Every inline container of the tree with its free text. */
export function freeTexts(tree: Root, source: Source): FreeText[] {
  const index = freeIndex(tree, source)
  return index.nodes.map((node, at) => ({node, entry: index.entries?.[at], offset: index.starts[at]!, text: textAt(index, at, source)}))
}

function freeIndex(tree: Root, source: Source): FreeIndex {
  let cached = cache.get(tree)
  if (!cached) {
    cached = computeIndex(tree, source)
    cache.set(tree, cached)
  }
  return cached
}

function computeIndex(tree: Root, source: Source): FreeIndex {
  const nodes = outermost(tree, inlineContainers)
  // Only a container in a table cell needs its cell: most trees have none,
  // and the cells' few containers are found from the cells (inner cells last, so they win).
  let cells: Map<RstNode, RstNode> | undefined
  visit(tree, 'entry', (entry) => {
    const found = (cells ??= new Map())
    visit(entry, inlineContainers, (node) => {
      found.set(node, entry)
      return SKIP
    })
  })
  const entries = cells && nodes.map((node) => cells!.get(node))
  const starts = new Int32Array(nodes.length)
  const ends = new Int32Array(nodes.length)
  let sorted = true
  for (let at = 0; at < nodes.length; at++) {
    const position = nodes[at]!.position
    const start = position.start.offset ?? 0
    const end = position.end.offset ?? start
    starts[at] = start
    ends[at] = end
    if (at > 0 && (start < starts[at - 1]! || end < ends[at - 1]!)) sorted = false
  }
  const blanked = blankedSpans(tree, source.text)
  return {nodes, entries, starts, ends, sorted, texts: new Array<string | undefined>(nodes.length), blankedStarts: blanked?.starts, blankedEnds: blanked?.ends}
}

/**
 * Inline node types whose whole source is blanked in every free text, but
 * for references without backquotes (`name_`, a bare URI), which `keptRanges` keeps.
 */
const BLANKED: readonly string[] = ['literal', 'interpreted_text', 'reference']

/** The sorted source spans of `BLANKED` nodes, or undefined when they are not in source order. */
function blankedSpans(tree: Root, text: string): {starts: number[]; ends: number[]} | undefined {
  const starts: number[] = []
  const ends: number[] = []
  let last = -1
  let sorted = true
  visit(tree, BLANKED, (node) => {
    const start = node.position.start.offset ?? 0
    if (node.type === 'reference' && text.charCodeAt(start) !== 96 /* ` */) return
    if (start < last) sorted = false
    last = node.position.end.offset ?? start
    starts.push(start)
    ends.push(last)
  })
  return sorted ? {starts, ends} : undefined
}

/**
 * The first occurrence of `needle` at or after `from` that is not wholly
 * inside a blanked span (-1: none): one inside cannot be in any free text,
 * so containers holding only such occurrences need no free text built.
 * Most backquotes of a document are those of its literals and roles.
 */
function freeOccurrence(index: FreeIndex, text: string, needle: string, from: number): number {
  const spanStarts = index.blankedStarts
  const spanEnds = index.blankedEnds!
  let at = text.indexOf(needle, from)
  if (spanStarts === undefined || spanStarts.length === 0) return at
  while (at !== -1) {
    // The end of the last span starting at or before `at`.
    const spanEnd = spanEndAt(spanStarts, spanEnds, at)
    if (at + needle.length > spanEnd) return at
    // Occurrences starting before `spanEnd - needle.length + 1` end inside the span too.
    at = text.indexOf(needle, Math.max(at + 1, spanEnd - needle.length + 1))
  }
  return at
}

/** `rawOccurrence` not called yet. */
const UNSEARCHED = -2

/**
 * The start of the first match of the global regex `prefilter` in the raw
 * source at or after `from` that does not start inside a blanked span (-1:
 * none). The characters a match of a free-text pattern covers are not
 * blanked, and are the source's own.
 */
function rawOccurrence(index: FreeIndex, text: string, prefilter: RegExp, from: number): number {
  const spanStarts = index.blankedStarts
  const spanEnds = index.blankedEnds!
  for (let at = from; ;) {
    prefilter.lastIndex = at
    const match = prefilter.exec(text)
    if (match === null) return -1
    const start = match.index
    if (spanStarts === undefined) return start
    const spanEnd = spanEndAt(spanStarts, spanEnds, start)
    if (spanEnd <= start) return start
    at = spanEnd
  }
}

/** The end of the last blanked span starting at or before `at` (-1: none). */
function spanEndAt(spanStarts: readonly number[], spanEnds: readonly number[], at: number): number {
  let low = 0
  let high = spanStarts.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (spanStarts[middle]! <= at) low = middle + 1
    else high = middle
  }
  return low === 0 ? -1 : spanEnds[low - 1]!
}

/** The free text of container `at`, built on first use. */
function textAt(index: FreeIndex, at: number, source: Source): string {
  let text = index.texts[at]
  if (text === undefined) {
    text = buildText(index.nodes[at]!, index.entries?.[at], index.starts[at]!, index.ends[at]!, source)
    index.texts[at] = text
  }
  return text
}

function buildText(node: RstNode, entry: RstNode | undefined, offset: number, end: number, source: Source): string {
  const length = Math.max(0, end - offset)
  const text = source.text
  // The copied source ranges, in walk order; the container is no table cell, nor are inline nodes.
  const ranges: Range[] = []
  keptRanges(node, entry, source, ranges)
  const built = ordered(ranges, offset, Math.min(end, text.length)) ? assemble(ranges, text, offset, length) : overlay(ranges, text, offset, length)
  return built.includes('\\') ? blankEscapes(built) : built
}

/**
 * Append the source ranges of the inline nodes of `parent` that stay free
 * text: text, and references without backquotes (`name_`, a bare URI), also
 * inside emphasis and strong. A plain function: closures per container cost.
 */
function keptRanges(parent: RstNode, entry: RstNode | undefined, source: Source, ranges: Range[]): void {
  const children = (parent as {children?: RstNode[]}).children
  if (children === undefined) return
  for (let index = 0; index < children.length; index++) {
    const inline = children[index]!
    const type = inline.type
    if (type === 'text') pushRawRanges(ranges, inline, entry, source)
    else if (type === 'reference') {
      if (source.text.charCodeAt(inline.position.start.offset ?? 0) !== 96 /* ` */) pushRawRanges(ranges, inline, entry, source)
    } else if (type === 'emphasis' || type === 'strong') keptRanges(inline, entry, source, ranges)
  }
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
 * searched at all. `prefilter`, when given, is a global regex that, run over
 * the raw source, starts a match inside every match of `pattern` in a free
 * text (`pattern` without its lookbehinds, say, or the part telling it
 * apart): only containers where it does get a free text, when a needle is
 * too common a character. `pattern` may be a function making it: a Unicode
 * pattern costs more to compile than most documents take to search, and
 * is then made only when a container needs it.
 */
export function freeMatches(tree: Root, source: Source, pattern: RegExp | (() => RegExp), needles?: readonly string[], prefilter?: RegExp): Array<{match: RegExpExecArray; start: number}> {
  const out: Array<{match: RegExpExecArray; start: number}> = []
  const text = source.text
  // A free text is its container's source with characters blanked: a needle
  // absent from that source is not in it, which native searches of the whole
  // source tell without building the free text. For each needle: no
  // occurrence starts in [from, next), and one does at next (-1: none).
  const count = needles?.length ?? 0
  // Plain arrays: a typed array per call costs more than its one or two elements.
  const from: number[] = []
  const next: number[] = []
  let any = count === 0
  for (let which = 0; which < count; which++) {
    from.push(0)
    next.push(text.indexOf(needles![which]!))
    if (next[which] !== -1) any = true
  }
  // As for a needle: no prefilter match starts in [rawFrom, rawNext), one
  // does at rawNext (-1: none; UNSEARCHED: not searched yet). With needles, it
  // is searched for only in containers holding one: a match inside a role
  // costs a search more, and needles pass over most roles for free.
  let rawFrom = 0
  let rawNext = UNSEARCHED
  if (prefilter !== undefined && count === 0) {
    // The first match, blanked or not: without one, no index is needed.
    prefilter.lastIndex = 0
    rawNext = prefilter.exec(text)?.index ?? -1
    any = rawNext !== -1
  }
  if (!any) return out
  const index = freeIndex(tree, source)
  for (let which = 0; which < count; which++) {
    if (next[which] !== -1) next[which] = freeOccurrence(index, text, needles![which]!, next[which]!)
  }
  const {starts, ends, sorted} = index
  const containers = starts.length
  if (prefilter !== undefined && rawNext >= 0) rawNext = rawOccurrence(index, text, prefilter, rawNext)
  let regex = typeof pattern === 'function' ? undefined : pattern
  for (let at = 0; at < containers; at++) {
    if (count > 0) {
      const start = starts[at]!
      const end = ends[at]!
      let found = false
      // The first occurrence of any needle at or after `start` (-1: none).
      let nearest = -1
      for (let which = 0; which < count && !found; which++) {
        if (start < from[which]! || (next[which] !== -1 && start > next[which]!)) {
          from[which] = start
          next[which] = freeOccurrence(index, text, needles![which]!, start)
        }
        const occurrence = next[which]!
        if (occurrence === -1) continue
        found = occurrence + needles![which]!.length <= end
        if (nearest === -1 || occurrence < nearest) nearest = occurrence
      }
      if (!found) {
        // In document order, containers ending at or before `nearest` hold no needle either.
        if (sorted) {
          if (nearest === -1) break
          at = firstEndingAfter(ends, at + 1, nearest) - 1
        }
        continue
      }
    }
    if (prefilter !== undefined) {
      const start = starts[at]!
      if (rawNext === UNSEARCHED || start < rawFrom || (rawNext !== -1 && start > rawNext)) {
        rawFrom = start
        rawNext = rawOccurrence(index, text, prefilter, start)
      }
      if (rawNext === -1 || rawNext >= ends[at]!) {
        if (sorted) {
          if (rawNext === -1) break
          at = firstEndingAfter(ends, at + 1, rawNext) - 1
        }
        continue
      }
    }
    const freeText = textAt(index, at, source)
    if (needles && !includesAny(freeText, needles)) continue
    const offset = starts[at]!
    regex ??= (pattern as () => RegExp)()
    regex.lastIndex = 0
    for (let match = regex.exec(freeText); match; match = regex.exec(freeText)) {
      if (match[0] === '') regex.lastIndex++
      out.push({match, start: offset + match.index})
    }
  }
  return out
}

/** The first index from `from` whose end is after `offset` (`ends` never decreases), or `ends.length`. */
function firstEndingAfter(ends: Int32Array, from: number, offset: number): number {
  let low = from
  let high = ends.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (ends[middle]! > offset) high = middle
    else low = middle + 1
  }
  return low
}

function includesAny(text: string, needles: readonly string[]): boolean {
  for (let index = 0; index < needles.length; index++) if (text.includes(needles[index]!)) return true
  return false
}
