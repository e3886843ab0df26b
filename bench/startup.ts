// The floor under every spawned benchmark: an empty `node -e 0`, timed the
// same way. It moves with the machine (other tenants of a VM, CPU frequency),
// so the whole-tree, patch and staged figures are read against it. When
// NODE_EXTRA_CA_CERTS is set (some sandboxes and corporate machines set it),
// every Node process parses that certificate bundle before running any code:
// the floor is then timed without it too, to show what that costs each run.

import type {Corpus} from './corpus.ts'
import {formatRuns, spawnTimed, timeRuns} from './spawn.ts'

const RUNS = 9

export function benchStartup(_corpus: Corpus): string[] {
  const empty = (env: NodeJS.ProcessEnv) => timeRuns(() => spawnTimed('-e', ['0'], {env, label: 'node -e 0', statuses: [0]}), RUNS)
  const lines = [`start-up: an empty \`node -e 0\`, ${RUNS} runs (the floor of every run below; ms)`, `  ${formatRuns(empty(process.env))}`]
  const certificates = process.env['NODE_EXTRA_CA_CERTS']
  if (certificates) {
    const {NODE_EXTRA_CA_CERTS: _, ...without} = process.env
    lines.push(`  without NODE_EXTRA_CA_CERTS (set here to ${certificates}; every run below pays for it):`, `  ${formatRuns(empty(without))}`)
  }
  return lines
}
