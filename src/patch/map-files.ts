// A `TreeFiles` held in memory: tests build small trees from an object of
// path → text, and the git index reader fills one from blobs.

import type {TreeFiles} from '../tree/files.ts'

export class MapFiles implements TreeFiles {
  readonly root: string
  readonly #files: Map<string, string>
  #sorted: string[] | undefined
  #dirs: Set<string> | undefined

  constructor(files: Record<string, string> | Map<string, string> = {}, root = '/memory') {
    this.root = root
    this.#files = files instanceof Map ? new Map(files) : new Map(Object.entries(files))
  }

  read(path: string): string | undefined {
    return this.#files.get(path)
  }

  exists(path: string): boolean {
    return this.#files.has(path) || this.isDirectory(path)
  }

  isDirectory(path: string): boolean {
    if (path === '' || path === '.') return true
    this.#dirs ??= directoriesOf(this.#files.keys())
    return this.#dirs.has(path.replace(/\/+$/, ''))
  }

  list(): readonly string[] {
    this.#sorted ??= [...this.#files.keys()].sort()
    return this.#sorted
  }
}

/** Every directory implied by a set of file paths. */
export function directoriesOf(paths: Iterable<string>): Set<string> {
  const dirs = new Set<string>()
  for (const p of paths)
    for (let at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/', at - 1)) {
      const d = p.slice(0, at)
      if (dirs.has(d)) break
      dirs.add(d)
    }
  return dirs
}
