// Find where a hunk applies in a file, as GNU `patch --fuzz=3` does
// (patch.c `locate_hunk`): the stated line shifted by the offset earlier
// hunks needed, then outward one line at a time; failing that, with up to
// `fuzz` context lines ignored at each end. Whitespace-insensitive matching is
// a last try at each fuzz level, for patches a mailer damaged.

/** Compare two lines, ignoring the CR of CRLF. */
export function sameLine(a: string, b: string): boolean {
  if (a === b) return true
  const x = a.endsWith('\r') ? a.slice(0, -1) : a
  const y = b.endsWith('\r') ? b.slice(0, -1) : b
  return x === y
}

/** Compare two lines with every run of whitespace equal and leading/trailing whitespace ignored. */
export function looseLine(a: string, b: string): boolean {
  return squeeze(a) === squeeze(b)
}

/** `looseLine` remembering each line's squeezed form (for repeated scans of the same lines). */
function cachedLooseLine(): (a: string, b: string) => boolean {
  const squeezed = new Map<string, string>()
  const of = (s: string): string => {
    let out = squeezed.get(s)
    if (out === undefined) squeezed.set(s, (out = squeeze(s)))
    return out
  }
  return (a, b) => a === b || of(a) === of(b)
}

function squeeze(s: string): string {
  let out = ''
  let space = false
  for (const c of s) {
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') space = out !== ''
    else {
      if (space) out += ' '
      out += c
      space = false
    }
  }
  return out
}

export interface Pattern {
  /** The hunk's old side (context and removed lines), in order. */
  lines: readonly string[]
  /** Leading and trailing context lines of the hunk. */
  prefix: number
  suffix: number
  /** 1-based line where the old side starts (GNU's `pch_first`). */
  first: number
}

export interface LocateState {
  /** Lines the earlier hunks moved this file by (GNU's `in_offset`). */
  offset: number
  /** Last input line an earlier hunk consumed: later hunks must start after it. */
  frozen: number
}

export interface Location {
  /** 1-based line of the input where the (full) old side starts. */
  where: number
  fuzz: number
  loose: boolean
}

export const MAX_FUZZ = 3

/** Find the hunk in `input` (0-based array of lines); undefined when it can't be placed. */
export function locateHunk(input: readonly string[], pat: Pattern, state: LocateState): Location | undefined {
  const maxFuzz = Math.min(MAX_FUZZ, Math.max(pat.prefix, pat.suffix))
  // Loose passes scan the whole file at each fuzz level: squeeze each line once.
  const loosely = cachedLooseLine()
  for (let fuzz = 0; fuzz <= maxFuzz; fuzz++)
    for (const loose of [false, true]) {
      const where = locateAt(input, pat, state, fuzz, loose ? loosely : sameLine)
      if (where !== undefined) return {where, fuzz, loose}
    }
  return undefined
}

function locateAt(
  input: readonly string[],
  pat: Pattern,
  state: LocateState,
  fuzz: number,
  same: (a: string, b: string) => boolean,
): number | undefined {
  const n = input.length
  const patLines = pat.lines.length
  const firstGuess = pat.first + state.offset
  const context = Math.max(pat.prefix, pat.suffix)
  // A hunk with less context on one side sits at that end of the file: it
  // may not move away from it (GNU: negative prefix/suffix fuzz).
  let prefixFuzz = fuzz + pat.prefix - context
  const suffixFuzz = fuzz + pat.suffix - context
  if (patLines === 0) return Math.min(Math.max(firstGuess, state.frozen + 1), n + 1)
  const match = (where: number, pf: number, sf: number): boolean => {
    if (where < 1) return false
    for (let i = pf; i < patLines - sf; i++) {
      const line = input[where - 1 + i]
      if (line === undefined || !same(line, pat.lines[i]!)) return false
    }
    return true
  }
  const maxWhere = n - (patLines - Math.max(0, suffixFuzz)) + 1
  if (prefixFuzz < 0 && pat.first <= 1) {
    // Can only match the start of the file.
    if (suffixFuzz < 0 && patLines !== n) return undefined
    return state.frozen <= pat.prefix && match(1, 0, Math.max(0, suffixFuzz)) ? 1 : undefined
  }
  if (prefixFuzz < 0) prefixFuzz = 0
  if (suffixFuzz < 0) {
    // Can only match the end of the file.
    const where = n - patLines + 1
    return where > state.frozen - prefixFuzz && match(where, prefixFuzz, 0) ? where : undefined
  }
  const minWhere = Math.max(1, state.frozen + 1 - prefixFuzz)
  const maxPos = maxWhere - firstGuess
  const maxNeg = firstGuess - minWhere
  const maxOffset = Math.max(maxPos, maxNeg)
  for (let off = 0; off <= maxOffset; off++) {
    if (off <= maxPos && firstGuess + off >= minWhere && match(firstGuess + off, prefixFuzz, suffixFuzz)) return firstGuess + off
    if (off > 0 && off <= maxNeg && match(firstGuess - off, prefixFuzz, suffixFuzz)) return firstGuess - off
  }
  return undefined
}

/** The place matching most of the pattern, to say how far off a failed hunk is. */
export function closestPlace(input: readonly string[], pat: Pattern): {where: number; matched: number} {
  let best = {where: Math.max(1, pat.first), matched: 0}
  const loosely = cachedLooseLine()
  for (let w = 1; w + pat.lines.length - 1 <= input.length; w++) {
    let k = 0
    for (let i = 0; i < pat.lines.length; i++) if (loosely(input[w - 1 + i]!, pat.lines[i]!)) k++
    if (k > best.matched || (k === best.matched && Math.abs(w - pat.first) < Math.abs(best.where - pat.first)))
      best = {where: w, matched: k}
  }
  return best
}
