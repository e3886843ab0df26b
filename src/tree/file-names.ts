// Every file of the tree by its last path component, for "did you mean":
// built on the first lookup (a run with nothing stale never asks) and shared
// by the indexes over the same list (patch mode builds one per side).

import type {TreeFiles} from './files.ts'

const namesByList = new WeakMap<readonly string[], Map<string, string[]>>()

export class LazyFileNames implements ReadonlyMap<string, readonly string[]> {
  #map: Map<string, string[]> | undefined
  readonly #files: TreeFiles

  constructor(files: TreeFiles) {
    this.#files = files
  }

  get #names(): Map<string, string[]> {
    if (this.#map) return this.#map
    const all = this.#files.list()
    let names = namesByList.get(all)
    if (!names) {
      names = new Map()
      // An indexed loop: a for-of over ~12,000 paths runs the iterator protocol, interpreted.
      for (let index = 0; index < all.length; index++) {
        const path = all[index] as string
        const base = path.slice(path.lastIndexOf('/') + 1)
        const list = names.get(base)
        if (list) list.push(path)
        else names.set(base, [path])
      }
      namesByList.set(all, names)
    }
    return (this.#map = names)
  }

  get size(): number {
    return this.#names.size
  }
  get(key: string): readonly string[] | undefined {
    return this.#names.get(key)
  }
  has(key: string): boolean {
    return this.#names.has(key)
  }
  forEach(callback: (value: readonly string[], key: string, map: ReadonlyMap<string, readonly string[]>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#names) callback.call(thisArg, value, key, this)
  }
  entries(): MapIterator<[string, readonly string[]]> {
    return this.#names.entries()
  }
  keys(): MapIterator<string> {
    return this.#names.keys()
  }
  values(): MapIterator<readonly string[]> {
    return this.#names.values()
  }
  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.#names[Symbol.iterator]()
  }
}
