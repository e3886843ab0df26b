// Prose of a document: the source ranges of text a reader reads as English,
// for spelling checks. Literals, code, URLs, option names, directive
// arguments and raw content, targets and substitution names are not prose.

import type {Root as MdRoot, Nodes as MdNodes} from 'mdast'
import type {Source} from '../../rst/source.ts'
import type {Root, RstNode} from '../../rst/types.ts'
import {inlineContainers} from './free-text.ts'
import {rawRanges, type Range} from './text-ranges.ts'
import {SKIP, visit} from './visit.ts'

/** Directives whose parsed content is code-like, not prose. */
const CODE_DIRECTIVES = new Set(['parsed-literal'])

export function rstProse(tree: Root, source: Source): Range[] {
  const out: Range[] = []
  visit(tree, (node) => node.type === 'directive' || (inlineContainers as readonly string[]).includes(node.type), (node, ancestors) => {
    if (node.type === 'directive') return CODE_DIRECTIVES.has(node.name.toLowerCase()) ? SKIP : undefined
    const walk = (inline: RstNode, chain: readonly RstNode[]): void => {
      if (inline.type === 'text') out.push(...rawRanges(inline, chain, source))
      else if (inline.type === 'reference' && isProseReference(inline)) walkChildren(inline, chain)
      else if (inline.type === 'emphasis' || inline.type === 'strong' || inline.type === 'inline_target') walkChildren(inline, chain)
    }
    const walkChildren = (parent: RstNode, chain: readonly RstNode[]): void => {
      if ('children' in parent) for (const child of parent.children as RstNode[]) walk(child, [...chain, parent])
    }
    walkChildren(node, ancestors)
    return SKIP
  })
  return out
}

/**
 * Link text is prose, but not a standalone URI or e-mail address (the text is
 * the address) nor a `name_` reference (the text is a target name).
 */
function isProseReference(reference: Extract<RstNode, {type: 'reference'}>): boolean {
  const text = reference.children.map((child) => child.value).join('')
  if (reference.refuri === undefined) return reference.embeddedPosition !== undefined
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
