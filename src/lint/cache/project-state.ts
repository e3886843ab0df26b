// One hash over everything the project index is built from: the tree's file
// list, the (position-free) facts of every document, the answers to the questions
// the index asked of the tree (reads, existence, directories), the
// inventories and the options. Equal hash ⇒ an identical index, so messages
// computed against it can be reused.

import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import type {TreeFiles} from '../../tree/files.ts'
import {hashOf, hashParts} from './hash.ts'
import type {ProjectDeps} from './store.ts'

export interface ProjectInputs {
  files: TreeFiles
  /** Per found document (`docname\0path`): the position-free hash of its facts, '-' when unparsable. */
  documents: ReadonlyMap<string, string>
  inventories: readonly string[]
  /** Anything else the index depends on (docs folder, …). */
  options: readonly string[]
}

export function projectStateHash(inputs: ProjectInputs, deps: ProjectDeps): string {
  const {files} = inputs
  const parts: string[] = ['root', files.root, 'options', ...inputs.options]
  parts.push('list', hashParts(files.list() as string[]))
  parts.push('documents')
  for (const key of [...inputs.documents.keys()].sort()) parts.push(key, inputs.documents.get(key)!)
  parts.push('reads')
  for (const path of deps.reads) {
    const text = files.read(path)
    parts.push(path, text === undefined ? '-' : hashOf(text))
  }
  parts.push('exists')
  for (const path of deps.exists) parts.push(path, files.exists(path) ? '1' : '0')
  parts.push('directories')
  for (const path of deps.directories) parts.push(path, files.isDirectory(path) ? '1' : '0')
  parts.push('inventories')
  for (const inventory of inputs.inventories) parts.push(inventory, fileHash(inventory))
  return hashParts(parts)
}

function fileHash(path: string): string {
  try {
    return hashOf(readFileSync(resolve(path)))
  } catch {
    return '-'
  }
}
