// Opt-in timing (`--timing`, like ESLint's TIMING=1): CPU time per rule and
// per engine phase, printed to stderr, so slow rules are found by measuring.

const totals = new Map<string, number>()
let enabled = false

export function enableTiming(): void {
  enabled = true
}

export function isTiming(): boolean {
  return enabled
}

/** Run `fn`, adding its wall time to `key` when timing is on. */
export function timed<T>(key: string, fn: () => T): T {
  if (!enabled) return fn()
  const start = performance.now()
  try {
    return fn()
  } finally {
    totals.set(key, (totals.get(key) ?? 0) + performance.now() - start)
  }
}

/** The table of the slowest entries, longest first. */
export function timingReport(limit = 20): string {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit)
  const width = Math.max(4, ...rows.map(([key]) => key.length))
  const total = [...totals.values()].reduce((sum, value) => sum + value, 0)
  let out = `${'what'.padEnd(width)}  time (ms)  share\n`
  for (const [key, ms] of rows) out += `${key.padEnd(width)}  ${ms.toFixed(1).padStart(9)}  ${((ms / total) * 100).toFixed(1).padStart(4)}%\n`
  return out
}
