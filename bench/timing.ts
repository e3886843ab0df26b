// Small timing helpers for the benchmark: warm-up, then the fastest of several
// runs, in CPU time of this process (user + system). The machine is often
// shared (tests running alongside): CPU time and the minimum are the figures
// least disturbed by other processes; wall time under load is not.

import {performance} from 'node:perf_hooks'

/**
 * CPU time in ms of one call. No forced GC before it: after one, V8 shrinks
 * the young generation and the next run pays over twice the CPU to regrow it.
 */
export function time(fn: () => void): number {
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** Wall time in ms of one call: what the calling thread spent, helper threads (GC, JIT) aside. */
export function wallTime(fn: () => void): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

/** Fastest wall time in ms of `runs` calls of `fn` on this thread, after `warmup` unmeasured calls. */
export function measureWall(fn: () => void, runs: number, warmup = 1): number {
  for (let index = 0; index < warmup; index++) fn()
  let best = Number.POSITIVE_INFINITY
  for (let index = 0; index < runs; index++) best = Math.min(best, wallTime(fn))
  return best
}

/** Fastest CPU time (this process, all threads) in ms of `runs` calls of `fn`, after `warmup` unmeasured calls. */
export function measure(fn: () => void, runs: number, warmup = 1): number {
  for (let index = 0; index < warmup; index++) fn()
  let best = Number.POSITIVE_INFINITY
  for (let index = 0; index < runs; index++) best = Math.min(best, time(fn))
  return best
}

/** Call `fn` until `ms` have passed (at least `min` times): lets V8 tier up the hot code first. */
export function warmUp(fn: () => void, ms: number, min = 3): void {
  const start = performance.now()
  for (let count = 0; count < min || performance.now() - start < ms; count++) fn()
}

export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)
}
