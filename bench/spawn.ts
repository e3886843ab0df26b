// Spawn-and-time for the benchmarks that run the CLI as a user does (Node
// start-up included): one timed child run (wall time and the child's CPU
// time), a warm-up plus N runs, and the "wall min / median, cpu min / median"
// figures every such benchmark prints.

import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {formatMs} from './timing.ts'

export interface SpawnTime {
  /** Wall time in ms. */
  wall: number
  /** CPU time in ms of the child (and its own children), or NaN off Linux. */
  cpu: number
}

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

/**
 * Run `node bin ...args` once, stdout discarded, and time it. Throws (with the
 * child's stderr) when its exit status is not one of `statuses`: a benchmark
 * of a crashing run measures nothing.
 */
export function spawnTimed(bin: string, args: readonly string[], options: SpawnSyncOptions & {label: string; statuses: readonly number[]}): SpawnTime {
  const {label, statuses, ...spawnOptions} = options
  const cpuBefore = childrenCpu()
  const start = performance.now()
  const result = spawnSync(process.execPath, [bin, ...args], {...spawnOptions, stdio: ['ignore', 'ignore', 'pipe']})
  const wall = performance.now() - start
  if (result.status === null || !statuses.includes(result.status)) throw new Error(`${label} exited ${result.status}: ${result.stderr}`)
  return {wall, cpu: childrenCpu() - cpuBefore}
}

/** One unmeasured warm-up call (page cache, caches primed), then `runs` measured ones. */
export function timeRuns(once: () => SpawnTime, runs: number): SpawnTime[] {
  once()
  return Array.from({length: runs}, once)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

/** `wall min …  median …   cpu min …  median …` for a set of runs. */
export function formatRuns(runs: readonly SpawnTime[]): string {
  const walls = runs.map((entry) => entry.wall)
  const cpus = runs.map((entry) => entry.cpu)
  return `wall min ${formatMs(Math.min(...walls)).padStart(5)}  median ${formatMs(median(walls)).padStart(5)}   cpu min ${formatMs(Math.min(...cpus)).padStart(5)}  median ${formatMs(median(cpus)).padStart(5)}`
}
