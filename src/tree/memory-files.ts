// `TreeFiles` over an in-memory map of paths to texts: rule examples, tests
// and patched overlays use it to describe a small tree without touching disk.

import {compareCodeUnits} from './disk-files.ts'
import type {TreeFiles} from './files.ts'

export class MemoryFiles implements TreeFiles {
  readonly root: string
  private readonly texts: Map<string, string>
  private readonly sorted: string[]
  private readonly directories = new Set<string>([''])

  constructor(files: Record<string, string> | ReadonlyMap<string, string>, root = '/tree') {
    this.root = root
    this.texts = new Map(files instanceof Map ? files : Object.entries(files))
    this.sorted = [...this.texts.keys()].sort(compareCodeUnits)
    for (const path of this.sorted) {
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) this.directories.add(path.slice(0, slash))
    }
  }

  read(path: string): string | undefined {
    return this.texts.get(path)
  }

  exists(path: string): boolean {
    return this.texts.has(path) || this.isDirectory(path)
  }

  isDirectory(path: string): boolean {
    return this.directories.has(path.endsWith('/') ? path.slice(0, -1) : path)
  }

  list(): readonly string[] {
    return this.sorted
  }
}
