// `--git A..B`: the commits of a range in the tree's repository, exported with
// `git format-patch --stdout` (run directly, no shell) and read as an mbox, so
// a range goes down the same path as a series sent to the list.

import {execFile} from 'node:child_process'
import {readPatchInput} from './input.ts'
import type {InputError, PatchInput} from './types.ts'

/** Run git in `cwd` and collect its stdout as bytes; errors come back as text. */
export function runGit(cwd: string, args: string[]): Promise<{ok: true; out: Buffer} | {ok: false; error: string}> {
  return new Promise((resolve) => {
    execFile('git', args, {cwd, encoding: 'buffer', maxBuffer: 1 << 30}, (err, stdout, stderr) => {
      if (err) {
        const msg = Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim() : String(stderr)
        resolve({ok: false, error: msg || err.message})
      } else resolve({ok: true, out: stdout})
    })
  })
}

/**
 * The commits of `range` (`A..B`, or `REV` meaning `REV..HEAD`, as
 * `git format-patch` reads it) as a series, oldest first.
 */
export async function readGitRange(root: string, range: string): Promise<PatchInput | InputError> {
  if (range === '' || range.startsWith('-'))
    return {ok: false, error: `--git: \`${range}\` is not a revision range (expected A..B or a revision such as HEAD~3)`}
  const r = await runGit(root, ['format-patch', '--stdout', '--no-color', '-M', '--no-signature', range, '--'])
  if (!r.ok) return {ok: false, error: `--git ${range}: git format-patch failed in ${root}: ${r.error}`}
  if (r.out.length === 0) return {ok: false, error: `--git ${range}: the range holds no commits`}
  const input = await readPatchInput(r.out, `git ${range}`)
  if (!input.ok) return input
  return {...input, kind: 'git'}
}
