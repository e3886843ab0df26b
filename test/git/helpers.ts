// Temporary git repositories for the --staged and hook tests: a copy of a
// tree, committed once, with git isolated from the user's and the machine's
// config (and from any hook environment the test run itself sits in).

import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {run} from '../../src/cli/run.ts'

export const ROOT = new URL('../../', import.meta.url).pathname
export const MINI_QEMU = join(ROOT, 'fixtures', 'trees', 'mini-qemu')
export const QEMU_TREE = join(ROOT, '..', 'shared', 'qemu-tree')

// The test process may itself run under a git hook (GIT_DIR, GIT_INDEX_FILE…): drop all of it.
for (const key of Object.keys(process.env)) if (key.startsWith('GIT_')) delete process.env[key]
process.env['GIT_CONFIG_NOSYSTEM'] = '1'
process.env['GIT_CONFIG_GLOBAL'] = '/dev/null'
process.env['GIT_AUTHOR_NAME'] = process.env['GIT_COMMITTER_NAME'] = 'Test Author'
process.env['GIT_AUTHOR_EMAIL'] = process.env['GIT_COMMITTER_EMAIL'] = 'author@example.org'

const made: string[] = []

/** A fresh temporary directory, removed by `cleanUp`. */
export function tempDir(prefix = 'qrl-git-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
}

/** Run git in `cwd`; throws with git's message on failure. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {cwd, encoding: 'utf8'})
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

/** A repository holding a copy of `source`, committed once unless `commit` is false. */
export function makeRepo(source: string, options: {commit?: boolean} = {}): string {
  const dir = tempDir()
  cpSync(source, dir, {recursive: true})
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Test Author')
  git(dir, 'config', 'user.email', 'author@example.org')
  git(dir, 'add', '-A')
  if (options.commit !== false) git(dir, 'commit', '-q', '--no-verify', '-m', 'base')
  return dir
}

export interface Finding {
  path: string
  ruleId: string
  line: number
  column: number
  severity: string
}

/** `qemu-rst-lint ARGS` in process, from `cwd`; JSON findings when --format json is among ARGS. */
export async function cli(cwd: string, args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {cwd, env: process.env, isTTY: false, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text)})
  return {code, stdout, stderr}
}

/** `--staged --format json` from `cwd`: the exit status and the findings, flattened. */
export async function staged(cwd: string, extra: string[] = []): Promise<{code: number; findings: Finding[]; stderr: string}> {
  const out = await cli(cwd, ['--staged', '--format', 'json', ...extra])
  const files = out.stdout.trim() === '' ? [] : (JSON.parse(out.stdout) as Array<{path: string; messages: Array<Omit<Finding, 'path'>>}>)
  const findings = files.flatMap((file) => file.messages.map(({ruleId, line, column, severity}) => ({path: file.path, ruleId, line, column, severity})))
  return {code: out.code, findings, stderr: out.stderr}
}
