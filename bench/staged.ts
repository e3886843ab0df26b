// The pre-commit check as a commit runs it: a temporary git repository made
// from shared/qemu-tree (committed once), three documents changed and staged,
// then `node bin/qemu-rst-lint.js --staged` spawned cold N times (git calls
// and Node start-up included). Reports wall time and the children's CPU time
// (min and median); the budget is 0.4 s wall.

import {spawnSync} from 'node:child_process'
import {appendFileSync, cpSync, existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import type {Corpus} from './corpus.ts'
import {sharedDir} from './corpus.ts'
import {formatRuns, spawnTimed, timeRuns} from './spawn.ts'

const RUNS = Number(process.env['QRL_STAGED_RUNS'] ?? 9)
const TOUCHED = ['docs/system/authz.rst', 'docs/system/barrier.rst', 'docs/system/bootindex.rst']

/** Git isolated from the user's config and from any hook environment around the benchmark. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value
  return {...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org'}
}

function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): void {
  const result = spawnSync('git', args, {cwd, env, stdio: ['ignore', 'ignore', 'pipe']})
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
}

export function benchStaged(_corpus: Corpus): string[] {
  const tree = join(sharedDir(), 'qemu-tree')
  const bin = resolve('bin/qemu-rst-lint.js')
  if (!existsSync(bin) || !existsSync(tree)) return ['staged: skipped (no bin/qemu-rst-lint.js or shared/qemu-tree)']
  const env = gitEnv()
  const repo = mkdtempSync(join(tmpdir(), 'qrl-bench-staged-'))
  try {
    cpSync(tree, repo, {recursive: true})
    git(repo, env, 'init', '-q')
    git(repo, env, 'add', '-A')
    git(repo, env, 'commit', '-q', '--no-verify', '-m', 'base')
    for (const path of TOUCHED) appendFileSync(join(repo, path), '\nOne more sentence, added for the benchmark.   \n')
    git(repo, env, 'add', ...TOUCHED)
    // The added lines end in blanks: the check must find them (exit 1).
    const once = () => spawnTimed(bin, ['--staged', '--format', 'json'], {cwd: join(repo, 'docs'), env, label: '--staged', statuses: [1]})
    const runs = timeRuns(once, RUNS) // the warm-up run warms the page cache and git's index stat cache
    return [
      `staged: --staged on a commit touching ${TOUCHED.length} docs of the QEMU tree, ${RUNS} cold runs (wall / child CPU incl. git, ms; budget 400 wall)`,
      `  ${formatRuns(runs)}`,
    ]
  } finally {
    rmSync(repo, {recursive: true, force: true})
  }
}
