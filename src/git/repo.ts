// Where a git checkout keeps things, asked of git itself so that
// subdirectories, linked worktrees (`git worktree add`) and `core.hooksPath`
// all come out right: the top level, the git dir, the common git dir shared
// by worktrees, the hooks directory, and whether HEAD names a commit yet.

import {isAbsolute, resolve} from 'node:path'
import {git} from './exec.ts'

export interface GitRepo {
  /** The top level of the working tree (absolute). */
  toplevel: string
  /** This worktree's git dir (absolute). */
  gitDir: string
  /** The git dir shared by every worktree (absolute); hooks live under it. */
  commonDir: string
  /** Where git looks for hooks: `core.hooksPath` if set, else `<common dir>/hooks` (absolute). */
  hooksDir: string
  /** HEAD's commit id, or undefined in a repository with no commits yet. */
  head: string | undefined
}

/** The repository containing `cwd`, or an error message when there is none (or git is missing). */
export async function discoverRepo(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<GitRepo | {error: string}> {
  // One process: `--verify --quiet` comes last, so when HEAD names no commit
  // yet git still prints the four paths and only exits 1 (quietly).
  const where = await git(cwd, ['rev-parse', '--show-toplevel', '--git-dir', '--git-common-dir', '--git-path', 'hooks', '--verify', '--quiet', 'HEAD^{commit}'], env)
  const unborn = !where.ok && where.code === 1 && where.out !== undefined && where.out.toString('utf8').split('\n').length >= 5
  if (!where.ok && !unborn) return {error: /not a git repository/i.test(where.error) ? `${cwd} is not inside a git repository` : where.error}
  const lines = (where.out ?? Buffer.alloc(0)).toString('utf8').split('\n')
  const [toplevel, gitDir, commonDir, hooks, head] = lines
  if (!toplevel || !gitDir || !commonDir || !hooks) return {error: `${cwd}: no working tree (a bare repository?)`}
  // rev-parse answers relative to the directory it ran in, except --show-toplevel.
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path))
  const id = where.ok ? (head ?? '').trim() : ''
  return {toplevel, gitDir: absolute(gitDir), commonDir: absolute(commonDir), hooksDir: absolute(hooks), head: id === '' ? undefined : id}
}
