// The commit a `--git` range's patches apply to, asked of git: `A` of `A..B`,
// the merge base of `A...B`, `REV` alone. Patch mode lints against that commit
// (read by commit-files.ts), not the checkout, which usually already holds B.

import {spawnSync} from 'node:child_process'

/** The commit's full id, or git's complaint. */
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

function git(cwd: string, args: string[]): {ok: boolean; text: string} {
  const result = spawnSync('git', args, {cwd, encoding: 'utf8'})
  if (result.error) return {ok: false, text: result.error.message}
  return result.status === 0 ? {ok: true, text: result.stdout} : {ok: false, text: (result.stderr || result.stdout).trim()}
}
