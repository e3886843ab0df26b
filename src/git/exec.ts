// Running git without a shell: `execFile` with the arguments as an array, the
// output kept as bytes (blob and diff contents are not always UTF-8), and a
// failure reported as data (git's own message) rather than thrown.

import {execFile} from 'node:child_process'

/** A failure keeps what git printed and its exit code: a combined query may fail only in its last part. */
export type GitResult = {ok: true; out: Buffer} | {ok: false; error: string; out?: Buffer; code?: number}

export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<GitResult> {
  return new Promise((resolve) => {
    // No optional locks: a hook runs while `git commit` holds the index lock, and
    // parallel read-only calls must not race to refresh the index.
    execFile('git', [...args], {cwd, env: {...env, GIT_OPTIONAL_LOCKS: '0'}, encoding: 'buffer', maxBuffer: 1 << 30}, (error, stdout, stderr) => {
      if (!error) return resolve({ok: true, out: stdout})
      const message = Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim() : ''
      const code = typeof error.code === 'number' ? error.code : undefined
      resolve({ok: false, error: message || error.message, ...(Buffer.isBuffer(stdout) ? {out: stdout} : {}), ...(code === undefined ? {} : {code})})
    })
  })
}
