// Patch mode as CI runs it: `node bin/qemu-rst-lint.js patch SEED` spawned
// cold (Node start-up included) for each WHPX seed in shared/seeds against
// shared/qemu-tree, with its inventory. Reports wall time and the child's CPU
// time (min and median); the budget is 0.5 s wall.

import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {Corpus} from './corpus.ts'
import {sharedDir} from './corpus.ts'
import {formatMs} from './timing.ts'

const RUNS = Number(process.env['QRL_PATCH_RUNS'] ?? 7)

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

function run(bin: string, args: string[]): {wall: number; cpu: number} {
  const cpuBefore = childrenCpu()
  const start = performance.now()
  const result = spawnSync(process.execPath, [bin, 'patch', '--format', 'json', ...args], {stdio: ['ignore', 'ignore', 'pipe']})
  const wall = performance.now() - start
  if (result.status !== 0 && result.status !== 1) throw new Error(`patch exited ${result.status}: ${result.stderr}`)
  return {wall, cpu: childrenCpu() - cpuBefore}
}

export function benchPatch(_corpus: Corpus): string[] {
  const shared = sharedDir()
  const tree = join(shared, 'qemu-tree')
  const seeds = join(shared, 'seeds')
  const bin = resolve('bin/qemu-rst-lint.js')
  if (!existsSync(bin) || !existsSync(seeds)) return ['patch: skipped (no bin/qemu-rst-lint.js or shared/seeds)']
  const inventory = join(shared, 'qemu-tree.objects.inv')
  const common = ['--tree', tree, ...(existsSync(inventory) ? ['--inventory', inventory] : [])]
  const lines = [`patch: WHPX seeds on the QEMU tree, ${RUNS} cold runs each (wall / child CPU, ms; budget 500 wall)`]
  for (const seed of readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort()) {
    const args = [...common, join(seeds, seed)]
    run(bin, args) // page cache warm-up, not counted
    const runs = Array.from({length: RUNS}, () => run(bin, args))
    const walls = runs.map((entry) => entry.wall)
    const cpus = runs.map((entry) => entry.cpu)
    lines.push(
      `  ${seed.slice(0, 12).padEnd(12)}  wall min ${formatMs(Math.min(...walls)).padStart(5)}  median ${formatMs(median(walls)).padStart(5)}   cpu min ${formatMs(Math.min(...cpus)).padStart(5)}  median ${formatMs(median(cpus)).padStart(5)}`,
    )
  }
  return lines
}
