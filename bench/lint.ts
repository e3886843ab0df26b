// Whole-tree lint as a user runs it: `node bin/qemu-rst-lint.js` spawned in
// shared/qemu-tree, cold each time (Node start-up included), for the file
// rules only (every project rule turned off with `--rule ID=off`) and for all
// rules. Reports wall time and the child's CPU time (min and median).

import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {rules} from '../rules/index.ts'
import type {Corpus} from './corpus.ts'
import {sharedDir} from './corpus.ts'
import {formatMs} from './timing.ts'

const RUNS = Number(process.env['QRL_LINT_RUNS'] ?? 7)

/** CPU ms of waited-for children so far (Linux `/proc/self/stat` cutime + cstime), or NaN. */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Fields 16 and 17 of stat(5), counted from `state` (field 3) here.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100
  } catch {
    return Number.NaN
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

function run(bin: string, cwd: string, args: string[]): {wall: number; cpu: number} {
  const cpuBefore = childrenCpu()
  const start = performance.now()
  const result = spawnSync(process.execPath, [bin, '--format', 'json', ...args], {cwd, stdio: ['ignore', 'ignore', 'pipe']})
  const wall = performance.now() - start
  if (result.status !== 0 && result.status !== 1) throw new Error(`lint exited ${result.status}: ${result.stderr}`)
  return {wall, cpu: childrenCpu() - cpuBefore}
}

export function benchLint(_corpus: Corpus): string[] {
  const tree = join(sharedDir(), 'qemu-tree')
  const bin = resolve('bin/qemu-rst-lint.js')
  if (!existsSync(bin) || !existsSync(join(tree, 'docs'))) return ['lint: skipped (no bin/qemu-rst-lint.js or qemu-tree)']
  const fileOnly = rules.filter((rule) => rule.meta.scope === 'project').flatMap((rule) => ['--rule', `${rule.meta.id}=off`])
  const lines = [`lint: whole tree, ${RUNS} cold runs each (wall / child CPU, ms)`]
  for (const [name, args] of [['file rules', fileOnly], ['all rules', []]] as const) {
    run(bin, tree, [...args]) // page cache and disk warm-up, not counted
    const runs = Array.from({length: RUNS}, () => run(bin, tree, [...args]))
    const walls = runs.map((entry) => entry.wall)
    const cpus = runs.map((entry) => entry.cpu)
    lines.push(
      `  ${name.padEnd(10)}  wall min ${formatMs(Math.min(...walls)).padStart(5)}  median ${formatMs(median(walls)).padStart(5)}   cpu min ${formatMs(Math.min(...cpus)).padStart(5)}  median ${formatMs(median(cpus)).padStart(5)}`,
    )
  }
  return lines
}
