// Apply a series to a tree in memory: each patch in turn, each file's hunks
// placed like GNU `patch --fuzz=3`, into an overlay over the untouched base.
// Every line remembers which patch wrote it last, so patch mode lints exactly
// what the series introduces and names the patch that introduced it.

import type {TreeFiles} from '../tree/files.ts'
import {closestPlace, locateHunk, type LocateState, type Pattern} from './locate.ts'
import {OverlayFiles} from './overlay.ts'
import type {FilePatch, FileStatus, Hunk, Patch, PatchInput, PatchProblem} from './types.ts'

/** How one hunk went. */
export interface HunkResult {
  patch: number
  header: string
  applied: boolean
  /** 1-based line of the old side in the file as it was before this patch (GNU's "at line"). */
  at?: number
  /** Lines away from where the header said. */
  offset?: number
  /** Context lines ignored at each end (0 = exact). */
  fuzz?: number
  /** Matched only with whitespace ignored (damaged patch). */
  loose?: boolean
  /** Placed with every context line ignored and no removed line to check: nothing confirmed the place. */
  blind?: boolean
}

/** A hunk that didn't apply: its new side, so its added lines can still be linted in the context it carries. */
export interface RejectedHunk {
  patch: number
  header: string
  /** The hunk's new side (context and added lines), each line ending in `\n`. */
  text: string
  /** 1-based lines of `text` that the hunk adds. */
  added: number[]
  /** Where the hunk meant its new side to start in the file. */
  newStart: number
}

export interface ChangedFile {
  path: string
  /** Previous path of a renamed or copied file. */
  oldPath?: string
  status: FileStatus
  binary: boolean
  oldMode?: string
  newMode?: string
  /** 1-based lines of the new text added or changed by the series → 0-based index of the patch that wrote them last. */
  lineOrigin: ReadonlyMap<number, number>
  /** The keys of `lineOrigin`. */
  addedLines: ReadonlySet<number>
  hunks: HunkResult[]
  rejected: RejectedHunk[]
}

export interface PatchMeta {
  index: number
  title: string
  patch: Patch
  /** Paths (new names) this patch touches. */
  files: string[]
  /** Every hunk of this patch applied. */
  applied: boolean
}

export interface AppliedSeries {
  files: OverlayFiles
  /** Files the series adds, changes, renames or deletes, by their final path (deleted: by old path). */
  changed: ReadonlyMap<string, ChangedFile>
  problems: PatchProblem[]
  patches: PatchMeta[]
}

interface Line {
  text: string
  eol: string
  /** Patch that wrote the line last; null when it comes from the base. */
  origin: number | null
}

interface Work {
  path: string
  oldPath?: string
  status: FileStatus
  binary: boolean
  oldMode?: string
  newMode?: string
  hunks: HunkResult[]
  rejected: RejectedHunk[]
}

function toLines(text: string): Line[] {
  const out: Line[] = []
  let start = 0
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    if (nl < 0) {
      out.push({text: text.slice(start), eol: '', origin: null})
      break
    }
    const cr = nl > start && text[nl - 1] === '\r'
    out.push({text: text.slice(start, cr ? nl - 1 : nl), eol: cr ? '\r\n' : '\n', origin: null})
    start = nl + 1
  }
  return out
}

function fromLines(lines: readonly Line[]): string {
  let s = ''
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    // A line that lost its final newline and is no longer last gets one back.
    s += l.text + (l.eol === '' && i < lines.length - 1 ? '\n' : l.eol)
  }
  return s
}

function patchLine(text: string, noNewline: boolean | undefined, crlf: boolean, origin: number): Line {
  const hasCr = text.endsWith('\r')
  const body = hasCr ? text.slice(0, -1) : text
  return {text: body, eol: noNewline ? '' : hasCr || crlf ? '\r\n' : '\n', origin}
}

export function applySeries(base: TreeFiles, input: PatchInput): AppliedSeries {
  const overlay = new OverlayFiles(base)
  const state = new Map<string, Line[] | null>() // null: deleted by the series
  const works = new Map<string, Work>()
  const problems: PatchProblem[] = [...input.problems]
  const metas: PatchMeta[] = []

  const current = (path: string): Line[] | undefined => {
    if (state.has(path)) return state.get(path) ?? undefined
    const text = base.read(path)
    return text === undefined ? undefined : toLines(text)
  }

  for (const patch of input.patches) {
    const title = patch.subject.title || input.name
    const meta: PatchMeta = {index: patch.index, title, patch, files: [], applied: true}
    metas.push(meta)
    const problem = (p: Omit<PatchProblem, 'patch' | 'patchTitle'>) => {
      problems.push({...p, patch: patch.index, patchTitle: title})
      if (p.kind === 'patch-apply') meta.applied = false
    }
    for (const fp of patch.files) {
      const path = (fp.newPath ?? fp.oldPath)!
      meta.files.push(path)
      const work = takeWork(works, fp, path)
      if (fp.binary) {
        work.binary = true
        if (fp.status === 'deleted') state.set(path, null)
        continue
      }
      if (fp.status === 'deleted') {
        if (current(path) === undefined)
          problem({kind: 'patch-apply', severity: 'error', file: path, message: `patch deletes \`${path}\`, which doesn't exist in the tree`})
        state.set(path, null)
        continue
      }
      let lines: Line[]
      if (fp.status === 'added') {
        if (current(path) !== undefined)
          problem({
            kind: 'patch-apply',
            severity: 'error',
            file: path,
            message: `patch creates \`${path}\`, which already exists in the tree; its content is replaced by the patch's`,
          })
        lines = []
        for (const h of fp.hunks) for (const l of h.lines) if (l.kind === '+') lines.push(patchLine(l.text, l.noNewline, false, patch.index))
        for (const h of fp.hunks) work.hunks.push({patch: patch.index, header: h.header, applied: true, at: 1, offset: 0, fuzz: 0, loose: false})
        state.set(path, lines)
        continue
      }
      const source = fp.oldPath ?? path
      const before = current(source)
      if (before === undefined) {
        problem({
          kind: 'patch-apply',
          severity: 'error',
          file: path,
          message: `patch changes \`${source}\`, which doesn't exist in the tree: its hunks are linted on their own`,
        })
        for (const h of fp.hunks) {
          work.hunks.push({patch: patch.index, header: h.header, applied: false})
          work.rejected.push(rejectHunk(h, patch.index))
        }
        continue
      }
      const hunksBefore = work.hunks.length
      lines = applyHunks(before, fp, patch.index, work, (h, why) =>
        problem({
          kind: 'patch-apply',
          severity: 'error',
          file: path,
          hunk: h.header,
          ...(patch.diffLine > 0 ? {line: patch.diffLine + h.patchLine - 1} : {}),
          message: `hunk \`${h.header}\` of \`${path}\` doesn't apply: ${why}; its added lines are linted with the context the hunk carries`,
        }),
      )
      for (const r of work.hunks.slice(hunksBefore)) {
        if (r.applied && r.blind)
          problem({
            kind: 'patch-fuzz',
            severity: 'warning',
            file: path,
            hunk: r.header,
            message: `hunk \`${r.header}\` of \`${path}\` was placed at line ${r.at} although none of its context matches there (fuzz ${r.fuzz}): check that its added lines landed in the right place`,
          })
        else if (r.applied && r.fuzz)
          problem({
            kind: 'patch-fuzz',
            severity: 'info',
            file: path,
            hunk: r.header,
            message: `hunk \`${r.header}\` of \`${path}\` applied at line ${r.at} with fuzz ${r.fuzz}${r.offset ? ` (offset ${r.offset} lines)` : ''}`,
          })
        if (r.loose)
          problem({
            kind: 'whitespace-damage',
            severity: 'warning',
            file: path,
            hunk: r.header,
            message: `hunk \`${r.header}\` of \`${path}\` only matches the file with whitespace ignored: the patch's whitespace is probably damaged (by a mailer?) and \`git am\` would reject it`,
          })
      }
      if (fp.status === 'renamed' && source !== path) state.set(source, null)
      state.set(path, lines)
    }
  }

  const changed = new Map<string, ChangedFile>()
  for (const [path, work] of works) {
    const lines = state.get(path)
    const lineOrigin = new Map<number, number>()
    if (lines) {
      lines.forEach((l, i) => {
        if (l.origin !== null) lineOrigin.set(i + 1, l.origin)
      })
    }
    changed.set(path, {
      path,
      ...(work.oldPath !== undefined ? {oldPath: work.oldPath} : {}),
      status: work.status,
      binary: work.binary,
      ...(work.oldMode !== undefined ? {oldMode: work.oldMode} : {}),
      ...(work.newMode !== undefined ? {newMode: work.newMode} : {}),
      lineOrigin,
      addedLines: new Set(lineOrigin.keys()),
      hunks: work.hunks,
      rejected: work.rejected,
    })
  }
  for (const [path, lines] of state) {
    if (lines === null) overlay.delete(path)
    else overlay.set(path, fromLines(lines))
  }
  return {files: overlay, changed, problems, patches: metas}
}

/** The record of a file across the series; a rename carries it to the new name. */
function takeWork(works: Map<string, Work>, fp: FilePatch, path: string): Work {
  const from = fp.oldPath ?? path
  let work = works.get(path)
  if (!work && from !== path && works.has(from) && fp.status === 'renamed') {
    work = works.get(from)!
    works.delete(from)
    work.path = path
  }
  if (!work) {
    work = {path, status: fp.status, binary: false, hunks: [], rejected: []}
    works.set(path, work)
  } else if (fp.status === 'deleted') work.status = 'deleted'
  else if (work.status === 'deleted' && fp.status === 'added') work.status = 'modified'
  if (fp.status === 'renamed' || fp.status === 'copied') {
    work.status = fp.status
    work.oldPath ??= fp.oldPath ?? undefined
  }
  if (fp.oldMode !== undefined && fp.newMode !== undefined && fp.oldMode !== fp.newMode) {
    work.oldMode ??= fp.oldMode
    work.newMode = fp.newMode
  } else if (fp.status === 'added' && fp.newMode) work.newMode = fp.newMode
  return work
}

function patternOf(h: Hunk): Pattern {
  const lines = h.lines.filter((l) => l.kind !== '+').map((l) => l.text)
  let prefix = 0
  while (prefix < h.lines.length && h.lines[prefix]!.kind === ' ') prefix++
  let suffix = 0
  while (suffix < h.lines.length - prefix && h.lines[h.lines.length - 1 - suffix]!.kind === ' ') suffix++
  // GNU: an insertion with no old lines goes *after* the stated line.
  return {lines, prefix, suffix, first: lines.length === 0 ? h.oldStart + 1 : h.oldStart}
}

/** Apply one file diff's hunks to `before`; failed hunks are reported and skipped. */
function applyHunks(
  before: Line[],
  fp: FilePatch,
  patch: number,
  work: Work,
  reject: (h: Hunk, why: string) => void,
): Line[] {
  const input = before.map((l) => l.text)
  // A CRLF file whose patch lost its CRs (mail does that) gets CRLF added lines.
  const crlfFile = before.length > 0 && before.filter((l) => l.eol === '\r\n').length * 2 > before.length
  const loc: LocateState = {offset: 0, frozen: 0}
  const out: Line[] = []
  let copied = 0 // input lines already copied to `out`
  for (const h of fp.hunks) {
    const pat = patternOf(h)
    const found = locateHunk(input, pat, loc)
    if (!found) {
      work.hunks.push({patch, header: h.header, applied: false})
      work.rejected.push(rejectHunk(h, patch))
      reject(h, whyNot(input, h, pat))
      continue
    }
    const {where} = found
    const crlf = crlfFile && !h.lines.some((l) => l.text.endsWith('\r'))
    let pos = where - 1 // 0-based input line the next old-side line stands for
    // Lines up to the hunk, then the hunk, keeping the file's own context text.
    while (copied < Math.min(pos, input.length)) out.push(before[copied++]!)
    for (const l of h.lines) {
      if (l.kind === '+') {
        out.push(patchLine(l.text, l.noNewline, crlf, patch))
        continue
      }
      if (pos < copied || pos >= input.length) {
        pos++ // an ignored (fuzzed) context line already copied, or past the end
        continue
      }
      if (l.kind === ' ') out.push(before[pos]!)
      pos++
      copied = pos
    }
    loc.offset = where - pat.first
    loc.frozen = Math.max(loc.frozen, Math.min(pos, input.length))
    // As locateHunk counts it: the side with less context loses fewer lines to fuzz.
    const context = Math.max(pat.prefix, pat.suffix)
    const ignored = (side: number) => Math.max(0, Math.min(side, found.fuzz + side - context))
    const checked = pat.lines.length - ignored(pat.prefix) - ignored(pat.suffix)
    work.hunks.push({
      patch,
      header: h.header,
      applied: true,
      at: where,
      offset: where - pat.first,
      fuzz: found.fuzz,
      loose: found.loose,
      ...(checked <= 0 && pat.lines.length > 0 ? {blind: true} : {}),
    })
  }
  while (copied < before.length) out.push(before[copied++]!)
  return out
}

function whyNot(input: readonly string[], h: Hunk, pat: Pattern): string {
  const newSide: Pattern = {...pat, lines: h.lines.filter((l) => l.kind !== '-').map((l) => l.text)}
  if (newSide.lines.length > 0 && h.lines.some((l) => l.kind !== ' ')) {
    const again = locateHunk(input, {...newSide, first: h.newStart}, {offset: 0, frozen: 0})
    if (again && again.fuzz === 0) return `it seems already applied (its new lines are at line ${again.where})`
  }
  if (input.length === 0) return 'the file is empty'
  const near = closestPlace(input, pat)
  return `no place in the file matches its ${pat.lines.length} old lines, even ignoring up to 3 context lines at each end and whitespace (best: ${near.matched} of ${pat.lines.length} at line ${near.where})`
}

function rejectHunk(h: Hunk, patch: number): RejectedHunk {
  let text = ''
  const added: number[] = []
  let n = 0
  for (const l of h.lines) {
    if (l.kind === '-') continue
    n++
    text += (l.text.endsWith('\r') ? l.text.slice(0, -1) : l.text) + '\n'
    if (l.kind === '+') added.push(n)
  }
  return {patch, header: h.header, text, added, newStart: h.newStart}
}
