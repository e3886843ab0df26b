// The names one document defines that Sphinx's `any` role can resolve to
// (labels, options, environment variables, glossary terms, domain objects),
// and its external hyperlink targets (`.. _name: URL`), which only `name_`
// references reach. File-only knowledge: other documents are not seen here.

import type {Directive, Root, RstNode, Target} from '../../rst/types.ts'
import {visit} from './visit.ts'

export interface DocumentTargets {
  /** Normalized names an `any` reference can resolve to within this file. */
  anyTargets: Set<string>
  /** Normalized names of external/indirect hyperlink targets, by name. */
  hyperlinkTargets: Map<string, Target>
}

/** docutils' `fully_normalize_name`: lowercase, whitespace runs collapsed. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().split(/\s+/).join(' ')
}

export function documentTargets(tree: Root): DocumentTargets {
  const anyTargets = new Set<string>()
  const hyperlinkTargets = new Map<string, Target>()
  // Only these two types define names (in document order, as the last definition wins).
  visit(tree, ['target', 'directive'], (node: RstNode) => {
    if (node.type === 'target') {
      for (const name of node.names) {
        if (node.refuri !== undefined || node.refname !== undefined) hyperlinkTargets.set(name, node)
        else anyTargets.add(name)
      }
    } else if (node.type === 'directive') {
      for (const name of directiveTargets(node)) anyTargets.add(normalizeName(name))
    }
  })
  return {anyTargets, hyperlinkTargets}
}

/** Names a directive defines: `option` switches, `envvar`, glossary terms, domain objects. */
function directiveTargets(directive: Directive): string[] {
  const name = directive.name.toLowerCase()
  const argument = directive.argument.trim()
  if (name === 'option' || name === 'cmdoption' || name === 'std:option') {
    return argument.split(/,\s*|\n/).map((switchText) => switchText.trim().split(/[\s=[]/)[0] ?? '').filter(Boolean)
  }
  if (name === 'envvar' || name === 'program') return argument ? [argument] : []
  if (name === 'glossary') {
    const terms: string[] = []
    visit(directive, 'term', (term) => {
      if ('children' in term) terms.push(term.children.map((child) => ('value' in child ? child.value : '')).join(''))
    })
    return terms
  }
  if (name.includes(':') && argument) {
    // `c:function:: int foo(void)` -> foo; `qapi:command:: query-foo` -> query-foo
    const identifiers = argument.match(/[A-Za-z_][\w.-]*(?=\s*\(|$)/)
    return [identifiers?.[0] ?? argument.split(/\s+/)[0] ?? '']
  }
  return []
}
