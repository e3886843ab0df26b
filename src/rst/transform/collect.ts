// Walks a parsed tree in docutils' parse order and registers what the rST
// parser notes on its `document` while parsing: implicit targets (section
// titles, `contents` topics), explicit targets, footnotes, citations,
// references, substitution definitions and references. The duplicate-name
// problems docutils reports at parse time come out of this walk; the lists it
// fills feed the reader transforms (resolve.ts).

import type {Directive, RstNode} from '../types.ts'
import {Collected, elementOf, namesOf, pushTo, textOf} from './collected.ts'
import type {Element} from './model.ts'
import {normalizeName} from './names.ts'
import {
  noteDirective,
  noteFootnoteReference,
  noteReference,
  noteSubstitutionDefinition,
  noteSubstitutionReference,
  noteTarget,
  substitutionContent,
} from './notes.ts'

export {Collected, type SubstitutionEntry, type SubstitutionUse} from './collected.ts'
export {blocksPropagation, isAnonymousEmbedded, substitutionContent} from './notes.ts'

/** Directives that leave no node in docutils' tree: the next node is what follows them. */
const transparentDirectives = new Set(['include', 'default-role', 'role', 'title', 'header', 'footer'])

type AnyNode = RstNode & {children?: RstNode[]}

export function collect(root: RstNode, text = ''): Collected {
  const c = new Collected()
  // Block targets waiting for the next block-level node in pre-order.
  let waiting: Element[] = []

  const settle = (node: RstNode): void => {
    if (waiting.length === 0) return
    const next = {element: elementOf(c, node), node}
    for (let index = 0; index < waiting.length; index++) c.nextNode.set(waiting[index] as Element, next)
    waiting = []
  }

  // Block-level nodes: targets wait here for the next one (docutils' next_node).
  const visit = (node: AnyNode): void => {
    // `type` read once: nodes come in many shapes, so each property read is a
    // slow (megamorphic) lookup in a cold process.
    const type = node.type
    if (type !== 'document') {
      if (type === 'directive' && transparentDirectives.has((node as Directive).name.toLowerCase())) return
      if (waiting.length !== 0) settle(node)
    }
    switch (type) {
      case 'paragraph': {
        // The most frequent node first (a switch tests cases in order); a
        // paragraph of plain text (most) holds nothing to note.
        const children = node.children
        if (children && (children.length !== 1 || children[0]?.type !== 'text')) visitInline(children)
        return
      }
      case 'section': {
        const children = node.children
        const first = children[0]
        // docutils parses the title's inline markup before it notes the section.
        if (first?.type === 'title') {
          settle(first)
          visitInline(first.children)
        }
        const el = elementOf(c, node)
        el.kind = 'section'
        // Messages about a section point at its title, as docutils' line does.
        if (first?.type === 'title') el.position = first.position
        el.names = namesOf(node)
        c.named.push(el)
        c.model.noteImplicitTarget(el)
        for (let index = first?.type === 'title' ? 1 : 0; index < children.length; index++) visit(children[index] as AnyNode)
        return
      }
      case 'target':
        noteTarget(c, node)
        // Internal targets (anonymous ones too) may move to the next node.
        if (node.refuri === undefined && node.refname === undefined) waiting.push(elementOf(c, node))
        return
      case 'footnote': {
        const el = elementOf(c, node)
        el.kind = 'footnote'
        if (node.auto === '1') {
          el.auto = '1'
          el.names = namesOf(node)
          c.model.setId(el)
          c.autofootnotes.push(el)
        } else if (node.auto === '*') {
          el.auto = '*'
          c.model.setId(el)
          c.symbolFootnotes.push(el)
        } else {
          const names = namesOf(node)
          el.names = names.length > 0 ? names : [normalizeName(node.label)]
          c.model.setId(el)
          c.footnotes.push(el)
        }
        if (el.names.length > 0) c.model.noteExplicitTarget(el)
        c.named.push(el)
        visitChildren(node)
        return
      }
      case 'citation': {
        const el = elementOf(c, node)
        el.kind = 'citation'
        const names = namesOf(node)
        el.names = names.length > 0 ? names : [normalizeName(node.label)]
        c.citations.push(el)
        c.model.noteExplicitTarget(el)
        c.named.push(el)
        visitChildren(node)
        return
      }
      case 'substitution_definition': {
        const before = c.visitOrder.length
        const content = substitutionContent(node)
        visitInline(content)
        noteSubstitutionDefinition(c, node, content, c.visitOrder.slice(before))
        return
      }
      case 'directive': {
        noteDirective(c, node)
        // Inline markup the parser keeps for a directive (`parsed-literal`).
        const inline = node.data?.inline
        if (Array.isArray(inline)) visitInline(inline as RstNode[])
        visitChildren(node)
        return
      }
      default: {
        const children = node.children
        if (!children) return
        if (textElements.has(type)) visitInline(children)
        else for (let index = 0; index < children.length; index++) visit(children[index] as AnyNode)
      }
    }
  }

  // Indexed loops: a `for...of` iterator costs several times more in a cold
  // (interpreted) process.
  const visitChildren = (node: AnyNode): void => {
    const children = node.children
    if (children === undefined) return
    for (let index = 0; index < children.length; index++) visit(children[index] as AnyNode)
  }

  // Inline nodes: only references and targets matter, and rST inline markup
  // does not nest, so emphasis, literals and text need no descent.
  const visitInline = (nodes: readonly RstNode[]): void => {
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index] as RstNode
      const type = node.type
      // Most inline nodes are text: one test, then the rare kinds.
      if (type === 'text') continue
      switch (type) {
        case 'reference':
          noteReference(c, node, text)
          break
        case 'substitution_reference':
          noteSubstitutionReference(c, node)
          break
        case 'footnote_reference':
          noteFootnoteReference(c, node)
          break
        case 'citation_reference': {
          const el = elementOf(c, node)
          el.kind = 'citation_reference'
          el.refname = node.refname || normalizeName(node.label)
          c.model.setId(el)
          pushTo(c.citationRefs, el.refname, el)
          c.model.noteRefname(el)
          c.visitOrder.push(el)
          break
        }
        case 'inline_target': {
          const el = elementOf(c, node)
          el.kind = 'target'
          el.inline = true
          const names = namesOf(node)
          el.names = names.length > 0 ? names : [normalizeName(textOf(node.children))]
          c.model.noteExplicitTarget(el)
          c.targets.push(el)
          c.named.push(el)
          break
        }
        default:
          // Text, emphasis, strong, literals, interpreted text.
      }
    }
  }

  visit(root as AnyNode)
  for (const target of waiting) c.nextNode.set(target, null)
  return c
}

/** Nodes whose children are inline markup. */
const textElements: ReadonlySet<string> = new Set([
  'paragraph',
  'title',
  'term',
  'classifier',
  'field_name',
  'line',
  'attribution',
  'literal_block',
  'doctest_block',
])
