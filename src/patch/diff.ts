// Parse unified diffs as git and GNU diff write them: `diff --git` headers
// with their extended lines (modes, renames, copies, index, binary), `---`/`+++`
// pairs, and hunks whose line counts are checked so a cut-off patch is said to
// be one instead of being half-applied silently.

import type {FilePatch, Hunk, HunkLine, PatchProblem} from './types.ts'
import {splitGitHeader, stripTimestamp, treePath} from './paths.ts'

export type DiffResult =
  | {ok: true; files: FilePatch[]; problems: PatchProblem[]}
  | {ok: false; error: string; /** 1-based line of the offending file diff. */ line: number}

/** Matches `@@ -a,b +c,d @@ section`; every part is a plain digit run, so no backtracking. */
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/

/** Does the text hold at least one file diff? (Cheap test used to recognise inputs.) */
export function looksLikeDiff(text: string): boolean {
  return /^(diff --git |--- \S.*\n\+\+\+ \S|Binary files .* differ$)/m.test(text)
}

/** Split into lines; when every line ends in CR (a CRLF-saved patch), drop the CRs. */
export function splitPatchLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  if (lines.length > 0 && lines.every((l) => l.endsWith('\r'))) return lines.map((l) => l.slice(0, -1))
  return lines
}

interface Pending {
  file: FilePatch
  /** Raw names from the `diff --git` line, used when no `---`/`+++` or rename lines follow. */
  headerNames?: [string, string]
  minus?: string
  plus?: string
  renameFrom?: string
  renameTo?: string
}

export function parseDiff(text: string): DiffResult {
  const lines = splitPatchLines(text)
  const files: FilePatch[] = []
  const problems: PatchProblem[] = []
  let current: Pending | undefined
  let i = 0

  let errorLine = 0
  const finish = (): string | undefined => {
    if (!current) return undefined
    const error = resolvePaths(current)
    errorLine = current.file.patchLine
    if (error) return error
    files.push(current.file)
    current = undefined
    return undefined
  }

  while (i < lines.length) {
    const line = lines[i]!
    if (line.startsWith('diff --git ')) {
      const error = finish()
      if (error) return {ok: false, error, line: errorLine}
      current = {file: newFile(true, i + 1), headerNames: splitGitHeader(line.slice(11))}
      i = readGitHeader(lines, i + 1, current)
      continue
    }
    if (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ') && (lines[i + 2] ?? '').startsWith('@@')) {
      const error = finish()
      if (error) return {ok: false, error, line: errorLine}
      current = {file: newFile(false, i + 1), minus: line.slice(4), plus: lines[i + 1]!.slice(4)}
      i += 2
      continue
    }
    if (line.startsWith('Binary files ') && line.endsWith(' differ') && !current?.file.git) {
      const error = finish()
      if (error) return {ok: false, error, line: errorLine}
      const names = line.slice(13, -7).split(' and ')
      current = {file: newFile(false, i + 1), minus: names[0], plus: names[1]}
      current.file.binary = true
      i++
      continue
    }
    if (line.startsWith('@@ ') && current && !current.file.binary) {
      const parsed = readHunk(lines, i)
      if (!parsed) {
        problems.push({kind: 'bad-hunk', severity: 'error', message: `malformed hunk header \`${line}\``, line: i + 1})
        i++
        continue
      }
      current.file.hunks.push(parsed.hunk)
      if (parsed.problem) problems.push({...parsed.problem, file: displayName(current)})
      i = parsed.next
      continue
    }
    // Prose, diffstat, a mail signature: not part of any file diff.
    i++
  }
  const error = finish()
  if (error) return {ok: false, error, line: errorLine}
  for (const f of files)
    if (f.binary)
      problems.push({
        kind: 'binary-patch',
        severity: 'info',
        message: `binary change to \`${f.newPath ?? f.oldPath}\` is recorded but not applied`,
        file: f.newPath ?? f.oldPath ?? undefined,
        line: f.patchLine,
      })
  return {ok: true, files, problems}
}

function newFile(git: boolean, patchLine: number): FilePatch {
  return {oldPath: null, newPath: null, status: 'modified', binary: false, git, hunks: [], patchLine}
}

function displayName(p: Pending): string {
  return stripTimestamp(p.plus ?? p.minus ?? p.headerNames?.[1] ?? '?')
}

/** Read git's extended header lines; returns the index of the first line after them. */
function readGitHeader(lines: string[], i: number, p: Pending): number {
  const f = p.file
  while (i < lines.length) {
    const line = lines[i]!
    if (line.startsWith('@@ ') || line.startsWith('diff --git ')) return i
    if (line.startsWith('--- ')) p.minus = line.slice(4)
    else if (line.startsWith('+++ ')) p.plus = line.slice(4)
    else if (line.startsWith('old mode ')) f.oldMode = line.slice(9).trim()
    else if (line.startsWith('new mode ')) f.newMode = line.slice(9).trim()
    else if (line.startsWith('new file mode ')) {
      f.status = 'added'
      f.newMode = line.slice(14).trim()
    } else if (line.startsWith('deleted file mode ')) {
      f.status = 'deleted'
      f.oldMode = line.slice(18).trim()
    } else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      f.status = line.startsWith('rename') ? 'renamed' : 'copied'
      p.renameFrom = line.slice(line.indexOf(' from ') + 6)
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) p.renameTo = line.slice(line.indexOf(' to ') + 4)
    else if (line.startsWith('similarity index ') || line.startsWith('dissimilarity index ')) {
      const n = Number.parseInt(line.slice(line.indexOf('index ') + 6), 10)
      if (Number.isFinite(n) && line.startsWith('similarity')) f.similarity = n
    } else if (line.startsWith('index ')) {
      // `index abc..def 100644`: the mode, when given, is the unchanged mode.
      const mode = line.split(' ')[2]
      if (mode && !f.oldMode && !f.newMode) f.oldMode = f.newMode = mode
    } else if (line.startsWith('Binary files ') && line.endsWith(' differ')) f.binary = true
    else if (line === 'GIT binary patch') {
      f.binary = true
      // The base85 blocks run until the next file; nothing in them is a header.
      i++
      while (i < lines.length && !lines[i]!.startsWith('diff --git ')) i++
      return i
    } else return i
    i++
  }
  return i
}

/** Fill `oldPath`/`newPath` from whichever header lines the file had. */
function resolvePaths(p: Pending): string | undefined {
  const f = p.file
  const names = (raw: string | undefined, strip: boolean): string | null | {error: string} => {
    if (raw === undefined) return null
    const name = stripTimestamp(raw)
    if (name === '/dev/null') return null
    const r = treePath(name, strip)
    return r.ok ? r.path : {error: r.error}
  }
  // git writes a one-letter prefix (`a/`, `b/`, or `i/`, `w/`… with
  // diff.mnemonicPrefix) unless --no-prefix; GNU diff trees want -p1 too.
  const gitStrip = (raw: string | undefined) => {
    const n = raw === undefined ? '' : stripTimestamp(raw).replace(/^"/, '')
    return f.git ? /^[a-z0-9]\//.test(n) : true
  }
  let oldName = names(p.minus ?? p.headerNames?.[0], gitStrip(p.minus ?? p.headerNames?.[0]))
  let newName = names(p.plus ?? p.headerNames?.[1], gitStrip(p.plus ?? p.headerNames?.[1]))
  if (p.renameFrom !== undefined) oldName = names(p.renameFrom, false)
  if (p.renameTo !== undefined) newName = names(p.renameTo, false)
  for (const n of [oldName, newName]) if (n !== null && typeof n === 'object') return n.error
  f.oldPath = oldName as string | null
  f.newPath = newName as string | null
  if (f.git) {
    // A `---`/`+++` pair naming /dev/null implies the status even without mode lines.
    if (f.status === 'modified' && p.minus !== undefined && f.oldPath === null) f.status = 'added'
    if (f.status === 'modified' && p.plus !== undefined && f.newPath === null) f.status = 'deleted'
    if (f.status === 'added') f.oldPath = null
    if (f.status === 'deleted') f.newPath = null
  } else {
    const only = f.hunks.length === 1 ? f.hunks[0] : undefined
    // `diff -N` writes a real name with an empty range instead of /dev/null.
    if (f.oldPath === null || (only && only.oldStart === 0 && only.oldCount === 0)) f.status = 'added'
    else if (f.newPath === null || (only && only.newStart === 0 && only.newCount === 0)) f.status = 'deleted'
    if (f.status === 'added') {
      f.newPath ??= f.oldPath
      f.oldPath = null
    } else if (f.status === 'deleted') {
      f.oldPath ??= f.newPath
      f.newPath = null
    } else f.oldPath = f.newPath // GNU diff names the sides differently (x.orig, x): one file.
  }
  if (f.oldPath === null && f.newPath === null) return 'a file diff names no file (both sides /dev/null)'
  return undefined
}

interface HunkRead {
  hunk: Hunk
  next: number
  problem?: PatchProblem
}

function readHunk(lines: string[], start: number): HunkRead | undefined {
  const header = lines[start]!
  const m = HUNK_HEADER.exec(header)
  if (!m) return undefined
  const hunk: Hunk = {
    oldStart: Number(m[1]),
    oldCount: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newCount: m[4] === undefined ? 1 : Number(m[4]),
    section: (m[5] ?? '').trim(),
    header,
    patchLine: start + 1,
    lines: [],
  }
  let oldLeft = hunk.oldCount
  let newLeft = hunk.newCount
  let i = start + 1
  let why: string | undefined
  while (oldLeft > 0 || newLeft > 0) {
    const text = lines[i]
    if (text === undefined) {
      why = 'the patch ends'
      break
    }
    const c = text[0]
    let kind: HunkLine['kind']
    if (c === ' ' || text === '') kind = ' ' // mailers drop the space of an empty context line
    else if (c === '-' || c === '+') kind = c
    else if (c === '\\') {
      const last = hunk.lines[hunk.lines.length - 1]
      if (last) last.noNewline = true
      i++
      continue
    } else {
      why = `line ${i + 1} is not part of a hunk`
      break
    }
    if ((kind !== '+' && oldLeft === 0) || (kind !== '-' && newLeft === 0)) {
      why = `line ${i + 1} exceeds the hunk's line counts`
      break
    }
    if (kind !== '+') oldLeft--
    if (kind !== '-') newLeft--
    hunk.lines.push({kind, text: text.slice(1), patchLine: i + 1})
    i++
  }
  if (lines[i]?.startsWith('\\')) {
    const last = hunk.lines[hunk.lines.length - 1]
    if (last) last.noNewline = true
    i++
  }
  if (why === undefined) return {hunk, next: i}
  hunk.truncated = true
  const got = hunk.oldCount - oldLeft + (hunk.newCount - newLeft)
  return {
    hunk,
    next: i,
    problem: {
      kind: 'truncated-diff',
      severity: 'error',
      message: `truncated diff: hunk \`${header}\` stops early (${why}; ${hunk.oldCount - oldLeft} of ${hunk.oldCount} old and ${hunk.newCount - newLeft} of ${hunk.newCount} new lines, ${got} in all)`,
      hunk: header,
      line: start + 1,
    },
  }
}
