// What every output format receives: the linted files (with or without
// findings), the rule registry for metadata, and presentation settings. A
// format is a function from this to the text written on stdout.

import type {VFileMessage} from 'vfile-message'
import type {Source} from '../rst/source.ts'
import type {Rule} from '../lint/types.ts'

export interface FileReport {
  /** Relative to the tree root, with `/`. */
  path: string
  /** The text the positions refer to (after fixing, when fixes were applied). */
  text: string
  source: Source
  messages: VFileMessage[]
}

export interface ReportContext {
  files: FileReport[]
  rules: readonly Rule<never>[]
  /** ANSI colours (stylish only). */
  color: boolean
  version: string
}

export type Formatter = (context: ReportContext) => string

/** Messages in report order: by line, column, then rule id. */
export function sortedMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.ruleId ?? '').localeCompare(b.ruleId ?? '') ||
      a.reason.localeCompare(b.reason),
  )
}

/** The end point of a message (its start when it has no extent). */
export function endOf(message: VFileMessage): {line: number; column: number} {
  const place = message.place
  if (place && 'end' in place) return {line: place.end.line, column: place.end.column}
  return {line: message.line ?? 1, column: message.column ?? 1}
}
