// `TreeFiles` over a checkout on disk. The file list is walked once, lazily,
// skipping VCS, dependency and build directories; each file is read at most
// once and cached, because many project facts read the same sources.

import {readdir, readdirSync, readFileSync, statSync, type Dirent} from 'node:fs'
import {join} from 'node:path'
import type {TreeFiles} from './files.ts'

/** Directory names never listed: VCS metadata, dependencies, build output. */
const SKIPPED = new Set(['.git', 'node_modules', 'build', '_build', '__pycache__'])

export class DiskFiles implements TreeFiles {
  readonly root: string
  private files: string[] | undefined
  private fileSet: Set<string> | undefined
  private directories: Set<string> | undefined
  private prefetching: Promise<void> | undefined
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

  /**
   * Walk the tree in the background (on libuv's thread pool) while the caller
   * keeps the main thread busy, yielding to the event loop now and then.
   * Listing QEMU's ~800 folders is mostly system-call time (~30 ms), which
   * this takes off the critical path. Later calls see the finished list.
   */
  prefetch(): Promise<void> {
    if (this.files) return Promise.resolve()
    this.prefetching ??= new Promise((done) => {
      const walk = new TreeWalk()
      let open = 0
      const visit = (relative: string, directory: string): void => {
        open++
        readdir(directory, {withFileTypes: true}, (error, entries) => {
          // An unreadable folder lists nothing, as in the synchronous walk.
          if (!error) for (const child of walk.take(relative, entries)) visit(child, `${this.root}/${child}`)
          if (--open === 0) {
            this.adopt(walk)
            done()
          }
        })
      }
      visit('', this.root)
    })
    return this.prefetching
  }

  /** The finished walk as plain data, for another thread's `adoptListing` (walks now if not done yet). */
  listing(): TreeListing {
    this.ensure()
    return {files: this.files!, directories: [...this.directories!]}
  }

  /**
   * Take a walk another thread already made of the same root (a shard
   * worker gets the main thread's), instead of walking again. Ignored once
   * this tree is listed.
   */
  adoptListing(listing: TreeListing): void {
    if (this.files) return
    const walk = new TreeWalk()
    for (const path of listing.directories) walk.directories.add(path)
    for (const path of listing.files) walk.addFile(path)
    this.adopt(walk)
  }

  private ensure(): void {
    if (this.files) return
    const walk = new TreeWalk()
    const visit = (relative: string, directory: string): void => {
      let entries
      try {
        entries = readdirSync(directory, {withFileTypes: true})
      } catch {
        return
      }
      for (const child of walk.take(relative, entries)) visit(child, `${this.root}/${child}`)
    }
    visit('', this.root)
    this.adopt(walk)
  }

  private adopt(walk: TreeWalk): void {
    if (this.files) return
    const files = walk.files
    // The default sort is code-unit order, and native.
    files.sort()
    this.files = files
    this.fileSet = new Set(files)
    this.directories = walk.directories
    listIndexes.set(files, {files: this.fileSet, folders: walk.folders()})
  }
}

/**
 * What a walk found so far. Folders are taken one listing at a time, in any
 * order (the background walk finishes them as the thread pool does), so the
 * folders holding files are worked out at the end rather than on the way back up.
 */
class TreeWalk {
  readonly files: string[] = []
  readonly directories = new Set<string>([''])
  /** Folders with a file directly in them. */
  private readonly holding = new Set<string>()

  /** Record one folder's entries; returns the subfolders to list. */
  take(relative: string, entries: readonly Dirent[]): string[] {
    const prefix = relative === '' ? '' : `${relative}/`
    const subfolders: string[] = []
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index] as Dirent
      const name = entry.name
      if (entry.isDirectory()) {
        // `build` is skipped only at the top, where QEMU's build directory lives.
        if (SKIPPED.has(name) && (relative === '' || name !== 'build')) continue
        const path = prefix + name
        this.directories.add(path)
        subfolders.push(path)
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        this.files.push(prefix + name)
        if (relative !== '') this.holding.add(relative)
      }
    }
    return subfolders
  }

  /** Record a file found by another walk (a root-relative path). */
  addFile(path: string): void {
    this.files.push(path)
    const slash = path.lastIndexOf('/')
    if (slash > 0) this.holding.add(path.slice(0, slash))
  }

  /** Folders holding a file at some depth (what MAINTAINERS patterns can match). */
  folders(): Set<string> {
    const folders = new Set<string>()
    for (const folder of this.holding) {
      // Every ancestor holds the file too; stop at the first one already known.
      for (let path = folder; path !== '' && !folders.has(path); path = path.slice(0, Math.max(0, path.lastIndexOf('/')))) folders.add(path)
    }
    return folders
  }
}

/** A tree's walk as plain data (structured-clonable): its sorted files and its directories. */
export interface TreeListing {
  files: readonly string[]
  directories: readonly string[]
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
