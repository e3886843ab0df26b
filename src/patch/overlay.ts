// A patched tree in memory: the files a series changed, added or deleted,
// over an untouched base. Linting a patch reads through it; nothing is ever
// written to the base.

import type {TreeFiles} from '../tree/files.ts'
import {directoriesOf} from './map-files.ts'

export class OverlayFiles implements TreeFiles {
  readonly base: TreeFiles
  readonly #changed = new Map<string, string>()
  readonly #deleted = new Set<string>()
  #sorted: string[] | undefined
  #dirs: Set<string> | undefined

  constructor(base: TreeFiles) {
    this.base = base
  }

  get root(): string {
    return this.base.root
  }

  /** Set a file's text (changed or added). */
  set(path: string, text: string): void {
    this.#changed.set(path, text)
    this.#deleted.delete(path)
    this.#sorted = this.#dirs = undefined
  }

  delete(path: string): void {
    this.#changed.delete(path)
    if (this.base.read(path) !== undefined) this.#deleted.add(path)
    this.#sorted = this.#dirs = undefined
  }

  /** Paths whose text differs from (or is absent in) the base. */
  changedPaths(): readonly string[] {
    return [...this.#changed.keys()].sort()
  }

  deletedPaths(): readonly string[] {
    return [...this.#deleted].sort()
  }

  read(path: string): string | undefined {
    if (this.#deleted.has(path)) return undefined
    return this.#changed.get(path) ?? this.base.read(path)
  }

  exists(path: string): boolean {
    if (this.#changed.has(path)) return true
    if (this.#deleted.has(path)) return false
    if (this.#deleted.size === 0 && this.#changed.size === 0) return this.base.exists(path)
    return this.base.read(path) !== undefined || this.isDirectory(path)
  }

  isDirectory(path: string): boolean {
    if (path === '' || path === '.') return true
    if (this.#deleted.size === 0 && this.base.isDirectory(path)) return true
    this.#dirs ??= directoriesOf(this.list())
    return this.#dirs.has(path.replace(/\/+$/, ''))
  }

  list(): readonly string[] {
    if (this.#sorted) return this.#sorted
    const base = this.base.list()
    // Only existing files changed: the very same list, so whatever is derived
    // from it (MAINTAINERS coverage, file-name maps) is shared with the base side.
    if (this.#deleted.size === 0 && isSortedList(base) && [...this.#changed.keys()].every((path) => sortedHas(base, path))) {
      this.#sorted = base as string[]
      return base
    }
    const all = new Set(base)
    for (const d of this.#deleted) all.delete(d)
    for (const c of this.#changed.keys()) all.add(c)
    this.#sorted = [...all].sort()
    return this.#sorted
  }
}

function isSortedList(list: readonly string[]): boolean {
  for (let index = 1; index < list.length; index++) if (list[index - 1]! > list[index]!) return false
  return true
}

/** Binary search in a list sorted by code units. */
function sortedHas(list: readonly string[], path: string): boolean {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const value = list[middle]!
    if (value === path) return true
    if (value < path) low = middle + 1
    else high = middle
  }
  return false
}
