// Undo a mailer's whitespace damage before linting what a patch adds. When a
// hunk only applied with whitespace ignored, its context lines lost their
// indentation, and so did its added lines: a toctree entry `+   whpx` arrives
// as `+ whpx`, which would end the directive. Each added line of such a hunk
// gets the real indentation of its nearest context line (plus any extra depth
// it had over that line), read from the file where the hunk applied.

import type {AppliedSeries} from '../patch/apply.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {Hunk, HunkLine, PatchInput} from '../patch/types.ts'

/** The input with damaged added lines re-indented, or undefined when no hunk needed it. */
export function repairDamagedIndent(base: TreeFiles, input: PatchInput, applied: AppliedSeries): PatchInput | undefined {
  let repaired = false
  const touched = new Set<string>()
  const patches = input.patches.map((patch) => ({
    ...patch,
    files: patch.files.map((file) => {
      const path = file.newPath ?? file.oldPath ?? ''
      const firstTouch = !touched.has(path)
      touched.add(path)
      const change = applied.changed.get(path)
      // Only the base text is at hand: repair hunks of the first patch touching the file.
      const text = firstTouch ? base.read(file.oldPath ?? path) : undefined
      if (!change || text === undefined) return file
      const results = change.hunks.filter((result) => result.patch === patch.index)
      const lines = text.split('\n')
      return {
        ...file,
        hunks: file.hunks.map((hunk, index) => {
          const result = results[index]
          if (!result?.applied || !result.loose || result.at === undefined || result.header !== hunk.header) return hunk
          const fixed = reindent(hunk, lines, result.at)
          if (fixed !== hunk) repaired = true
          return fixed
        }),
      }
    }),
  }))
  return repaired ? {...input, patches} : undefined
}

function reindent(hunk: Hunk, file: readonly string[], at: number): Hunk {
  // The real indentation of each old-side line, where the file confirms it.
  const real = new Map<number, {patch: number; file: string}>()
  let old = 0
  hunk.lines.forEach((line, index) => {
    if (line.kind === '+') return
    const actual = file[at - 1 + old]
    old++
    if (actual !== undefined && squeeze(actual) === squeeze(line.text)) real.set(index, {patch: indentOf(line.text).length, file: indentOf(actual)})
  })
  let changed = false
  const lines = hunk.lines.map((line, index): HunkLine => {
    if (line.kind !== '+' || line.text.trim() === '') return line
    const near = nearest(real, index, hunk.lines.length)
    if (!near || near.file.length === near.patch) return line
    const own = indentOf(line.text).length
    const extra = Math.max(0, own - near.patch - 1)
    const text = near.file + ' '.repeat(extra) + line.text.slice(own)
    if (text === line.text) return line
    changed = true
    return {...line, text}
  })
  return changed ? {...hunk, lines} : hunk
}

/** The closest confirmed context line, looking up first. */
function nearest(real: ReadonlyMap<number, {patch: number; file: string}>, index: number, length: number) {
  for (let distance = 1; distance < length; distance++) {
    const above = real.get(index - distance)
    if (above) return above
    const below = real.get(index + distance)
    if (below) return below
  }
  return undefined
}

function indentOf(text: string): string {
  let end = 0
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++
  return text.slice(0, end)
}

function squeeze(text: string): string {
  return text.trim().split(/[ \t]+/).join(' ')
}
