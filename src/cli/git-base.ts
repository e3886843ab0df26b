// The tree a `--git A..B` range applies to: commit A as read from the
// repository, not the checkout (which usually already holds B). The file list
// comes from one `git ls-tree`; the files patch mode reads most (docs,
// MAINTAINERS, QAPI schemas, hx files) are read in one `git cat-file --batch`,
// anything else on demand. Nothing is checked out or written.

import {spawnSync} from 'node:child_process'
import {compareCodeUnits} from '../tree/disk-files.ts'
import type {TreeFiles} from '../tree/files.ts'

/** The commit a range's patches apply to: `A` of `A..B`, the merge base of `A...B`, `REV` alone. */
export function rangeBase(root: string, range: string): string | {error: string} {
  const symmetric = range.indexOf('...')
  if (symmetric >= 0) {
    const out = git(root, ['merge-base', range.slice(0, symmetric) || 'HEAD', range.slice(symmetric + 3) || 'HEAD'])
    return out.ok ? out.text.trim() : {error: out.text}
  }
  const dots = range.indexOf('..')
  const rev = dots >= 0 ? range.slice(0, dots) || 'HEAD' : range
  const out = git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
  return out.ok ? out.text.trim() : {error: `\`${rev}\` is not a commit`}
}

function git(cwd: string, args: string[], input?: string): {ok: boolean; text: string} {
  const result = spawnSync('git', args, {cwd, input, encoding: 'utf8', maxBuffer: 1 << 30})
  if (result.error) return {ok: false, text: result.error.message}
  return result.status === 0 ? {ok: true, text: result.stdout} : {ok: false, text: (result.stderr || result.stdout).trim()}
}

/** Paths worth reading up front: what the project index and the parse scope read. */
function isPreloaded(path: string): boolean {
  return (
    path.startsWith('docs/') ||
    path === 'MAINTAINERS' ||
    path === 'VERSION' ||
    path === '.gitmodules' ||
    path.endsWith('.hx') ||
    (path.endsWith('.json') && (path.startsWith('qapi/') || path.startsWith('qga/') || path.startsWith('storage-daemon/')))
  )
}

export class GitCommitFiles implements TreeFiles {
  readonly root: string
  readonly commit: string
  readonly #files: string[]
  readonly #fileSet: Set<string>
  readonly #directories = new Set<string>([''])
  readonly #texts = new Map<string, string | undefined>()

  constructor(root: string, commit: string) {
    this.root = root
    this.commit = commit
    const listed = git(root, ['ls-tree', '-r', '-z', '--name-only', commit])
    this.#files = listed.ok ? listed.text.split('\0').filter((path) => path !== '').sort(compareCodeUnits) : []
    this.#fileSet = new Set(this.#files)
    for (const path of this.#files) {
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) this.#directories.add(path.slice(0, slash))
    }
    this.#preload(this.#files.filter(isPreloaded))
  }

  #preload(paths: readonly string[]): void {
    if (paths.length === 0) return
    const result = spawnSync('git', ['cat-file', '--batch'], {cwd: this.root, input: paths.map((path) => `${this.commit}:${path}\n`).join(''), maxBuffer: 1 << 30})
    if (result.status !== 0 || !Buffer.isBuffer(result.stdout)) return
    const out = result.stdout
    let at = 0
    for (const path of paths) {
      const eol = out.indexOf(10, at)
      if (eol < 0) break
      const header = out.subarray(at, eol).toString('latin1').split(' ')
      at = eol + 1
      if (header[1] !== 'blob') continue
      const size = Number(header[2])
      this.#texts.set(path, out.subarray(at, at + size).toString('utf8'))
      at += size + 1
    }
  }

  read(path: string): string | undefined {
    if (this.#texts.has(path)) return this.#texts.get(path)
    let text: string | undefined
    if (this.#fileSet.has(path)) {
      const out = git(this.root, ['cat-file', 'blob', `${this.commit}:${path}`])
      text = out.ok ? out.text : undefined
    }
    this.#texts.set(path, text)
    return text
  }

  exists(path: string): boolean {
    return this.#fileSet.has(path) || this.isDirectory(path)
  }

  isDirectory(path: string): boolean {
    return this.#directories.has(path.endsWith('/') ? path.slice(0, -1) : path)
  }

  list(): readonly string[] {
    return this.#files
  }
}
