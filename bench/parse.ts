// Benchmark section "parse": fromRst over the QEMU corpus — throughput on one
// core, time for the whole corpus, and linearity (the corpus ×1, ×4, ×16, as
// one big document and as separate documents, must take ×1, ×4, ×16 the time
// within 15%; a super-linear construct shows up here first).

import {fromRst} from '../src/rst/index.ts'
import {Source} from '../src/rst/source.ts'
import {applyTransforms} from '../src/rst/transform/index.ts'
import type {Corpus} from './corpus.ts'
import {formatMs, measure, measureWall, wallTime, warmUp} from './timing.ts'

const TOLERANCE = 0.15
const FACTORS = [1, 4, 16]

export function benchParse(corpus: Corpus): string[] {
  const lines: string[] = []
  const parseAll = (): void => {
    for (const doc of corpus.docs) fromRst(doc.text)
  }
  // V8 keeps optimizing the parser for a few seconds; measure the settled speed.
  warmUp(parseAll, 3000)
  // Throughput on one core: the parsing thread's wall time. The process's CPU
  // time also counts V8's helper threads (concurrent GC marking, background
  // JIT), which run beside it on the other core; it is shown too.
  const ms = measureWall(parseAll, 15, 0)
  const cpuMs = measure(parseAll, 9, 0)
  const mb = corpus.bytes / 1e6
  lines.push(
    `parse: ${corpus.docs.length} files, ${mb.toFixed(2)} MB: ${formatMs(ms)} ms per corpus, ${(mb / (ms / 1000)).toFixed(1)} MB/s (one core, wall); process CPU incl. GC/JIT threads ${formatMs(cpuMs)} ms`,
  )

  // The reference transforms alone (fromRst runs them; running them again on a
  // parsed tree does the same work and changes nothing).
  const transformMs = measureTransforms(corpus)
  lines.push(`transforms: ${formatMs(transformMs)} ms per corpus (${((transformMs / ms) * 100).toFixed(0)}% of parse)`)

  const whole = corpus.docs.map((doc) => doc.text).join('\n\n')
  const big = new Map(FACTORS.map((factor) => [factor, Array.from({length: factor}, () => whole).join('\n\n')]))
  lines.push(
    linearity('one document', (factor) => {
      const text = big.get(factor) as string
      fromRst(text)
    }),
  )
  lines.push(
    linearity('separate documents', (factor) => {
      for (let round = 0; round < factor; round++) parseAll()
    }),
  )
  return lines
}

/**
 * The transforms over trees parsed beforehand. In a function of its own so
 * the corpus' trees are garbage afterwards: kept alive, they would enlarge
 * every major GC of the linearity runs that follow.
 */
function measureTransforms(corpus: Corpus): number {
  const parsed = corpus.docs.map((doc) => ({root: fromRst(doc.text), source: new Source(doc.text)}))
  return measure(() => {
    for (const {root, source} of parsed) {
      root.data.problems = []
      applyTransforms(root, source)
    }
  }, 9, 3)
}

/**
 * Rounds of ×1, ×4, ×16 interleaved, so a burst of outside load hits all
 * factors alike; each factor's median round counts (a lucky or unlucky GC
 * moves a single round by ±30%, most of all the short ×1 runs).
 */
function linearity(label: string, run: (factor: number) => void): string {
  const rounds = new Map<number, number[]>(FACTORS.map((factor) => [factor, []]))
  for (let round = 0; round < 5; round++) {
    for (const factor of FACTORS) rounds.get(factor)?.push(wallTime(() => run(factor)))
  }
  const best = new Map(FACTORS.map((factor) => [factor, median(rounds.get(factor) ?? [])]))
  const base = best.get(1) as number
  const parts = FACTORS.map((factor) => {
    const ms = best.get(factor) as number
    const ratio = ms / base
    const ok = Math.abs(ratio / factor - 1) <= TOLERANCE
    return `×${factor} ${formatMs(ms)} ms (ratio ${ratio.toFixed(2)}${factor === 1 ? '' : ok ? ', ok' : ', NOT LINEAR'})`
  })
  return `parse linearity, ${label}: ${parts.join('; ')}`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
