// HEAD's tree as TreeFiles, cheaply: the file list from one `git ls-tree`,
// and each file's text from the working tree when git says it is the same as
// in HEAD (most of the tree, most of the time), else from HEAD's blob — read
// together in one `git cat-file --batch`. A pre-commit check then reads only
// the few files it needs instead of every document's blob. When checkout
// filters may make the disk differ from the blobs (autocrlf, eol, filter
// attributes), every file is read from git instead.

import {spawn, spawnSync} from 'node:child_process'
import {lstatSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {GitCommitFiles} from '../cli/git-base.ts'
import {compareCodeUnits} from '../tree/disk-files.ts'
import type {TreeFiles} from '../tree/files.ts'
import {git} from './exec.ts'
import type {GitRepo} from './repo.ts'

/** Attributes that make checked-out text differ from the blob. */
const CONVERTING = /\b(filter|eol|text|ident|working-tree-encoding)\b/

export async function readHeadTree(repo: GitRepo & {head: string}, env: NodeJS.ProcessEnv = process.env): Promise<TreeFiles> {
  const top = repo.toplevel
  const [listed, dirty, autocrlf] = await Promise.all([
    git(top, ['ls-tree', '-r', '-z', '--full-tree', repo.head], env),
    git(top, ['diff', repo.head, '--name-only', '-z', '--no-renames', '--ignore-submodules=all', '--no-ext-diff', '--no-relative'], env),
    git(top, ['config', '--get', 'core.autocrlf'], env),
  ])
  if (!listed.ok || !dirty.ok) return new GitCommitFiles(top, repo.head)
  const files: string[] = []
  for (const record of listed.out.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t')
    // `<mode> <type> <id>\t<path>`: blobs only (not submodules).
    if (tab > 0 && record.slice(0, tab).split(' ')[1] === 'blob') files.push(record.slice(tab + 1))
  }
  const converting = (autocrlf.ok && /^(true|input)$/.test(autocrlf.out.toString('utf8').trim())) ||
    files.some((path) => (path === '.gitattributes' || path.endsWith('/.gitattributes')) && CONVERTING.test(readOr(join(top, path))))
  if (converting) return new GitCommitFiles(top, repo.head)
  const changed = dirty.out.toString('utf8').split('\0').filter((path) => path !== '')
  const inHead = new Set(files)
  const fromGit = await batch(top, repo.head, changed.filter((path) => inHead.has(path)), env)
  return new HeadFiles(top, repo.head, files.sort(compareCodeUnits), fromGit)
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** `<rev>:<path>` blobs through one `git cat-file --batch`. */
async function batch(top: string, rev: string, paths: readonly string[], env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  if (paths.length === 0) return texts
  const out = await new Promise<Buffer>((resolve) => {
    const child = spawn('git', ['cat-file', '--batch'], {cwd: top, env, stdio: ['pipe', 'pipe', 'ignore']})
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', () => resolve(Buffer.alloc(0)))
    child.on('close', () => resolve(Buffer.concat(chunks)))
    child.stdin.end(paths.map((path) => `${rev}:${path}\n`).join(''))
  })
  let at = 0
  for (const path of paths) {
    const eol = out.indexOf(10, at)
    if (eol < 0) break
    const header = out.subarray(at, eol).toString('latin1').split(' ')
    at = eol + 1
    if (header[1] !== 'blob') continue
    const size = Number(header[2])
    texts.set(path, out.subarray(at, at + size).toString('utf8'))
    at += size + 1
  }
  return texts
}

export class HeadFiles implements TreeFiles {
  readonly root: string
  readonly #head: string
  readonly #files: readonly string[]
  readonly #fileSet: Set<string>
  readonly #directories = new Set<string>([''])
  /** HEAD's text of the files that differ on disk, and each file read so far. */
  readonly #texts: Map<string, string | undefined>

  constructor(root: string, head: string, files: readonly string[], fromGit: Map<string, string>) {
    this.root = root
    this.#head = head
    this.#files = files
    this.#fileSet = new Set(files)
    this.#texts = new Map(fromGit)
    for (const path of files) {
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) this.#directories.add(path.slice(0, slash))
    }
  }

  read(path: string): string | undefined {
    if (this.#texts.has(path)) return this.#texts.get(path)
    if (!this.#fileSet.has(path)) return undefined
    const absolute = join(this.root, path)
    let text: string | undefined
    try {
      // A symlink's blob is its target's name, not the target's text.
      if (!lstatSync(absolute).isSymbolicLink()) text = readFileSync(absolute, 'utf8')
    } catch {
      // Not on disk (sparse checkout, skip-worktree): git has it.
    }
    text ??= this.#fromGit(path)
    this.#texts.set(path, text)
    return text
  }

  #fromGit(path: string): string | undefined {
    // Rare (see read()); spawnSync keeps the TreeFiles interface synchronous.
    const result = spawnSync('git', ['cat-file', 'blob', `${this.#head}:${path}`], {cwd: this.root, maxBuffer: 1 << 30})
    return result.status === 0 && Buffer.isBuffer(result.stdout) ? result.stdout.toString('utf8') : undefined
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
