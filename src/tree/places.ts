// Exact spans for project findings: a toctree entry inside its directive's
// raw content (content lines are dedented, so the entry is searched on its
// source line), and the first line of a file for document-wide findings.

import type {Source} from '../rst/source.ts'
import type {Position} from '../rst/types.ts'
import type {ToctreeFact, ToctreeEntry} from './model.ts'

/** The entry's text on its source line; the directive itself when the line cannot be found. */
export function entryPlace(source: Source, toctree: ToctreeFact, entry: ToctreeEntry): Position | {start: number; end: number} {
  const content = toctree.directive.contentPosition
  if (content) {
    const line = content.start.line - 1 + entry.line
    const start = source.lineStarts[line]
    const end = source.lineEnds[line]
    if (start !== undefined && end !== undefined) {
      const column = source.text.slice(start, end).indexOf(entry.raw)
      if (column >= 0) return {start: start + column, end: start + column + entry.raw.length}
    }
  }
  return toctree.directive.position
}

/** The first line of the file (document-wide findings). */
export function firstLinePlace(source: Source): {start: number; end: number} {
  return {start: 0, end: source.lineEnds[0] ?? 0}
}
