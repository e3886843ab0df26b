// `TreeFiles` over a checkout on disk. The file list is walked once, lazily,
// skipping VCS, dependency and build directories; each file is read at most
// once and cached, because many project facts read the same sources.

import {readdirSync, readFileSync, statSync} from 'node:fs'
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
    const walk = (relative: string): void => {
      let entries
      try {
        entries = readdirSync(relative ? join(this.root, relative) : this.root, {withFileTypes: true})
      } catch {
        return
      }
      for (const entry of entries) {
        const path = relative ? `${relative}/${entry.name}` : entry.name
        if (entry.isDirectory()) {
          // `build` is skipped only at the top, where QEMU's build directory lives.
          if (SKIPPED.has(entry.name) && (relative === '' || entry.name !== 'build')) continue
          directories.add(path)
          walk(path)
        } else if (entry.isFile() || entry.isSymbolicLink()) {
          files.push(path)
        }
      }
    }
    walk('')
    files.sort(compareCodeUnits)
    this.files = files
    this.fileSet = new Set(files)
    this.directories = directories
  }
}

/** Plain code-unit order, so prefix ranges are contiguous in the list. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
