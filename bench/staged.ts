// The pre-commit check as a commit runs it: a temporary git repository made
// from shared/qemu-tree (committed once), three documents changed and staged,
// then `node bin/qemu-rst-lint.js --staged` spawned cold N times (git calls
// and Node start-up included). Reports wall time and the children's CPU time
// (min and median); the budget is 0.4 s wall.

import {spawnSync} from 'node:child_process'
import {appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import type {Corpus} from './corpus.ts'
import {sharedDir} from './corpus.ts'
import {formatMs} from './timing.ts'

const RUNS = Number(process.env['QRL_STAGED_RUNS'] ?? 9)
const TOUCHED = ['docs/system/authz.rst', 'docs/system/barrier.rst', 'docs/system/bootindex.rst']

/** CPU ms of waited-for children so far (Linux `/proc/self/stat` cutime + cstime), or NaN. */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100
  } catch {
    return Number.NaN
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

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
    const once = () => {
      const cpuBefore = childrenCpu()
      const start = performance.now()
      const result = spawnSync(process.execPath, [bin, '--staged', '--format', 'json'], {cwd: join(repo, 'docs'), env, stdio: ['ignore', 'ignore', 'pipe']})
      const wall = performance.now() - start
      // The added lines end in blanks: the check must find them (exit 1).
      if (result.status !== 1) throw new Error(`--staged exited ${result.status}: ${result.stderr}`)
      return {wall, cpu: childrenCpu() - cpuBefore}
    }
    once() // page cache and git's index stat cache warm-up, not counted
    const runs = Array.from({length: RUNS}, once)
    const walls = runs.map((entry) => entry.wall)
    const cpus = runs.map((entry) => entry.cpu)
    return [
      `staged: --staged on a commit touching ${TOUCHED.length} docs of the QEMU tree, ${RUNS} cold runs (wall / child CPU incl. git, ms; budget 400 wall)`,
      `  wall min ${formatMs(Math.min(...walls)).padStart(5)}  median ${formatMs(median(walls)).padStart(5)}   cpu min ${formatMs(Math.min(...cpus)).padStart(5)}  median ${formatMs(median(cpus)).padStart(5)}`,
    ]
  } finally {
    rmSync(repo, {recursive: true, force: true})
  }
}
