// Per-document index facts in the cache. A document's facts are reused while
// its own text and everything its walk looked at (spliced include trees, .hx
// texts, tested paths) are unchanged. Each carries a position-free hash: the
// project state is made of those, so an edit that moves text but defines
// nothing new keeps every other file's cached project findings.
//
// Contract this relies on (true of every rule today): a project finding on
// file B depends on positions only of facts located in B itself (whose text
// is in B's own key) — never on where things sit in other files.

import type {DocumentFacts} from '../../tree/walk.ts'
import type {TreeFiles} from '../../tree/files.ts'
import {hashOf, hashParts} from './hash.ts'

export interface FactsEntry {
  docname: string
  /** Content hash of the document. */
  content: string
  /** Hash of the answers to `facts.deps` when the facts were collected. */
  deps: string
  /** Position-free hash of the facts. */
  stripped: string
  facts: DocumentFacts
}

/** Keys that only say where something is (and the walk's own bookkeeping). */
function isPlaceKey(key: string): boolean {
  return key === 'position' || key.endsWith('Position') || key === 'offset' || key === 'children' || key === 'deps'
}

export function strippedHash(facts: DocumentFacts): string {
  return hashOf(JSON.stringify(facts, (key, value: unknown) => (isPlaceKey(key) ? undefined : value)))
}

/** The answers to what a document's walk asked, now. `trees`: content hash of each parsed file. */
export function depsHash(deps: DocumentFacts['deps'], files: TreeFiles, trees: ReadonlyMap<string, string>): string {
  const parts: string[] = ['trees']
  for (const path of deps.trees) parts.push(path, trees.get(path) ?? '-')
  parts.push('reads')
  for (const path of deps.reads) {
    const text = files.read(path)
    parts.push(path, text === undefined ? '-' : hashOf(text))
  }
  parts.push('exists')
  for (const path of deps.exists) parts.push(path, files.exists(path) ? '1' : '0')
  return hashParts(parts)
}

/** Facts as stored: directive nodes without their subtrees (nothing reads them from facts). */
export function storableFacts(facts: DocumentFacts): DocumentFacts {
  return {
    ...facts,
    toctrees: facts.toctrees.map((toctree) => ({...toctree, directive: {...toctree.directive, children: []}})),
    uses: facts.uses.map((use) => ({...use, node: {...use.node, children: []}})),
  }
}
