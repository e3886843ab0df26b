// Prose of a document: the pieces of source text a reader reads as English,
// for spelling checks. Literals, code, URLs, option names, directive
// arguments and raw content, targets and substitution names are not prose.

import type {Root as MdRoot, Nodes as MdNodes} from 'mdast'
import type {Source} from '../../rst/source.ts'
import type {Root, RstNode} from '../../rst/types.ts'
import {inlineContainers} from './free-text.ts'
import {pushRawRanges, type Range} from './text-ranges.ts'
import {SKIP, visit} from './visit.ts'

/** Directives whose parsed content is code-like, not prose. */
const CODE_DIRECTIVES = new Set(['parsed-literal'])

const CONTAINERS: ReadonlySet<string> = new Set(inlineContainers)

/**
 * Prose as pieces of source text and their offsets (no range objects and no
 * second pass to slice them: both cost the typo rule a cold process).
 */
export interface ProseParts {
  texts: string[]
  starts: number[]
}

export function rstProse(tree: Root, source: Source): ProseParts {
  const texts: string[] = []
  const starts: number[] = []
  const text = source.text
  const cells: Range[] = []
  /** A text node's source, clipped to its table cell's columns when it spans lines of one. */
  const pushText = (node: RstNode, entry: RstNode | undefined): void => {
    if (entry === undefined || node.position.start.line === node.position.end.line) {
      // pushRawRanges' one-range case, without its object.
      const start = node.position.start.offset ?? 0
      texts.push(text.slice(start, node.position.end.offset ?? start))
      starts.push(start)
      return
    }
    cells.length = 0
    pushRawRanges(cells, node, entry, source)
    for (const range of cells) {
      texts.push(text.slice(range.start, range.end))
      starts.push(range.start)
    }
  }
  // Blocks down to inline containers, knowing the table cell they sit in.
  const block = (node: RstNode, entry: RstNode | undefined): void => {
    if (node.type === 'directive' && CODE_DIRECTIVES.has(node.name.toLowerCase())) return
    if (CONTAINERS.has(node.type)) return inlines(node, entry)
    if (!('children' in node)) return
    const children = node.children as RstNode[]
    const inner = node.type === 'entry' ? node : entry
    for (let index = 0; index < children.length; index++) block(children[index]!, inner)
  }
  const inlines = (parent: RstNode, entry: RstNode | undefined): void => {
    if (!('children' in parent)) return
    const children = parent.children as RstNode[]
    for (let index = 0; index < children.length; index++) {
      const inline = children[index]!
      if (inline.type === 'text') pushText(inline, entry)
      else if (inline.type === 'reference' ? isProseReference(inline) : inline.type === 'emphasis' || inline.type === 'strong' || inline.type === 'inline_target') inlines(inline, entry)
    }
  }
  // The shared per-document index of nodes by type hands over the containers
  // without a walk through every block (most of this function's cost when it
  // walked); a table cell's blocks are walked here, to know their cell.
  visit(tree, PROSE_TYPES, (node) => {
    if (node.type === 'entry') {
      block(node, undefined)
      return SKIP
    }
    if (node.type === 'directive') return CODE_DIRECTIVES.has(node.name.toLowerCase()) ? SKIP : undefined
    inlines(node, undefined)
    return undefined
  })
  return {texts, starts}
}

/** What the visit of `rstProse` stops at: containers, cells and directives (some of which hold no prose). */
const PROSE_TYPES: readonly string[] = [...inlineContainers, 'entry', 'directive']

/**
 * Link text is prose, but not a standalone URI or e-mail address (the text is
 * the address) nor a `name_` reference (the text is a target name).
 */
function isProseReference(reference: Extract<RstNode, {type: 'reference'}>): boolean {
  if (reference.refuri === undefined) return reference.embeddedPosition !== undefined
  const text = reference.children.length === 1 ? reference.children[0]!.value : reference.children.map((child) => child.value).join('')
  return !(reference.refuri === text || reference.refuri === `mailto:${text}` || /^[a-z]+:\/\//i.test(text))
}

export function markdownProse(tree: MdRoot, text: string): ProseParts {
  const texts: string[] = []
  const starts: number[] = []
  const walk = (node: MdNodes): void => {
    if (node.type === 'text' && node.position) {
      const start = node.position.start.offset ?? 0
      texts.push(text.slice(start, node.position.end.offset ?? 0))
      starts.push(start)
    }
    if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url) return
    if ('children' in node) for (const child of node.children) walk(child as MdNodes)
  }
  walk(tree)
  return {texts, starts}
}
