// Prose of a document: the source ranges of text a reader reads as English,
// for spelling checks. Literals, code, URLs, option names, directive
// arguments and raw content, targets and substitution names are not prose.

import type {Root as MdRoot, Nodes as MdNodes} from 'mdast'
import type {Source} from '../../rst/source.ts'
import type {Root, RstNode} from '../../rst/types.ts'
import {inlineContainers} from './free-text.ts'
import {pushRawRanges, type Range} from './text-ranges.ts'

/** Directives whose parsed content is code-like, not prose. */
const CODE_DIRECTIVES = new Set(['parsed-literal'])

const CONTAINERS: ReadonlySet<string> = new Set(inlineContainers)

export function rstProse(tree: Root, source: Source): Range[] {
  const out: Range[] = []
  // One recursive walk (a cold process pays for every generic step): blocks
  // down to inline containers, knowing the table cell they sit in.
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
      if (inline.type === 'text') pushRawRanges(out, inline, entry, source)
      else if (inline.type === 'reference' ? isProseReference(inline) : inline.type === 'emphasis' || inline.type === 'strong' || inline.type === 'inline_target') inlines(inline, entry)
    }
  }
  block(tree, undefined)
  return out
}

/**
 * Link text is prose, but not a standalone URI or e-mail address (the text is
 * the address) nor a `name_` reference (the text is a target name).
 */
function isProseReference(reference: Extract<RstNode, {type: 'reference'}>): boolean {
  if (reference.refuri === undefined) return reference.embeddedPosition !== undefined
  const text = reference.children.length === 1 ? reference.children[0]!.value : reference.children.map((child) => child.value).join('')
  return !(reference.refuri === text || reference.refuri === `mailto:${text}` || /^[a-z]+:\/\//i.test(text))
}

export function markdownProse(tree: MdRoot): Range[] {
  const out: Range[] = []
  const walk = (node: MdNodes): void => {
    if (node.type === 'text' && node.position) {
      out.push({start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0})
    }
    if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url) return
    if ('children' in node) for (const child of node.children) walk(child as MdNodes)
  }
  walk(tree)
  return out
}
