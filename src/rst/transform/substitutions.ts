// docutils' Substitutions transform, as far as problems go: a reference to a
// name neither the document nor the project (Sphinx built-ins, rst_epilog)
// defines is an error; the references inside a definition are copied to each
// place it is used, where they are resolved (and reported) again.

import type {Collected} from './collect.ts'
import type {Element} from './model.ts'

export function substitutions(c: Collected, known: ReadonlySet<string>): void {
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
