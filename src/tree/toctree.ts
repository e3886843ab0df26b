// The toctree graph, as Sphinx builds it: every toctree entry resolved
// against the found documents (missing and excluded ones recorded), `:glob:`
// patterns expanded, duplicates within one toctree noted, and the documents
// no toctree includes (Sphinx's "document isn't included in any toctree").

import {editDistance, sphinxPattern} from './docnames.ts'
import type {DocFacts, ToctreeEntry, ToctreeFact} from './model.ts'

export interface ToctreeProblem {
  kind: 'missing' | 'excluded' | 'glob-empty' | 'duplicate'
  toctree: ToctreeFact
  entry: ToctreeEntry
  /** For `missing`: the closest existing document name. */
  suggestion?: string
}

export interface ToctreeGraph {
  /** Documents each document's toctrees include, in order. */
  children: Map<string, string[]>
  /** The documents whose toctrees include a document. */
  parents: Map<string, string[]>
  /** Documents reachable from the master document. */
  reachable: Set<string>
  /** Documents in no toctree, neither the master nor `:orphan:`. */
  orphans: string[]
  problems: ToctreeProblem[]
}

export function buildToctreeGraph(
  docs: ReadonlyMap<string, DocFacts>,
  found: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
  masterDoc: string,
): ToctreeGraph {
  const children = new Map<string, string[]>()
  const parents = new Map<string, string[]>()
  const problems: ToctreeProblem[] = []
  const sorted = [...found].sort()
  for (const facts of docs.values()) {
    const list: string[] = []
    for (const toctree of facts.toctrees) {
      // Sphinx keeps one pool per toctree directive: every document but this one.
      const taken = new Set<string>([facts.docname])
      for (const entry of toctree.entries) {
        if (entry.kind === 'url' || entry.kind === 'self') continue
        if (entry.kind === 'glob') {
          const pattern = sphinxPattern(entry.docname)
          for (const name of sorted) {
            if (taken.has(name) || !pattern.test(name)) continue
            taken.add(name)
            entry.includes.push(name)
          }
          if (entry.includes.length === 0) problems.push({kind: 'glob-empty', toctree, entry})
        } else if (!found.has(entry.docname)) {
          if (excluded.has(entry.docname)) problems.push({kind: 'excluded', toctree, entry})
          else problems.push({kind: 'missing', toctree, entry, suggestion: closest(entry.docname, sorted)})
          continue
        } else {
          if (taken.has(entry.docname)) problems.push({kind: 'duplicate', toctree, entry})
          taken.add(entry.docname)
          entry.includes.push(entry.docname)
        }
        for (const name of entry.includes) {
          list.push(name)
          const parentList = parents.get(name)
          if (!parentList) parents.set(name, [facts.docname])
          else if (!parentList.includes(facts.docname)) parentList.push(facts.docname)
        }
      }
    }
    children.set(facts.docname, list)
  }
  const reachable = new Set<string>()
  const queue = [masterDoc]
  while (queue.length > 0) {
    const name = queue.pop() as string
    if (reachable.has(name) || !found.has(name)) continue
    reachable.add(name)
    for (const child of children.get(name) ?? []) queue.push(child)
  }
  const orphans = sorted.filter((name) => name !== masterDoc && !parents.has(name) && !docs.get(name)?.orphan)
  return {children, parents, reachable, orphans, problems}
}

/** The most similar document name: same last component first, else edit distance ≤ 3. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const sameBase = candidates.filter((candidate) => candidate.slice(candidate.lastIndexOf('/') + 1) === base)
  if (sameBase.length === 1) return sameBase[0]
  let best: string | undefined
  let bestDistance = Math.min(3, Math.floor(name.length / 3)) + 1
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate, bestDistance - 1)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
