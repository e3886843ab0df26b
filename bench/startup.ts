// The floor under every spawned benchmark: an empty `node -e 0`, timed the
// same way. It moves with the machine (other tenants of a VM, CPU frequency),
// so the whole-tree, patch and staged figures are read against it.

import type {Corpus} from './corpus.ts'
import {formatRuns, spawnTimed, timeRuns} from './spawn.ts'

export function benchStartup(_corpus: Corpus): string[] {
  const runs = timeRuns(() => spawnTimed('-e', ['0'], {label: 'node -e 0', statuses: [0]}), 9)
  return [`start-up: an empty \`node -e 0\`, 9 runs (the floor of every run below; ms)`, `  ${formatRuns(runs)}`]
}
