// A `TreeFiles` that remembers what the project index asked of the tree
// (files read, paths tested, directories tested), for the whole run — rules
// query the index lazily. A later run re-asks the same questions of the tree
// and compares one hash to know whether the index would come out the same.

import type {TreeFiles} from '../../tree/files.ts'
import type {ProjectDeps} from './store.ts'

export class RecordingFiles implements TreeFiles {
  readonly root: string
  readonly reads = new Set<string>()
  readonly existsAsked = new Set<string>()
  readonly directoriesAsked = new Set<string>()

  constructor(readonly inner: TreeFiles) {
    this.root = inner.root
  }

  read(path: string): string | undefined {
    this.reads.add(path)
    return this.inner.read(path)
  }

  exists(path: string): boolean {
    this.existsAsked.add(path)
    return this.inner.exists(path)
  }

  isDirectory(path: string): boolean {
    this.directoriesAsked.add(path)
    return this.inner.isDirectory(path)
  }

  list(): readonly string[] {
    return this.inner.list()
  }

  /** What was asked, merged with an earlier run's questions (still valid answers). */
  deps(previous?: ProjectDeps): ProjectDeps {
    const merge = (own: Set<string>, old: readonly string[] | undefined) => [...new Set([...own, ...(old ?? [])])].sort()
    return {
      reads: merge(this.reads, previous?.reads),
      exists: merge(this.existsAsked, previous?.exists),
      directories: merge(this.directoriesAsked, previous?.directories),
    }
  }
}
