// Whole-tree lint as a user runs it: `node bin/qemu-rst-lint.js` spawned in
// shared/qemu-tree (Node start-up included), for the file rules only (every
// project rule turned off with `--rule ID=off`) and for all rules (with the
// tree's inventory). Each cold (`--no-cache`; sharing the files with a worker
// thread, and on one thread with QRL_JOBS=1) and warm (the result cache, in a
// temporary directory, primed by one run). Reports wall time and the child's
// CPU time (min and median).

import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {rules} from '../rules/index.ts'
import type {Corpus} from './corpus.ts'
import {sharedDir} from './corpus.ts'
import {formatRuns, spawnTimed, timeRuns, type SpawnTime} from './spawn.ts'

const RUNS = Number(process.env['QRL_LINT_RUNS'] ?? 7)

function run(bin: string, cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): SpawnTime {
  return spawnTimed(bin, ['--format', 'json', ...args], {cwd, env, label: 'lint', statuses: [0, 1]})
}

export function benchLint(_corpus: Corpus): string[] {
  const tree = join(sharedDir(), 'qemu-tree')
  const bin = resolve('bin/qemu-rst-lint.js')
  if (!existsSync(bin) || !existsSync(join(tree, 'docs'))) return ['lint: skipped (no bin/qemu-rst-lint.js or qemu-tree)']
  const fileOnly = rules.filter((rule) => rule.meta.scope === 'project').flatMap((rule) => ['--rule', `${rule.meta.id}=off`])
  const inventory = join(sharedDir(), 'qemu-tree.objects.inv')
  const all = existsSync(inventory) ? ['--inventory', inventory] : []
  const cacheDir = mkdtempSync(join(tmpdir(), 'qrl-bench-cache-'))
  const lines = [`lint: whole tree, ${RUNS} runs each (wall / child CPU, ms); warm = result cache primed by one run`]
  try {
    for (const [name, args] of [['file rules', fileOnly], ['all rules', all]] as const) {
      for (const mode of ['cold', 'cold, 1 thread', 'warm'] as const) {
        const cache = mode === 'warm' ? ['--cache-dir', cacheDir] : ['--no-cache']
        const env = mode === 'cold, 1 thread' ? {...process.env, QRL_JOBS: '1'} : process.env
        // The warm-up run also warms the page cache and disk, and primes the result cache.
        const runs = timeRuns(() => run(bin, tree, [...args, ...cache], env), RUNS)
        lines.push(`  ${`${name}, ${mode}`.padEnd(26)}  ${formatRuns(runs)}`)
      }
    }
  } finally {
    rmSync(cacheDir, {recursive: true, force: true})
  }
  return lines
}
