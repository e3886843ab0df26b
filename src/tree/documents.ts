// The documents Sphinx would find in a tree: every `.rst` under the docs
// folder minus conf.py's exclude_patterns, with conf.py's facts. Small on
// purpose: a run answered from the result cache needs this and not the index.

import {readConf, type ConfFacts} from './conf.ts'
import {isExcluded} from './docnames.ts'
import type {TreeFiles} from './files.ts'

/** conf.py facts and the documents Sphinx would find (every `.rst` under docs minus exclude_patterns). */
export interface DocumentSet {
  conf: ConfFacts
  /** docname → root-relative path, in file-list order. */
  documents: Map<string, string>
  excludedDocuments: Set<string>
}

export function discoverDocuments(files: TreeFiles, docsDir = 'docs'): DocumentSet {
  const conf = readConf(files.read(`${docsDir}/conf.py`), files.read('VERSION'))
  const documents = new Map<string, string>()
  const excludedDocuments = new Set<string>()
  const prefix = `${docsDir}/`
  // An indexed loop: a for-of over ~12,000 paths runs the iterator protocol, interpreted.
  const all = files.list()
  for (let index = 0; index < all.length; index++) {
    const path = all[index] as string
    if (!path.startsWith(prefix) || !path.endsWith('.rst')) continue
    const relative = path.slice(prefix.length)
    const docname = relative.slice(0, -4)
    if (isExcluded(relative, conf.excludePatterns)) excludedDocuments.add(docname)
    else documents.set(docname, path)
  }
  return {conf, documents, excludedDocuments}
}

