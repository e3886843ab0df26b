// The git index (staging area) as a `TreeFiles`, for `--staged` pre-commit
// runs: `git ls-files -s` lists the entries, and one `git cat-file --batch`
// process reads the wanted blobs, instead of one git process per file.

import {spawn, spawnSync} from 'node:child_process'
import {MapFiles} from './map-files.ts'
import {runGit} from './git.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {InputError} from './types.ts'

export interface IndexEntry {
  mode: string
  sha: string
  path: string
}

/** Parse `git ls-files -s -z`: `<mode> <sha> <stage>\t<path>\0`; stage 0, or "ours" (2) in a conflict. */
export function parseLsFiles(out: string): IndexEntry[] {
  const rank = (stage: string) => (stage === '0' ? 0 : stage === '2' ? 1 : 2)
  const byPath = new Map<string, IndexEntry & {stage: string}>()
  for (const rec of out.split('\0')) {
    const tab = rec.indexOf('\t')
    if (tab < 0) continue
    const [mode, sha, stage] = rec.slice(0, tab).split(' ')
    if (!mode || !sha || !stage) continue
    const path = rec.slice(tab + 1)
    const prev = byPath.get(path)
    if (!prev || rank(stage) < rank(prev.stage)) byPath.set(path, {mode, sha, path, stage})
  }
  return [...byPath.values()].map(({mode, sha, path}) => ({mode, sha, path}))
}

/** Read blobs by sha through one `git cat-file --batch`. */
export function catFileBatch(root: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file --batch failed: ${stderr.trim()}`))
      const all = Buffer.concat(chunks)
      const blobs = new Map<string, Buffer>()
      let at = 0
      while (at < all.length) {
        const nl = all.indexOf(0x0a, at)
        if (nl < 0) break
        const [sha, type, size] = all.subarray(at, nl).toString('latin1').split(' ')
        at = nl + 1
        if (type === 'missing' || size === undefined || sha === undefined) continue
        const n = Number(size)
        blobs.set(sha, all.subarray(at, at + n))
        at += n + 1 // content, then a newline
      }
      resolve(blobs)
    })
    child.stdin.end(shas.join('\n') + (shas.length > 0 ? '\n' : ''))
  })
}

/** Staged files: the wanted ones read up front, any other one on demand (one `git cat-file` each). */
export class IndexFiles extends MapFiles {
  readonly #lazy: Map<string, string>
  readonly #cache = new Map<string, string>()

  constructor(loaded: Map<string, string>, lazy: Map<string, string>, root: string) {
    super(new Map([...loaded, ...[...lazy.keys()].map((p): [string, string] => [p, ''])]), root)
    this.#lazy = lazy
  }

  override read(path: string): string | undefined {
    const sha = this.#lazy.get(path)
    if (sha === undefined) return super.read(path)
    const cached = this.#cache.get(path)
    if (cached !== undefined) return cached
    const r = spawnSync('git', ['cat-file', 'blob', sha], {cwd: this.root, encoding: 'buffer', maxBuffer: 1 << 30})
    if (r.status !== 0) return undefined
    const text = r.stdout.toString('utf8')
    this.#cache.set(path, text)
    return text
  }
}

/**
 * The staged tree of the repository at `root`. Every entry is listed; the
 * files `want` accepts (default: all) are read at once, in one git process.
 * Submodules are left out; a symlink reads as its target path, as git stores it.
 */
export async function readGitIndex(root: string, want: (path: string) => boolean = () => true): Promise<TreeFiles | InputError> {
  const ls = await runGit(root, ['ls-files', '-s', '-z'])
  if (!ls.ok) return {ok: false, error: `--staged: can't read the git index of ${root}: ${ls.error}`}
  const entries = parseLsFiles(ls.out.toString('utf8')).filter((e) => e.mode !== '160000')
  const wanted = entries.filter((e) => want(e.path))
  let blobs: Map<string, Buffer>
  try {
    blobs = await catFileBatch(root, [...new Set(wanted.map((e) => e.sha))])
  } catch (e) {
    return {ok: false, error: `--staged: ${(e as Error).message}`}
  }
  const loaded = new Map<string, string>()
  const lazy = new Map<string, string>()
  for (const e of entries) {
    const blob = blobs.get(e.sha)
    if (blob && want(e.path)) loaded.set(e.path, blob.toString('utf8'))
    else lazy.set(e.path, e.sha)
  }
  return new IndexFiles(loaded, lazy, root)
}
