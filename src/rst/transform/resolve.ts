// docutils' standalone-reader reference transforms, in their order:
// Substitutions, PropagateTargets, AnonymousHyperlinks, IndirectHyperlinks,
// Footnotes, ExternalTargets, InternalTargets, DanglingReferences
// (docutils/transforms/references.py). Each step follows docutils' algorithm
// on the collected elements, so the problems ("Unknown target name", "is not
// referenced", ...) come out with docutils' wording, levels and nodes.

import {type Collected, type SubstitutionUse, blocksPropagation} from './collect.ts'
import {type Element, noteReferencedBy} from './model.ts'

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

function substitutions(c: Collected, known: ReadonlySet<string>): void {
  for (const use of c.substitutionUses) {
    const refname = use.element.refname ?? ''
    const key = c.substitutionDefs.has(refname) ? refname : c.substitutionNames.get(refname.toLowerCase())
    const entry = key === undefined ? undefined : c.substitutionDefs.get(key)
    if (!entry) {
      // Defined outside the document (Sphinx's defaults, the rst_epilog).
      if (known.has(refname) || known.has(refname.toLowerCase())) continue
      c.model.report(3, `Undefined substitution referenced: "${refname}".`, use.element.position, 'transform')
      continue
    }
    // The definition's references are copied in place and registered again.
    for (const original of entry.referentials) {
      const copy: Element = {...original, names: [], dupnames: [], ids: [], referenced: false, resolved: false}
      // docutils reports problems of the copy where the substitution is used.
      copy.position = use.element.position
      delete copy.node
      use.copies.push(copy)
      c.model.noteRefname(copy)
    }
  }
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

function footnotes(c: Collected): void {
  const model = c.model
  // Number the auto-numbered footnotes, skipping numbers already used as names.
  const labels: string[] = []
  let next = 1
  for (const footnote of c.autofootnotes) {
    let label: string
    do {
      label = String(next++)
    } while (model.nameids.has(label))
    for (const name of footnote.names) {
      for (const ref of c.footnoteRefs.get(name) ?? []) {
        delete ref.refname
        ref.refid = footnote.ids[0]
        model.noteRefid(ref)
        ref.resolved = true
      }
    }
    if (footnote.names.length === 0 && footnote.dupnames.length === 0) {
      footnote.names.push(label)
      model.noteExplicitTarget(footnote)
      labels.push(label)
    }
  }

  let used = 0
  const refs = c.autofootnoteRefs
  for (const ref of refs) {
    if (ref.resolved || ref.refid !== undefined) continue
    const label = labels[used]
    if (label === undefined) {
      // docutils slices from the count of numbered references, not the position.
      const replaced = refs.slice(used).filter((other) => !other.resolved && other.refname === undefined)
      for (const other of replaced) other.removed = true
      model.report(
        3,
        `Too many autonumbered footnote references: only ${labels.length} corresponding footnotes available.`,
        replaced[0]?.position ?? ref.position,
        'transform',
      )
      break
    }
    const id = model.nameids.get(label) ?? undefined
    if (id !== undefined) {
      ref.refid = id
      model.noteRefid(ref)
    }
    ref.resolved = true
    used++
  }

  const symbols = c.symbolFootnotes
  c.symbolFootnoteRefs.forEach((ref, index) => {
    if (ref.removed) return
    const footnote = symbols[index]
    if (!footnote) {
      if (index === symbols.length) {
        const replaced = c.symbolFootnoteRefs.slice(index).filter((other) => !other.resolved && other.refid === undefined)
        for (const other of replaced) other.removed = true
        model.report(
          3,
          `Too many symbol footnote references: only ${symbols.length} corresponding footnotes available.`,
          replaced[0]?.position ?? ref.position,
          'transform',
        )
      }
      return
    }
    ref.refid = footnote.ids[0]
    model.noteRefid(ref)
  })

  const link = (note: Element, reflist: Element[]): void => {
    for (const ref of reflist) {
      if (ref.resolved) continue
      delete ref.refname
      ref.refid = note.ids[0]
      ref.resolved = true
    }
    note.resolved = true
  }
  for (const footnote of c.footnotes) {
    for (const label of footnote.names) {
      const reflist = c.footnoteRefs.get(label)
      if (reflist) link(footnote, reflist)
    }
  }
  for (const citation of c.citations) {
    for (const label of citation.names) {
      const reflist = c.citationRefs.get(label)
      if (reflist) link(citation, reflist)
    }
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
