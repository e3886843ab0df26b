// Turn the text of one patch (a commit message, `---`, a diffstat, the diff)
// into a `Patch`: the commit message is what precedes git's `---` line, the
// diff starts at its first file header, and diff problems get the patch's name.

import {parseDiff} from './diff.ts'
import type {InputError, MailHeaders, Patch, PatchProblem, SubjectInfo} from './types.ts'

/** Index of the line where the diff starts, or -1. */
export function diffStartLine(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (l.startsWith('diff --git ')) return i
    if (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ') && (lines[i + 2] ?? '').startsWith('@@')) return i
    if (l.startsWith('Index: ') && (lines[i + 1] ?? '').startsWith('====')) return i + 2
    if (l.startsWith('Binary files ') && l.endsWith(' differ')) return i
  }
  return -1
}

export interface BodyParts {
  message: string
  diffText: string
  /** 0-based line of the body where the diff starts, -1 when there is none. */
  diffStart: number
}

export function splitBody(body: string): BodyParts {
  const lines = body.split('\n')
  const start = diffStartLine(lines)
  const end = start < 0 ? lines.length : start
  // git format-patch ends the message with a line holding only `---`.
  let cut = lines.slice(0, end).findIndex((l) => l === '---' || l === '---\r')
  if (cut < 0) cut = end
  const message = lines.slice(0, cut).join('\n').replace(/\s+$/, '')
  return {message, diffText: start < 0 ? '' : lines.slice(start).join('\n'), diffStart: start}
}

export interface PatchSource {
  subject: SubjectInfo
  mail?: MailHeaders
  message: string
  diffText: string
  diffLine: number
}

/** Parse the diff of one patch; problems come back labelled with the patch. */
export function buildPatch(src: PatchSource, name: string): {ok: true; patch: Patch; problems: PatchProblem[]} | InputError {
  const problems: PatchProblem[] = []
  const parsed = parseDiff(src.diffText)
  const label = src.subject.title || name
  if (!parsed.ok) {
    const where = src.diffLine > 0 ? `${name}:${src.diffLine + parsed.line - 1}` : `${name} (patch "${label}")`
    return {ok: false, error: `${where}: ${parsed.error}`}
  }
  for (const p of parsed.problems) {
    const line = p.line !== undefined && src.diffLine > 0 ? p.line + src.diffLine - 1 : p.line
    problems.push({...p, patchTitle: label, ...(line === undefined ? {} : {line})})
  }
  const patch: Patch = {
    index: 0,
    subject: src.subject,
    ...(src.mail ? {mail: src.mail} : {}),
    message: src.message,
    diffText: src.diffText,
    diffLine: src.diffLine,
    files: parsed.files,
  }
  return {ok: true, patch, problems}
}
