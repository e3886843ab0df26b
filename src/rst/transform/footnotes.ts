// docutils' Footnotes transform: numbers auto-numbered footnotes (skipping
// numbers used as names), pairs `[#]_` and `[*]_` references with footnotes in
// order, reports references left over, and links labelled footnotes and
// citations with their references.

import type {Collected} from './collect.ts'
import type {Element} from './model.ts'

export function footnotes(c: Collected): void {
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
