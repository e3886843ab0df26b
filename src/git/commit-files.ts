// A commit's tree as TreeFiles, read from git without checking anything out:
// the one implementation behind patch mode's `--git A..B` base (commit A) and
// `--staged`'s HEAD. Texts come from a prefilled map (one `git cat-file
// --batch` for the files read most), then, per file on demand, from the working
// tree when the caller knows it matches the commit, else from the blob.

import {spawn, spawnSync} from 'node:child_process'
import {lstatSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {compareCodeUnits} from '../tree/disk-files.ts'
import type {TreeFiles} from '../tree/files.ts'

export class CommitFiles implements TreeFiles {
  readonly root: string
  readonly commit: string
  readonly #files: readonly string[]
  readonly #fileSet: Set<string>
  readonly #directories = new Set<string>([''])
  /** Texts read up front, and each file read so far. */
  readonly #texts: Map<string, string | undefined>
  readonly #fromDisk: boolean

  /**
   * `files` sorted by code unit; `fromDisk`: a file not in `texts` is the same
   * on disk as in the commit, so read the (cheaper) working-tree copy first.
   */
  constructor(root: string, commit: string, files: readonly string[], texts: Map<string, string>, fromDisk: boolean) {
    this.root = root
    this.commit = commit
    this.#files = files
    this.#fileSet = new Set(files)
    this.#texts = new Map(texts)
    this.#fromDisk = fromDisk
    for (const path of files) {
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) this.#directories.add(path.slice(0, slash))
    }
  }

  read(path: string): string | undefined {
    if (this.#texts.has(path)) return this.#texts.get(path)
    if (!this.#fileSet.has(path)) return undefined
    let text = this.#fromDisk ? readDisk(join(this.root, path)) : undefined
    // Rare with a prefilled map; spawnSync keeps the TreeFiles interface synchronous.
    text ??= blob(this.root, `${this.commit}:${path}`)
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

/** A commit's tree below `root` with the files patch mode reads most read up front. */
export function gitCommitFiles(root: string, commit: string): CommitFiles {
  const listed = spawnSync('git', ['ls-tree', '-r', '-z', '--name-only', commit], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 30})
  const files = listed.status === 0 ? listed.stdout.split('\0').filter((path) => path !== '').sort(compareCodeUnits) : []
  return new CommitFiles(root, commit, files, catFileBatch(root, commit, files.filter(isPreloaded)), false)
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

/** `<rev>:<path>` blobs through one `git cat-file --batch` (missing ones and non-blobs left out). */
export function catFileBatch(cwd: string, rev: string, paths: readonly string[], env: NodeJS.ProcessEnv = process.env): Map<string, string> {
  const texts = new Map<string, string>()
  if (paths.length === 0) return texts
  const result = spawnSync('git', ['cat-file', '--batch'], {cwd, env, input: paths.map((path) => `${rev}:${path}\n`).join(''), stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 1 << 30})
  if (result.status !== 0 || !Buffer.isBuffer(result.stdout)) return texts
  return parseBatch(result.stdout, paths, texts)
}

/** `git cat-file --batch` output for `paths`, in order, into `texts` (blobs only). */
function parseBatch(out: Buffer, paths: readonly string[], texts = new Map<string, string>()): Map<string, string> {
  let at = 0
  for (const path of paths) {
    const eol = out.indexOf(10, at)
    if (eol < 0) break
    // `<id> <type> <size>`, or `<object> missing`.
    const header = out.subarray(at, eol).toString('latin1').split(' ')
    at = eol + 1
    if (header[1] !== 'blob') continue
    const size = Number(header[2])
    texts.set(path, out.subarray(at, at + size).toString('utf8'))
    at += size + 1
  }
  return texts
}

/** A `git cat-file --batch` started before its questions are known; `ask` once, or `close` unasked. */
export interface PendingCatFile {
  /** HEAD's commit id as git sees it now (to check nothing moved meanwhile), and `<rev>:<path>` blobs. */
  ask(rev: string, paths: readonly string[]): Promise<{head: string | undefined; texts: Map<string, string>}>
  close(): void
}

/**
 * Spawn the batch process now, so its start-up overlaps the other git calls;
 * the questions are written (and stdin closed) when they are known. Asking
 * for `HEAD` first costs nothing and tells whether HEAD moved since it was read.
 */
export function startCatFile(cwd: string, env: NodeJS.ProcessEnv = process.env): PendingCatFile {
  const failed = {head: undefined, texts: new Map<string, string>()}
  let child: ReturnType<typeof spawn> | undefined
  const chunks: Buffer[] = []
  const done = new Promise<boolean>((resolve) => {
    try {
      child = spawn('git', ['cat-file', '--batch'], {cwd, env: {...env, GIT_OPTIONAL_LOCKS: '0'}, stdio: ['pipe', 'pipe', 'ignore']})
    } catch {
      return resolve(false)
    }
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk))
    // A git that is gone or fails answers nothing; the callers fall back.
    child.stdin?.on('error', () => {})
    child.on('error', () => resolve(false))
    child.on('close', (status) => resolve(status === 0))
  })
  let asked = false
  const close = () => {
    if (asked) return
    asked = true
    child?.stdin?.end()
  }
  return {
    close,
    async ask(rev, paths) {
      if (asked || child?.stdin === undefined || child.stdin === null) return failed
      asked = true
      child.stdin.end(['HEAD^{commit}\n', ...paths.map((path) => `${rev}:${path}\n`)].join(''))
      if (!(await done)) return failed
      const out = Buffer.concat(chunks)
      const eol = out.indexOf(10)
      // `<id> commit <size>` then the commit object and a newline.
      const header = out.subarray(0, Math.max(0, eol)).toString('latin1').split(' ')
      if (eol < 0 || header[1] !== 'commit') return failed
      const start = eol + 1 + Number(header[2]) + 1
      return {head: header[0], texts: parseBatch(out.subarray(start), paths)}
    },
  }
}

function readDisk(absolute: string): string | undefined {
  try {
    // A symlink's blob is its target's name, not the target's text.
    return lstatSync(absolute).isSymbolicLink() ? undefined : readFileSync(absolute, 'utf8')
  } catch {
    // Not on disk (sparse checkout, skip-worktree): git has it.
    return undefined
  }
}

function blob(cwd: string, object: string): string | undefined {
  const result = spawnSync('git', ['cat-file', 'blob', object], {cwd, maxBuffer: 1 << 30})
  return result.status === 0 && Buffer.isBuffer(result.stdout) ? result.stdout.toString('utf8') : undefined
}
