// Patch mode asks MAINTAINERS only about the patterns a series can leave
// dangling: those on lines it adds, and those naming files it deletes or
// renames away. Checking every pattern of QEMU's MAINTAINERS on both sides
// costs a large share of a patch check's budget, and a pattern the series
// does not touch keeps its status (its finding would cancel out anyway).

import type {AppliedSeries} from '../patch/apply.ts'
import {MaintainersCoverage} from '../tree/coverage.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {FilePattern} from '../tree/maintainers.ts'
import type {ProjectIndex} from '../tree/project.ts'

/** The two indexes with `maintainers.dangling` limited to the patterns the series may affect. */
export function narrowDangling(
  before: ProjectIndex,
  after: ProjectIndex,
  beforeFiles: TreeFiles,
  afterFiles: TreeFiles,
  applied: AppliedSeries,
): {before: ProjectIndex; after: ProjectIndex} {
  const added = applied.changed.get('MAINTAINERS')?.addedLines
  const gone = [...applied.changed.values()].filter((change) => change.status === 'deleted' || change.status === 'renamed').map((change) => change.oldPath ?? change.path)
  const affected = (pattern: FilePattern) =>
    added?.has(pattern.entry.line) === true || gone.some((path) => path.startsWith(pattern.prefix) || pattern.prefix.startsWith(path))
  const keys = new Set((after.maintainers.parsed?.patterns ?? []).filter(affected).map(keyOf))
  const pick = (patterns: readonly FilePattern[]) => patterns.filter((pattern) => keys.has(keyOf(pattern)))
  return {before: withDangling(before, beforeFiles, pick), after: withDangling(after, afterFiles, pick)}
}

function keyOf(pattern: FilePattern): string {
  return `${pattern.section.name}\0${pattern.entry.tag}\0${pattern.entry.value}`
}

function withDangling(index: ProjectIndex, files: TreeFiles, pick: (patterns: readonly FilePattern[]) => FilePattern[]): ProjectIndex {
  const current = index.maintainers
  const parsed = current.parsed
  if (!parsed) return index
  let dangling: FilePattern[] | undefined
  // Built by hand: spreading `current` would run its (whole-file) `dangling` getter.
  const maintainers: ProjectIndex['maintainers'] = {
    parsed,
    submodules: current.submodules,
    get dangling() {
      return (dangling ??= new MaintainersCoverage({...parsed, patterns: pick(parsed.patterns)}, files.list(), current.submodules).dangling())
    },
    sectionsFor: current.sectionsFor,
    isCatchAll: current.isCatchAll,
    onlyCatchAll: current.onlyCatchAll,
  }
  return {...index, maintainers}
}
