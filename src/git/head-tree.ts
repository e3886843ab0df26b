// HEAD's tree as TreeFiles, cheaply: the file list from one `git ls-tree`,
// and each file's text from the working tree when git says it is the same as
// in HEAD (most of the tree, most of the time), else from HEAD's blob — read
// together in one `git cat-file --batch`. A pre-commit check then reads only
// the few files it needs instead of every document's blob. When checkout
// filters may make the disk differ from the blobs (autocrlf, eol, filter
// attributes), every file is read from git instead. All of it starts at once,
// alongside the repository discovery, so a pre-commit check waits for one
// round of git processes rather than three.

import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {compareCodeUnits} from '../tree/disk-files.ts'
import type {TreeFiles} from '../tree/files.ts'
import {CommitFiles, gitCommitFiles, startCatFile} from './commit-files.ts'
import {git} from './exec.ts'
import type {GitRepo} from './repo.ts'

/** Attributes that make checked-out text differ from the blob. */
const CONVERTING = /\b(filter|eol|text|ident|working-tree-encoding)\b/

/** HEAD's tree being read: the git calls run from the start, before the repository is known. */
export interface PendingHeadTree {
  /** The tree of `repo.head` (the commit HEAD named when the repository was discovered). */
  finish(repo: GitRepo & {head: string}): Promise<TreeFiles>
  /** Not needed after all (no commit yet, or an error): let the waiting git exit. */
  cancel(): void
}

/**
 * Start the git calls from anywhere in the checkout (`--full-tree` and
 * `--no-relative` keep paths relative to the top level). They name HEAD rather
 * than its id, which is not known yet; `finish` checks through the cat-file
 * batch that HEAD still is `repo.head`, and reads it the slow, exact way if not.
 */
export function startHeadTree(cwd: string, env: NodeJS.ProcessEnv = process.env): PendingHeadTree {
  const calls = Promise.all([
    git(cwd, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], env),
    git(cwd, ['diff', 'HEAD', '--name-only', '-z', '--no-renames', '--ignore-submodules=all', '--no-ext-diff', '--no-relative'], env),
    git(cwd, ['config', '--get', 'core.autocrlf'], env),
  ])
  const batch = startCatFile(cwd, env)
  return {
    cancel: batch.close,
    async finish(repo) {
      const top = repo.toplevel
      const [listed, dirty, autocrlf] = await calls
      if (!listed.ok || !dirty.ok) {
        batch.close()
        return gitCommitFiles(top, repo.head)
      }
      const files: string[] = []
      for (const record of listed.out.toString('utf8').split('\0')) {
        const tab = record.indexOf('\t')
        // `<mode> <type> <id>\t<path>`: blobs only (not submodules).
        if (tab > 0 && record.slice(0, tab).split(' ')[1] === 'blob') files.push(record.slice(tab + 1))
      }
      const converting = (autocrlf.ok && /^(true|input)$/.test(autocrlf.out.toString('utf8').trim())) ||
        files.some((path) => (path === '.gitattributes' || path.endsWith('/.gitattributes')) && CONVERTING.test(readOr(join(top, path))))
      if (converting) {
        batch.close()
        return gitCommitFiles(top, repo.head)
      }
      const changed = dirty.out.toString('utf8').split('\0').filter((path) => path !== '')
      const inHead = new Set(files)
      const fromGit = await batch.ask(repo.head, changed.filter((path) => inHead.has(path)))
      // HEAD moved while the tree was listed (a commit finished meanwhile): read repo.head exactly.
      if (fromGit.head !== repo.head) return gitCommitFiles(top, repo.head)
      return new CommitFiles(top, repo.head, files.sort(compareCodeUnits), fromGit.texts, true)
    },
  }
}

export function readHeadTree(repo: GitRepo & {head: string}, env: NodeJS.ProcessEnv = process.env): Promise<TreeFiles> {
  return startHeadTree(repo.toplevel, env).finish(repo)
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
