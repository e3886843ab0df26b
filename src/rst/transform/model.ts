// A small mirror of the docutils `document` bookkeeping that decides name
// problems: the name→id map with explicit/implicit types, id generation, and
// `set_duplicate_name_id`'s state table. Each tree node that docutils would
// give names or ids gets one `Element` here, so the transforms can follow
// docutils' own algorithm step by step and produce its exact messages.

import type {Position, Problem, ProblemLevel, RstNode} from '../types.ts'
import {makeId} from './names.ts'

export type ElementKind =
  | 'section'
  | 'target'
  | 'footnote'
  | 'citation'
  | 'topic'
  | 'named'
  | 'reference'
  | 'footnote_reference'
  | 'citation_reference'
  | 'substitution_reference'
  | 'other'

/** docutils' node attributes and flags that the reference transforms read and write. */
export interface Element {
  kind: ElementKind
  /** Our tree node (names are written back to it); absent for synthesized copies. */
  node?: RstNode
  /** Where messages about this element point. */
  position: Position
  names: string[]
  dupnames: string[]
  ids: string[]
  refname?: string
  refuri?: string
  refid?: string
  anonymous?: boolean
  auto?: '1' | '*'
  /** A target inside a text element (inline `_`x``, embedded `<uri>`): never propagated. */
  inline?: boolean
  referenced: boolean
  resolved: boolean
  /** Replaced by a `problematic` node: no longer visited. */
  removed?: boolean
  expectByName?: Map<string, Element>
  expectById?: Map<string, Element>
}

export function element(kind: ElementKind, position: Position, node?: RstNode): Element {
  return {kind, node, position, names: [], dupnames: [], ids: [], referenced: false, resolved: false}
}

/** docutils' id prefix for nodes without a usable name (`auto_id_prefix` `%`). */
const tagPrefix: Record<ElementKind, string> = {
  section: 'section',
  target: 'target',
  footnote: 'footnote',
  citation: 'citation',
  topic: 'topic',
  named: 'container',
  reference: 'reference',
  footnote_reference: 'footnote-reference',
  citation_reference: 'citation-reference',
  substitution_reference: 'substitution-reference',
  other: 'node',
}

export class DocumentModel {
  /** name → id (`null`: a duplicate, no longer usable). */
  readonly nameids = new Map<string, string | null>()
  /** name → explicit? */
  readonly nametypes = new Map<string, boolean>()
  readonly ids = new Map<string, Element>()
  readonly refnames = new Map<string, Element[]>()
  readonly refids = new Map<string, Element[]>()
  private readonly idCounter = new Map<string, number>()
  readonly problems: Problem[] = []

  report(level: ProblemLevel, text: string, position: Position, phase: Problem['phase']): void {
    this.problems.push({level, text, position, phase})
  }

  /** docutils `document.set_id`. */
  setId(el: Element): string {
    if (el.ids.length > 0) {
      for (const id of el.ids) if (!this.ids.has(id)) this.ids.set(id, el)
      return el.ids[0] as string
    }
    let baseId = ''
    let id = ''
    let found = false
    for (const name of el.names) {
      baseId = makeId(name)
      id = baseId
      if (baseId && !this.ids.has(id)) {
        found = true
        break
      }
    }
    if (!found) {
      const prefix = baseId ? `${id}-` : `${tagPrefix[el.kind]}-`
      let count = this.idCounter.get(prefix) ?? 0
      do {
        count++
        id = `${prefix}${count}`
      } while (this.ids.has(id))
      this.idCounter.set(prefix, count)
    }
    el.ids.push(id)
    this.ids.set(id, el)
    return id
  }

  noteImplicitTarget(el: Element, position = el.position): void {
    const id = this.setId(el)
    this.setNameIdMap(el, id, false, position)
  }

  noteExplicitTarget(el: Element, position = el.position): void {
    const id = this.setId(el)
    this.setNameIdMap(el, id, true, position)
  }

  noteRefname(el: Element): void {
    if (el.refname === undefined) return
    push(this.refnames, el.refname, el)
  }

  noteRefid(el: Element): void {
    if (el.refid === undefined) return
    push(this.refids, el.refid, el)
  }

  private setNameIdMap(el: Element, id: string, explicit: boolean, position: Position): void {
    for (const name of [...el.names]) {
      if (this.nameids.has(name)) {
        this.setDuplicateNameId(el, id, name, explicit, position)
      } else {
        this.nameids.set(name, id)
        this.nametypes.set(name, explicit)
      }
    }
  }

  // docutils `set_duplicate_name_id`, branch for branch.
  private setDuplicateNameId(el: Element, id: string, name: string, explicit: boolean, position: Position): void {
    const oldId = this.nameids.get(name) ?? null
    const oldExplicit = this.nametypes.get(name) ?? false
    this.nametypes.set(name, oldExplicit || explicit)
    if (explicit) {
      if (oldExplicit) {
        let level: ProblemLevel = 2
        if (oldId !== null) {
          const old = this.ids.get(oldId)
          if (old && el.refuri !== undefined && old.names.length > 0 && old.refuri === el.refuri) {
            // Just inform if both point to the same URI.
            level = 1
          }
          if (level > 1 && old) {
            dupname(old, name)
            this.nameids.set(name, null)
          }
        }
        this.report(level, `Duplicate explicit target name: "${name}".`, position, 'parse')
        dupname(el, name)
      } else {
        this.nameids.set(name, id)
        if (oldId !== null) {
          const old = this.ids.get(oldId)
          if (old) dupname(old, name)
        }
      }
    } else {
      if (oldId !== null && !oldExplicit) {
        this.nameids.set(name, null)
        const old = this.ids.get(oldId)
        if (old) dupname(old, name)
      }
      dupname(el, name)
    }
    if (!explicit || (!oldExplicit && oldId !== null)) {
      this.report(1, `Duplicate implicit target name: "${name}".`, position, 'parse')
    }
  }
}

/** docutils `dupname`: the name moves to `dupnames`, and the node counts as referenced. */
export function dupname(el: Element, name: string): void {
  el.dupnames.push(name)
  const index = el.names.indexOf(name)
  if (index >= 0) el.names.splice(index, 1)
  el.referenced = true
}

/** docutils `Element.note_referenced_by`, with the propagated-target hand-off. */
export function noteReferencedBy(el: Element, by: {name?: string; id?: string}): void {
  el.referenced = true
  if (by.name !== undefined) {
    const target = el.expectByName?.get(by.name)
    if (target) target.referenced = true
  }
  if (by.id !== undefined) {
    const target = el.expectById?.get(by.id)
    if (target) target.referenced = true
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
