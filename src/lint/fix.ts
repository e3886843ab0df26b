// Applying fixes: safe fixes only, never two that overlap (the later one
// waits for the next pass), edits on 0-based offsets of the linted text.
// `fixText` re-lints after each pass until nothing fixable is left (at most
// ten passes), so overlapping fixes are all applied eventually.

import type {VFileMessage} from 'vfile-message'
import type {Linter, LintResult, Prepared} from './engine.ts'
import type {Fix, TextEdit} from './types.ts'

export const MAX_PASSES = 10

/** Whether two edits touch the same text (two insertions at one point count). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start
  return a.start < b.end && b.start < a.end
}

/** Fixes of these messages that `--fix` applies (safe ones). */
export function safeFixes(messages: readonly VFileMessage[]): Fix[] {
  const out: Fix[] = []
  for (const message of messages) if (message.fix && message.fix.safety === 'safe') out.push(message.fix)
  return out
}

/**
 * Apply the fixes that do not overlap an earlier one (in order of their
 * first edit). Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): {text: string; applied: number; skipped: number} {
  const sorted = [...fixes].sort((a, b) => firstStart(a) - firstStart(b))
  const accepted: TextEdit[] = []
  let applied = 0
  let skipped = 0
  for (const fix of sorted) {
    const conflicts = fix.edits.some((edit, index) =>
      accepted.some((other) => editsOverlap(edit, other)) ||
      fix.edits.some((mine, j) => j !== index && editsOverlap(edit, mine)),
    ) || fix.edits.some((edit) => edit.start < 0 || edit.end > text.length || edit.start > edit.end)
    if (conflicts) {
      skipped++
      continue
    }
    accepted.push(...fix.edits)
    applied++
  }
  accepted.sort((a, b) => a.start - b.start || a.end - b.end)
  let out = ''
  let last = 0
  for (const edit of accepted) {
    out += text.slice(last, edit.start) + edit.text
    last = edit.end
  }
  return {text: out + text.slice(last), applied, skipped}
}

function firstStart(fix: Fix): number {
  let min = Infinity
  for (const edit of fix.edits) if (edit.start < min) min = edit.start
  return min
}

export interface FixOutcome {
  /** The final text (equal to the input if nothing was fixable). */
  text: string
  /** The lint result of the final text. */
  result: LintResult
  /** Fixes applied over all passes. */
  applied: number
  passes: number
}

/**
 * Lint, apply safe fixes, lint again; until nothing fixable is left or ten
 * passes. `prepared` is the already parsed original text, if any.
 */
export function fixText(linter: Linter, path: string, text: string, prepared?: Prepared): FixOutcome {
  let result = prepared ? linter.check(prepared) : linter.lint(path, text)
  let applied = 0
  let passes = 0
  while (passes < MAX_PASSES) {
    const fixes = safeFixes(result.file.messages)
    if (fixes.length === 0) break
    const next = applyFixes(text, fixes)
    if (next.applied === 0 || next.text === text) break
    text = next.text
    applied += next.applied
    passes++
    result = linter.lint(path, text)
  }
  return {text, result, applied, passes}
}
