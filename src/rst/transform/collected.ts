// What the parse-order walk (collect.ts) records about one document: docutils'
// `document` lists (targets, references, footnotes, substitutions) in the
// orders docutils keeps them, and the element mirroring each tree node.

import type {Inline, Position, RstNode} from '../types.ts'
import {type Element, DocumentModel, element} from './model.ts'

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

/**
 * A node's names as the parser gave them: `names` plus what an earlier run
 * moved to `data.dupnames` (so applying the transforms twice changes nothing).
 */
export function namesOf(node: RstNode & {names: string[]}): string[] {
  // Defensive: a tree from elsewhere may lack `names`; the transforms never throw.
  const names = Array.isArray(node.names) ? node.names : []
  const moved = node.data?.dupnames
  return Array.isArray(moved) && moved.length > 0 ? [...names, ...(moved as string[])] : [...names]
}

export function elementOf(c: Collected, node: RstNode, position: Position = node.position): Element {
  let el = c.elements.get(node)
  if (!el) {
    el = element('other', position, node)
    c.elements.set(node, el)
  }
  return el
}

export function textOf(children: Inline[]): string {
  let text = ''
  for (const child of children) {
    if ('value' in child && typeof child.value === 'string') text += child.value
    else if ('children' in child) text += textOf(child.children as Inline[])
  }
  return text
}

export function pushTo(map: Map<string, Element[]>, key: string, value: Element): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
