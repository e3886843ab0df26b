// What a commit would record, as patch mode understands it: the tree of HEAD
// (empty before the first commit) and the staged change against it as a git
// diff. Applying that diff to HEAD's tree in memory gives the index, and the
// lines it adds are exactly what the commit introduces. (Measured against
// reading the index's blobs directly: the diff is a few kB, and HEAD's tree
// mostly reads from the disk, so only the files the check needs are read.)

import {MapFiles} from '../patch/map-files.ts'
import {firstInvalidUtf8} from '../patch/utf8.ts'
import type {TreeFiles} from '../tree/files.ts'
import {git, type GitResult} from './exec.ts'
import {startHeadTree, type PendingHeadTree} from './head-tree.ts'
import type {GitRepo} from './repo.ts'

/**
 * The diff options are spelled out so a user's git config (colour, external
 * diff drivers, textconv, `diff.noprefix`, `diff.relative`, context size)
 * cannot change what the patch reader sees. Binary contents are left out:
 * they are never linted, and `Binary files … differ` is enough to record the
 * change. `-M` keeps a renamed document's findings matched to its old ones.
 */
export const STAGED_DIFF_ARGS = [
  'diff', '--cached', '-M', '-U3', '--no-color', '--no-ext-diff', '--no-textconv',
  '--src-prefix=a/', '--dst-prefix=b/', '--no-relative', '--ignore-submodules=all',
] as const

/** Start the staged diff from anywhere in the checkout (paths stay relative to the top level). */
export function startStagedDiff(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<GitResult> {
  return git(cwd, STAGED_DIFF_ARGS, env)
}

export interface StagedChange {
  base: TreeFiles
  diff: Buffer
}

/** Every git call `--staged` needs, started together before the repository is known. */
export interface StartedStagedRead {
  diff: Promise<GitResult>
  head: PendingHeadTree
}

/** Start the staged diff and HEAD's tree from anywhere in the checkout; `readStagedChange` finishes them. */
export function startStagedRead(cwd: string, env: NodeJS.ProcessEnv = process.env): StartedStagedRead {
  // HEAD's tree first: listing it and comparing the working tree take longest.
  const head = startHeadTree(cwd, env)
  return {diff: startStagedDiff(cwd, env), head}
}

/** HEAD's tree and the staged diff; git runs with `env`, so a hook's GIT_INDEX_FILE is honoured. */
export async function readStagedChange(repo: GitRepo, env: NodeJS.ProcessEnv = process.env, started?: StartedStagedRead): Promise<StagedChange | {error: string}> {
  const {diff: running, head: pending} = started ?? startStagedRead(repo.toplevel, env)
  const head = repo.head
  if (head === undefined) pending.cancel()
  const [diff, base] = await Promise.all([running, head === undefined ? new MapFiles(new Map(), repo.toplevel) : pending.finish({...repo, head})])
  if (!diff.ok) return {error: `git diff --cached failed: ${diff.error}`}
  return {base, diff: dropUndecodable(diff.out)}
}

/** Lintable names, whose bad encoding must be reported rather than skipped. */
function isDocument(path: string): boolean {
  return path.endsWith('.rst') || path.endsWith('.rst.inc') || path.endsWith('.md') || path.endsWith('.hx') || path === 'MAINTAINERS'
}

/**
 * Staged files that are not UTF-8 (old C sources in Latin-1, say) would make
 * the whole diff unreadable; their sections are dropped when they are not
 * documents the linter reads. A document's own bad bytes stay and are reported.
 */
export function dropUndecodable(diff: Buffer): Buffer {
  if (firstInvalidUtf8(diff) === diff.length) return diff
  const marker = Buffer.from('\ndiff --git ', 'latin1')
  const starts: number[] = [0]
  for (let at = diff.indexOf(marker); at >= 0; at = diff.indexOf(marker, at + 1)) starts.push(at + 1)
  const kept: Buffer[] = []
  starts.forEach((start, index) => {
    const section = diff.subarray(start, starts[index + 1] ?? diff.length)
    if (firstInvalidUtf8(section) === section.length) return void kept.push(section)
    const header = section.subarray(0, Math.max(0, section.indexOf(10))).toString('latin1')
    const path = header.slice(header.lastIndexOf(' b/') + 3)
    if (isDocument(path)) kept.push(section)
  })
  return Buffer.concat(kept)
}
