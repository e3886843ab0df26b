// docutils' standalone-reader reference transforms, in their order:
// Substitutions, PropagateTargets, AnonymousHyperlinks, IndirectHyperlinks,
// Footnotes, ExternalTargets, InternalTargets, DanglingReferences
// (docutils/transforms/references.py). Each step follows docutils' algorithm
// on the collected elements, so the problems ("Unknown target name", "is not
// referenced", ...) come out with docutils' wording, levels and nodes.

import {type Collected, type SubstitutionUse, blocksPropagation} from './collect.ts'
import {footnotes} from './footnotes.ts'
import {type Element, noteReferencedBy} from './model.ts'
import {substitutions} from './substitutions.ts'

export function resolveReferences(c: Collected, knownSubstitutions: ReadonlySet<string>): void {
  substitutions(c, knownSubstitutions)
  propagateTargets(c)
  anonymousHyperlinks(c)
  indirectHyperlinks(c)
  footnotes(c)
  externalTargets(c)
  internalTargets(c)
  danglingReferences(c)
}

function propagateTargets(c: Collected): void {
  for (const target of c.targets) {
    if (target.inline || target.refid !== undefined || target.refuri !== undefined || target.refname !== undefined) continue
    const next = c.nextNode.get(target)
    if (!next) continue
    if (blocksPropagation(next.node)) continue
    const destination = next.element
    destination.ids.push(...target.ids)
    destination.names.push(...target.names)
    destination.expectByName ??= new Map()
    destination.expectById ??= new Map()
    for (const id of target.ids) {
      c.model.ids.set(id, destination)
      destination.expectById.set(id, target)
    }
    for (const name of target.names) destination.expectByName.set(name, target)
    for (const [name, el] of target.expectByName ?? []) destination.expectByName.set(name, el)
    for (const [id, el] of target.expectById ?? []) destination.expectById.set(id, el)
    target.refid = target.ids[0]
    target.ids = []
    target.names = []
    c.model.noteRefid(target)
  }
}

function anonymousHyperlinks(c: Collected): void {
  const refs = c.anonymousRefs
  const targets = c.anonymousTargets
  if (refs.length !== targets.length) {
    const at = refs[0] ?? targets[0]
    if (at) {
      c.model.report(
        3,
        `Anonymous hyperlink mismatch: ${refs.length} references but ${targets.length} targets.\nSee "backrefs" attribute for IDs.`,
        at.position,
        'transform',
      )
    }
    for (const ref of refs) ref.removed = true
    return
  }
  refs.forEach((ref, index) => {
    let target = targets[index] as Element
    target.referenced = true
    for (;;) {
      if (target.refuri !== undefined) {
        ref.refuri = target.refuri
        ref.resolved = true
        break
      }
      if (target.ids.length === 0) {
        // A propagated target: follow it to the node that now holds its id.
        const next = target.refid === undefined ? undefined : c.model.ids.get(target.refid)
        if (!next || next === target) break
        target = next
        continue
      }
      ref.refid = target.ids[0]
      c.model.noteRefid(ref)
      break
    }
  })
}

function indirectHyperlinks(c: Collected): void {
  const pending = new Set<Element>()
  const resolveTarget = (target: Element): void => {
    const refname = target.refname
    const reftargetId = refname === undefined ? target.refid : c.model.nameids.get(refname) ?? undefined
    if (!reftargetId) {
      nonexistent(target)
      return
    }
    const reftarget = c.model.ids.get(reftargetId)
    if (!reftarget) {
      nonexistent(target)
      return
    }
    noteReferencedBy(reftarget, {id: reftargetId})
    if (reftarget.kind === 'target' && !reftarget.resolved && reftarget.refname !== undefined) {
      if (pending.has(target)) {
        indirectError(target, 'forming a circular reference')
        return
      }
      pending.add(target)
      resolveTarget(reftarget)
      pending.delete(target)
    }
    if (reftarget.refuri !== undefined) {
      target.refuri = reftarget.refuri
      delete target.refid
    } else if (reftarget.refid !== undefined) {
      target.refid = reftarget.refid
      c.model.noteRefid(target)
    } else if (reftarget.ids.length > 0) {
      target.refid = reftargetId
      c.model.noteRefid(target)
    } else {
      nonexistent(target)
      return
    }
    if (refname !== undefined) delete target.refname
    target.resolved = true
  }

  const nonexistent = (target: Element): void => {
    if (target.refname !== undefined && c.model.nameids.has(target.refname)) {
      indirectError(target, 'which is a duplicate, and cannot be used as a unique reference')
    } else {
      indirectError(target, 'which does not exist')
    }
  }

  const indirectError = (target: Element, explanation: string): void => {
    let naming = target.names.length > 0 ? `"${target.names[0]}" ` : ''
    const reflist: Element[] = []
    for (const name of target.names) reflist.push(...(c.model.refnames.get(name) ?? []))
    for (const id of target.ids) reflist.push(...(c.model.refids.get(id) ?? []))
    if (target.ids.length > 0) naming += `(id="${target.ids[0]}")`
    const unique = [...new Set(reflist)]
    // The message points back to the first reference it replaces (an inline
    // node; replaced targets have no place of their own), else to the target.
    const first = unique.find((ref) => ref.kind !== 'target')
    c.model.report(
      3,
      `Indirect hyperlink target ${naming} refers to target "${target.refname ?? ''}", ${explanation}.`,
      first ? first.position : target.position,
      'transform',
    )
    for (const ref of unique) ref.removed = true
    target.resolved = true
  }

  const resolveReferencesTo = (target: Element): void => {
    const attribute = target.refid !== undefined ? 'refid' : target.refuri !== undefined ? 'refuri' : undefined
    if (!attribute) return
    const value = target[attribute]
    const apply = (ref: Element): void => {
      if (ref.resolved) return
      delete ref.refname
      if (attribute === 'refid') {
        ref.refid = value
        c.model.noteRefid(ref)
      } else {
        ref.refuri = value
      }
      ref.resolved = true
      if (ref.kind === 'target') resolveReferencesTo(ref)
    }
    for (const name of target.names) {
      const reflist = c.model.refnames.get(name) ?? []
      if (reflist.length > 0) noteReferencedBy(target, {name})
      for (const ref of [...reflist]) apply(ref)
    }
    for (const id of target.ids) {
      const reflist = c.model.refids.get(id) ?? []
      if (reflist.length > 0) noteReferencedBy(target, {id})
      for (const ref of [...reflist]) apply(ref)
    }
  }

  for (const target of c.indirectTargets) {
    if (!target.resolved) resolveTarget(target)
    resolveReferencesTo(target)
  }
}

function externalTargets(c: Collected): void {
  for (const target of c.targets) {
    if (target.refuri === undefined) continue
    for (const name of target.names) {
      const reflist = c.model.refnames.get(name) ?? []
      if (reflist.length > 0) noteReferencedBy(target, {name})
      for (const ref of reflist) {
        if (ref.resolved) continue
        delete ref.refname
        ref.refuri = target.refuri
        ref.resolved = true
      }
    }
  }
}

function internalTargets(c: Collected): void {
  for (const target of c.targets) {
    if (target.refuri !== undefined || target.refid !== undefined) continue
    for (const name of target.names) {
      const refid = c.model.nameids.get(name) ?? undefined
      const reflist = c.model.refnames.get(name) ?? []
      if (reflist.length > 0) noteReferencedBy(target, {name})
      for (const ref of reflist) {
        if (ref.resolved) continue
        if (refid) {
          delete ref.refname
          ref.refid = refid
        }
        ref.resolved = true
      }
    }
  }
}

function danglingReferences(c: Collected): void {
  const model = c.model
  const visit = (ref: Element): void => {
    if (ref.removed || ref.resolved || ref.refname === undefined) return
    const refname = ref.refname
    const id = model.nameids.get(refname) ?? undefined
    if (id === undefined) {
      const text = model.nameids.has(refname)
        ? `Duplicate target name, cannot be used as a unique reference: "${refname}".`
        : `Unknown target name: "${refname}".`
      model.report(3, text, ref.position, 'transform')
      ref.removed = true
      return
    }
    delete ref.refname
    ref.refid = id
    const target = model.ids.get(id)
    if (target) noteReferencedBy(target, {id})
    ref.resolved = true
  }
  for (const item of c.visitOrder) {
    if (isUse(item)) for (const copy of item.copies) visit(copy)
    else visit(item)
  }
  // After resolving every reference: the targets nothing refers to.
  for (const target of c.targets) {
    // Targets replaced by a `problematic` node are gone from the document.
    if (target.referenced || target.anonymous || target.removed) continue
    const naming = target.names[0] ?? target.ids[0] ?? target.refid ?? ''
    model.report(1, `Hyperlink target "${naming}" is not referenced.`, target.position, 'transform')
  }
}

function isUse(item: Element | SubstitutionUse): item is SubstitutionUse {
  return 'copies' in item
}
