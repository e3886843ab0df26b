// The benchmark's input: every .rst / .rst.inc of the QEMU docs in shared/,
// read once into memory so that only parsing is measured.

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'

export interface CorpusDoc {
  name: string
  text: string
}

export interface Corpus {
  docs: CorpusDoc[]
  /** Total size in bytes (UTF-8). */
  bytes: number
}

/** `QRL_SHARED` or `../shared` from the working directory (the project root under `npm run bench`). */
export function sharedDir(): string {
  return process.env.QRL_SHARED ?? resolve(process.cwd(), '../shared')
}

export function loadCorpus(): Corpus | null {
  const docsDir = join(sharedDir(), 'qemu-tree', 'docs')
  if (!existsSync(docsDir)) return null
  const docs: CorpusDoc[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.rst') || entry.name.endsWith('.rst.inc')) {
        docs.push({name: relative(docsDir, path), text: readFileSync(path, 'utf8')})
      }
    }
  }
  walk(docsDir)
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0)
  return {docs, bytes}
}
