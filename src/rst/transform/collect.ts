// Walks a parsed tree in docutils' parse order and registers what the rST
// parser notes on its `document` while parsing: implicit targets (section
// titles, `contents` topics), explicit targets, footnotes, citations,
// references, substitution definitions and references. The duplicate-name
// problems docutils reports at parse time come out of this walk; the lists it
// fills feed the reader transforms (resolve.ts).

import type {
  Directive,
  FootnoteReference,
  Inline,
  Position,
  Reference,
  RstNode,
  SubstitutionDefinition,
  SubstitutionReference,
  Target,
} from '../types.ts'
import {type Element, DocumentModel, element} from './model.ts'
import {collapseWhitespace, normalizeName} from './names.ts'

/** docutils directives that register `:name:` as an explicit target (`Directive.add_name`). */
const namingDirectives = new Set([
  'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'admonition',
  'image', 'figure', 'topic', 'sidebar', 'line-block', 'parsed-literal', 'code', 'math', 'rubric',
  'compound', 'container', 'table', 'csv-table', 'list-table', 'target-notes',
])

/** Directives that leave no node in docutils' tree: the next node is what follows them. */
const transparentDirectives = new Set(['include', 'default-role', 'role', 'title', 'header', 'footer'])

/** Directives whose node is `Invisible` (pending, meta): targets do not propagate into them. */
const invisibleDirectives = new Set(['class', 'sectnum', 'target-notes', 'meta'])

export interface SubstitutionEntry {
  element: Element
  /** References inside the definition, copied to each place it is used. */
  referentials: Element[]
}

export interface SubstitutionUse {
  element: Element
  /** Copies of the definition's references placed here by the Substitutions transform. */
  copies: Element[]
}

/** What the parser noted on the document, in the orders docutils keeps. */
export class Collected {
  readonly model = new DocumentModel()
  /** `findall(target)` order: block targets, inline targets, embedded-URI targets. */
  readonly targets: Element[] = []
  readonly indirectTargets: Element[] = []
  /** References and footnote/citation references in document order, with substitution uses in place. */
  readonly visitOrder: Array<Element | SubstitutionUse> = []
  readonly anonymousRefs: Element[] = []
  readonly anonymousTargets: Element[] = []
  readonly autofootnotes: Element[] = []
  readonly autofootnoteRefs: Element[] = []
  readonly symbolFootnotes: Element[] = []
  readonly symbolFootnoteRefs: Element[] = []
  readonly footnotes: Element[] = []
  readonly citations: Element[] = []
  readonly footnoteRefs = new Map<string, Element[]>()
  readonly citationRefs = new Map<string, Element[]>()
  readonly substitutionDefs = new Map<string, SubstitutionEntry>()
  /** Lowercased name → name as defined (docutils `substitution_names`). */
  readonly substitutionNames = new Map<string, string>()
  readonly substitutionUses: SubstitutionUse[] = []
  /** Block target → the node docutils' `next_node(ascend=True)` finds, if any. */
  readonly nextNode = new Map<Element, {element: Element; node: RstNode} | null>()
  /** Our node → its element (created on demand, e.g. for a propagation destination). */
  readonly elements = new Map<RstNode, Element>()
  /** Every element whose names may be written back to the tree. */
  readonly named: Element[] = []
}

type AnyNode = RstNode & {children?: RstNode[]}

export function collect(root: RstNode, text = ''): Collected {
  const c = new Collected()
  // Block targets waiting for the next block-level node in pre-order.
  let waiting: Element[] = []

  const settle = (node: RstNode): void => {
    if (waiting.length === 0) return
    const next = {element: elementOf(c, node), node}
    for (const target of waiting) c.nextNode.set(target, next)
    waiting = []
  }

  // Block-level nodes: targets wait here for the next one (docutils' next_node).
  const visit = (node: AnyNode): void => {
    if (node.type !== 'document') {
      if (node.type === 'directive' && transparentDirectives.has((node as Directive).name.toLowerCase())) return
      settle(node)
    }
    switch (node.type) {
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
        for (const child of children) if (child !== first || first.type !== 'title') visit(child as AnyNode)
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
      default:
        if (!node.children) return
        if (isTextElement(node.type)) visitInline(node.children)
        else visitChildren(node)
    }
  }

  const visitChildren = (node: AnyNode): void => {
    for (const child of node.children ?? []) visit(child as AnyNode)
  }

  // Inline nodes: only references and targets matter, and rST inline markup
  // does not nest, so emphasis, literals and text need no descent.
  const visitInline = (nodes: readonly RstNode[]): void => {
    for (const node of nodes) {
      switch (node.type) {
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

function noteTarget(c: Collected, node: Target): void {
  const el = elementOf(c, node)
  el.kind = 'target'
  c.targets.push(el)
  const names = namesOf(node)
  if (node.anonymous || names.length === 0) {
    el.anonymous = true
    if (node.refuri !== undefined) el.refuri = node.refuri
    if (node.refname !== undefined) el.refname = node.refname
    c.model.setId(el)
    c.anonymousTargets.push(el)
    if (el.refname !== undefined) c.indirectTargets.push(el)
    return
  }
  el.names = names
  if (node.refname !== undefined) {
    el.refname = node.refname
    c.model.noteExplicitTarget(el)
    c.indirectTargets.push(el)
    if (el.names.length > 0) c.model.noteRefname(el)
  } else {
    if (node.refuri !== undefined) el.refuri = node.refuri
    c.model.noteExplicitTarget(el)
  }
  c.named.push(el)
}

/** `text <uri>`__: the reference ends in two underscores (the parser may not mark it anonymous). */
export function isAnonymousEmbedded(node: Reference, text: string): boolean {
  if (node.anonymous) return true
  const end = node.position.end.offset
  return end !== undefined && end >= 2 && text.slice(end - 2, end) === '__'
}

function noteReference(c: Collected, node: Reference, text: string): void {
  const el = elementOf(c, node)
  el.kind = 'reference'
  if (node.embeddedPosition) {
    // `text <uri>`_ / `text <name_>`_: docutils adds a target named after the text.
    const named = !isAnonymousEmbedded(node, text)
    if (node.refname !== undefined) {
      el.refname = node.refname
      c.model.noteRefname(el)
    } else if (node.refuri !== undefined) {
      el.refuri = node.refuri
    }
    c.visitOrder.push(el)
    if (!named) return
    const target = element('target', node.embeddedPosition)
    target.inline = true
    // Its names are written back to the reference (`data.dupnames`) if they become duplicates.
    target.node = node
    target.names = [normalizeName(textOf(node.children) || node.refuri || node.refname || '')]
    if (node.refname !== undefined) {
      target.refname = node.refname
      c.indirectTargets.push(target)
      c.model.noteRefname(target)
    } else {
      target.refuri = node.refuri ?? ''
      // An embedded URI counts as referenced by its own reference.
      target.referenced = true
      c.model.noteExplicitTarget(target)
      c.named.push(target)
    }
    c.targets.push(target)
    return
  }
  if (node.anonymous) {
    el.anonymous = true
    c.anonymousRefs.push(el)
  } else if (node.refname !== undefined) {
    el.refname = node.refname
    c.model.noteRefname(el)
  } else if (node.refuri !== undefined) {
    el.refuri = node.refuri
  }
  c.visitOrder.push(el)
}

function noteSubstitutionReference(c: Collected, node: SubstitutionReference): void {
  if (node.reference) {
    // `|name|_`: a reference wrapping the substitution reference.
    const ref = element('reference', node.position)
    if (node.reference === 'anonymous') {
      ref.anonymous = true
      c.anonymousRefs.push(ref)
    } else {
      ref.refname = normalizeName(node.refname)
      c.model.noteRefname(ref)
    }
    c.visitOrder.push(ref)
  }
  const el = elementOf(c, node)
  el.kind = 'substitution_reference'
  el.refname = collapseWhitespace(node.refname)
  const use: SubstitutionUse = {element: el, copies: []}
  c.substitutionUses.push(use)
  c.visitOrder.push(use)
}

function noteFootnoteReference(c: Collected, node: FootnoteReference): void {
  const el = elementOf(c, node)
  el.kind = 'footnote_reference'
  if (node.auto === '1') {
    el.auto = '1'
    c.model.setId(el)
    c.autofootnoteRefs.push(el)
    const name = node.refname ?? normalizeName(node.label.slice(1))
    if (name) el.refname = name
  } else if (node.auto === '*') {
    el.auto = '*'
    c.model.setId(el)
    c.symbolFootnoteRefs.push(el)
  } else {
    el.refname = node.refname ?? normalizeName(node.label)
  }
  if (el.refname) {
    c.model.setId(el)
    pushTo(c.footnoteRefs, el.refname, el)
    c.model.noteRefname(el)
  }
  c.visitOrder.push(el)
}

/**
 * The inline nodes a substitution definition stands for: its inline children,
 * and the inline result of a `replace::` directive in it (kept by the parser
 * in the directive's `data.inline`, or as a paragraph child).
 */
export function substitutionContent(node: SubstitutionDefinition): RstNode[] {
  const out: RstNode[] = []
  for (const child of node.children) {
    if (child.type !== 'directive') {
      out.push(child)
      continue
    }
    const inline = child.data?.inline
    if (Array.isArray(inline)) {
      out.push(...(inline as RstNode[]))
      continue
    }
    for (const part of child.children) {
      if (part.type === 'paragraph') out.push(...part.children)
    }
  }
  return out
}

function noteSubstitutionDefinition(
  c: Collected,
  node: SubstitutionDefinition,
  content: readonly RstNode[],
  inside: Array<Element | SubstitutionUse>,
): void {
  const name = collapseWhitespace(node.name)
  const el = elementOf(c, node)
  el.kind = 'other'
  const previous = c.substitutionDefs.get(name)
  if (previous) {
    c.model.report(3, `Duplicate substitution definition name: "${name}".`, node.position, 'parse')
    // docutils keeps the last definition; the earlier one's name becomes a dupname.
    const old = previous.element.node
    if (old) old.data = {...old.data, dupnames: [name]}
  }
  // Only the definition's top-level references are copied where it is used.
  const top = new Set<RstNode>(content)
  const referentials = inside.filter(
    (item): item is Element => 'kind' in item && item.refname !== undefined && item.node !== undefined && top.has(item.node),
  )
  c.substitutionDefs.set(name, {element: el, referentials})
  c.substitutionNames.set(name.toLowerCase(), name)
}

function noteDirective(c: Collected, node: Directive): void {
  const name = node.name.toLowerCase()
  if (name === 'contents') {
    // docutils' contents topic is an implicit target named after its title.
    // The title is the argument, else "Contents" (also the name of an untitled `:local:` one).
    const title = normalizeName(node.argument || 'Contents')
    const el = elementOf(c, node)
    el.kind = 'topic'
    if (!c.model.nameids.has(title)) el.names = [title]
    c.model.noteImplicitTarget(el)
    c.named.push(el)
    return
  }
  if (!namingDirectives.has(name)) return
  const option = node.options.find((item) => item.name === 'name')
  if (!option) return
  const el = elementOf(c, node)
  el.kind = 'named'
  el.names = [normalizeName(option.value)]
  c.model.noteExplicitTarget(el)
  c.named.push(el)
}

/** docutils classes `Invisible` / `Targetable` (other than target): targets do not propagate into them. */
export function blocksPropagation(node: RstNode): boolean {
  switch (node.type) {
    case 'comment':
    case 'substitution_definition':
    case 'footnote':
    case 'citation':
      return true
    case 'directive':
      return invisibleDirectives.has(node.name.toLowerCase())
    default:
      return false
  }
}

/**
 * A node's names as the parser gave them: `names` plus what an earlier run
 * moved to `data.dupnames` (so applying the transforms twice changes nothing).
 */
function namesOf(node: RstNode & {names: string[]}): string[] {
  const moved = node.data?.dupnames
  return Array.isArray(moved) && moved.length > 0 ? [...node.names, ...(moved as string[])] : [...node.names]
}

export function elementOf(c: Collected, node: RstNode, position: Position = node.position): Element {
  let el = c.elements.get(node)
  if (!el) {
    el = element('other', position, node)
    c.elements.set(node, el)
  }
  return el
}

function isTextElement(type: string): boolean {
  switch (type) {
    case 'paragraph':
    case 'title':
    case 'term':
    case 'classifier':
    case 'field_name':
    case 'line':
    case 'attribution':
    case 'literal_block':
    case 'doctest_block':
      return true
    default:
      return false
  }
}

function textOf(children: Inline[]): string {
  let text = ''
  for (const child of children) {
    if ('value' in child && typeof child.value === 'string') text += child.value
    else if ('children' in child) text += textOf(child.children as Inline[])
  }
  return text
}

function pushTo(map: Map<string, Element[]>, key: string, value: Element): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
