// Document-wide checks on names and references, run by the block parser after
// parsing: docutils' duplicate-name problems (noted while parsing) and the
// reader transforms' problems (unknown targets, unreferenced targets, undefined
// substitutions, footnote numbering), with docutils' wording and levels, each
// at the node concerned. Duplicate names move to `data.dupnames`, as in docutils
// (directives get their `:name:` / `contents` names in `data.names`).

import type {Source} from '../source.ts'
import type {Root, RstNode} from '../types.ts'
import {collect} from './collect.ts'
import {resolveReferences} from './resolve.ts'

export interface TransformOptions {
  /**
   * Substitutions defined outside the document (Sphinx's built-ins, a
   * project's `rst_epilog`): referencing them is not an error.
   */
  knownSubstitutions?: Iterable<string>
}

/** Sphinx defines these three for every document. */
export const sphinxSubstitutions: readonly string[] = ['version', 'release', 'today']

export function applyTransforms(root: Root, source: Source, options: TransformOptions = {}): void {
  const collected = collect(root, source.text)
  // Names as docutils leaves them after parsing (before targets propagate).
  for (const el of collected.named) {
    const node = el.node as (RstNode & {names?: string[]}) | undefined
    if (!node) continue
    // An embedded `<uri>` target has no node of its own: its reference carries
    // the dupnames; directives (`:name:`, `contents`) keep names in `data.names`.
    if (Array.isArray(node.names)) node.names = [...el.names]
    else if (node.type === 'directive') node.data = {...node.data, names: [...el.names]}
    if (el.dupnames.length > 0) node.data = {...node.data, dupnames: [...el.dupnames]}
    else if (node.data && 'dupnames' in node.data) delete node.data.dupnames
  }
  const known = new Set<string>()
  for (const name of options.knownSubstitutions ?? sphinxSubstitutions) {
    known.add(name)
    known.add(name.toLowerCase())
  }
  resolveReferences(collected, known)
  root.data.problems.push(...collected.model.problems)
}
