// `TreeFiles` over a checkout on disk. The file list is walked once, lazily,
// skipping VCS, dependency and build directories; each file is read at most
// once and cached, because many project facts read the same sources.

import {readdirSync, readFileSync, statSync, type Dirent} from 'node:fs'
import {join} from 'node:path'
import type {TreeFiles} from './files.ts'

/** Directory names never listed: VCS metadata, dependencies, build output. */
const SKIPPED = new Set(['.git', 'node_modules', 'build', '_build', '__pycache__'])

export class DiskFiles implements TreeFiles {
  readonly root: string
  private files: string[] | undefined
  private fileSet: Set<string> | undefined
  private directories: Set<string> | undefined
  private readonly cache = new Map<string, string | undefined>()

  constructor(root: string) {
    this.root = root
  }

  read(path: string): string | undefined {
    if (this.cache.has(path)) return this.cache.get(path)
    let text: string | undefined
    try {
      text = readFileSync(join(this.root, path), 'utf8')
    } catch {
      text = undefined
    }
    this.cache.set(path, text)
    return text
  }

  exists(path: string): boolean {
    this.ensure()
    if (this.fileSet!.has(path) || this.directories!.has(path)) return true
    // Skipped directories are not listed, but a pattern may still name them.
    try {
      statSync(join(this.root, path))
      return true
    } catch {
      return false
    }
  }

  isDirectory(path: string): boolean {
    this.ensure()
    return this.directories!.has(path.endsWith('/') ? path.slice(0, -1) : path)
  }

  list(): readonly string[] {
    this.ensure()
    return this.files!
  }

  private ensure(): void {
    if (this.files) return
    const files: string[] = []
    const directories = new Set<string>([''])
    // Folders holding a file at some depth (what MAINTAINERS patterns can match), found on the way.
    const folders = new Set<string>()
    const walk = (relative: string, directory: string): boolean => {
      let entries
      try {
        entries = readdirSync(directory, {withFileTypes: true})
      } catch {
        return false
      }
      const prefix = relative === '' ? '' : `${relative}/`
      let holdsFiles = false
      for (let index = 0; index < entries.length; index++) {
        const entry = entries[index] as Dirent
        const name = entry.name
        if (entry.isDirectory()) {
          // `build` is skipped only at the top, where QEMU's build directory lives.
          if (SKIPPED.has(name) && (relative === '' || name !== 'build')) continue
          const path = prefix + name
          directories.add(path)
          if (walk(path, `${directory}/${name}`)) {
            folders.add(path)
            holdsFiles = true
          }
        } else if (entry.isFile() || entry.isSymbolicLink()) {
          files.push(prefix + name)
          holdsFiles = true
        }
      }
      return holdsFiles
    }
    walk('', this.root)
    // The default sort is code-unit order, and native.
    files.sort()
    this.files = files
    this.fileSet = new Set(files)
    this.directories = directories
    listIndexes.set(files, {files: this.fileSet, folders})
  }
}

/** Plain code-unit order, so prefix ranges are contiguous in the list. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A sorted file list's paths as a set, and the folders holding its files. */
export interface ListIndex {
  files: ReadonlySet<string>
  folders: ReadonlySet<string>
}

/** The lists `DiskFiles` hands out, indexed while walking: users of a list look paths up without building sets again. */
const listIndexes = new WeakMap<readonly string[], ListIndex>()

/** The index of a list `DiskFiles` made (so known sorted), else undefined. */
export function listIndexOf(list: readonly string[]): ListIndex | undefined {
  return listIndexes.get(list)
}
