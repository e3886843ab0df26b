// Patch mode as CI runs it: `node bin/qemu-rst-lint.js patch SEED` spawned
// cold (Node start-up included) for each WHPX seed in shared/seeds against
// shared/qemu-tree, with its inventory. Reports wall time and the child's CPU
// time (min and median); the budget is 0.5 s wall.

import {existsSync, readdirSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {Corpus} from './corpus.ts'
import {sharedDir} from './corpus.ts'
import {formatRuns, spawnTimed, timeRuns, type SpawnTime} from './spawn.ts'

const RUNS = Number(process.env['QRL_PATCH_RUNS'] ?? 7)

function run(bin: string, args: string[]): SpawnTime {
  return spawnTimed(bin, ['patch', '--format', 'json', ...args], {label: 'patch', statuses: [0, 1]})
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
    const runs = timeRuns(() => run(bin, args), RUNS) // the warm-up run warms the page cache
    lines.push(`  ${seed.slice(0, 12).padEnd(12)}  ${formatRuns(runs)}`)
  }
  return lines
}
