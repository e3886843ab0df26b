// What docutils' parser notes on the document for each kind of node: explicit
// targets (`.. _x:`, embedded `<uri>`, `:name:`), references, footnote and
// citation references, substitution definitions and references, and the
// implicit target of a `contents` topic.

import type {
  Directive,
  FootnoteReference,
  Reference,
  RstNode,
  SubstitutionDefinition,
  SubstitutionReference,
  Target,
} from '../types.ts'
import {type Collected, type SubstitutionUse, elementOf, namesOf, pushTo, textOf} from './collected.ts'
import {type Element, element} from './model.ts'
import {collapseWhitespace, normalizeName} from './names.ts'

/** docutils directives that register `:name:` as an explicit target (`Directive.add_name`). */
const namingDirectives = new Set([
  'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'admonition',
  'image', 'figure', 'topic', 'sidebar', 'line-block', 'parsed-literal', 'code', 'math', 'rubric',
  'compound', 'container', 'table', 'csv-table', 'list-table', 'target-notes',
])

/** Directives whose node is `Invisible` (pending, meta): targets do not propagate into them. */
const invisibleDirectives = new Set(['class', 'sectnum', 'target-notes', 'meta'])

export function noteTarget(c: Collected, node: Target): void {
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

export function noteReference(c: Collected, node: Reference, text: string): void {
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

export function noteSubstitutionReference(c: Collected, node: SubstitutionReference): void {
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

export function noteFootnoteReference(c: Collected, node: FootnoteReference): void {
  const el = elementOf(c, node)
  el.kind = 'footnote_reference'
  if (node.auto === '1') {
    el.auto = '1'
    c.model.setId(el)
    c.autofootnoteRefs.push(el)
    const name = node.refname ?? normalizeName((node.label ?? '').slice(1))
    if (name) el.refname = name
  } else if (node.auto === '*') {
    el.auto = '*'
    c.model.setId(el)
    c.symbolFootnoteRefs.push(el)
  } else {
    el.refname = node.refname ?? normalizeName(node.label ?? '')
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

export function noteSubstitutionDefinition(
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

export function noteDirective(c: Collected, node: Directive): void {
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
  const option = (node.options ?? []).find((item) => item.name === 'name')
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
