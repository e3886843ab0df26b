// HEAD's tree as TreeFiles, cheaply: the file list from one `git ls-tree`,
// and each file's text from the working tree when git says it is the same as
// in HEAD (most of the tree, most of the time), else from HEAD's blob — read
// together in one `git cat-file --batch`. A pre-commit check then reads only
// the few files it needs instead of every document's blob. When checkout
// filters may make the disk differ from the blobs (autocrlf, eol, filter
// attributes), every file is read from git instead.

import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {compareCodeUnits} from '../tree/disk-files.ts'
import type {TreeFiles} from '../tree/files.ts'
import {catFileBatch, CommitFiles, gitCommitFiles} from './commit-files.ts'
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
  if (!listed.ok || !dirty.ok) return gitCommitFiles(top, repo.head)
  const files: string[] = []
  for (const record of listed.out.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t')
    // `<mode> <type> <id>\t<path>`: blobs only (not submodules).
    if (tab > 0 && record.slice(0, tab).split(' ')[1] === 'blob') files.push(record.slice(tab + 1))
  }
  const converting = (autocrlf.ok && /^(true|input)$/.test(autocrlf.out.toString('utf8').trim())) ||
    files.some((path) => (path === '.gitattributes' || path.endsWith('/.gitattributes')) && CONVERTING.test(readOr(join(top, path))))
  if (converting) return gitCommitFiles(top, repo.head)
  const changed = dirty.out.toString('utf8').split('\0').filter((path) => path !== '')
  const inHead = new Set(files)
  const fromGit = catFileBatch(top, repo.head, changed.filter((path) => inHead.has(path)), env)
  return new CommitFiles(top, repo.head, files.sort(compareCodeUnits), fromGit, true)
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
