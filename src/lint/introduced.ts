// Patch mode's core: lint the tree before and after a series with the same
// rules, each side with its own project index, on the files that matter (the
// touched files and the documents whose cross-file findings may change), and
// keep only what the series introduces. Findings are matched across sides by
// a fingerprint that survives line shifts — rule, message id, path, the text
// of the flagged line and span — compared as multisets, so a finding that
// merely moved is not new, and one more of the same kind is.

import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {AppliedSeries, ChangedFile} from '../patch/apply.ts'
import type {PatchProblem} from '../patch/types.ts'
import type {FileReport} from '../report/types.ts'
import {fromRst, sourceOf} from '../rst/index.ts'
import {Source} from '../rst/source.ts'
import type {Root} from '../rst/types.ts'
import {coversFile} from '../tree/coverage.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {FilePattern} from '../tree/maintainers.ts'
import {buildProjectIndex, type ProjectIndex} from '../tree/project.ts'
import {Linter, type Prepared} from './engine.ts'
import {SOURCE} from './meta.ts'
import {timed} from './timing.ts'
import {docsPaths, selectDocs, skeleton, type ParseMode} from './parse-scope.ts'
import {narrowDangling} from './narrow-dangling.ts'
import {isLintable, languageOf, loadMarkdown} from './parsers.ts'
import type {RuleSetting} from './plugin.ts'
import type {Rule} from './types.ts'

export interface IntroducedOptions {
  /** The tree before the series (never written). */
  base: TreeFiles
  applied: AppliedSeries
  rules: readonly Rule<never>[]
  /** The enabled rules, the same for both sides. */
  settings: ReadonlyMap<string, RuleSetting>
  /** Sphinx inventories whose entries count as targets. */
  inventories?: string[]
  docsDir?: string
  /** Parse every docs file for the index (slow; the reference the scoped index is tested against). */
  fullIndex?: boolean
}

export interface Finding {
  path: string
  message: VFileMessage
  /** 0-based index of the patch that introduced it, when known. */
  patch?: number
  /** The text of the flagged line (what a review e-mail quotes). */
  lineText: string
  /** Whether the flagged line is one the series adds or changes. */
  added: boolean
}

export interface IntroducedResult {
  /** One report per file that has findings, with its text after the series; messages are the introduced ones. */
  files: FileReport[]
  findings: Finding[]
  /** Paths linted on both sides (after-side names). */
  checked: string[]
}

const BLOCKING = new Set(['truncated-diff', 'bad-hunk'])

/** Problems of the input that make linting it pointless (exit 2). */
export function blockingProblems(problems: readonly PatchProblem[]): PatchProblem[] {
  return problems.filter((problem) => BLOCKING.has(problem.kind) && problem.severity === 'error')
}

export async function lintIntroduced(options: IntroducedOptions): Promise<IntroducedResult> {
  const {base, applied, rules, settings} = options
  const after = applied.files
  const docsDir = options.docsDir ?? 'docs'
  const projectOptions = {docsDir, ...(options.inventories ? {inventories: options.inventories} : {})}

  // 1. The files that matter first: after-side path → before-side path (undefined: new).
  const candidates = new Map<string, string | undefined>()
  const renamedFrom = new Map<string, string>()
  for (const change of applied.changed.values()) {
    if (change.oldPath !== undefined && change.status === 'renamed') renamedFrom.set(change.path, change.oldPath)
  }
  const beforePathOf = (path: string): string | undefined => {
    const old = renamedFrom.get(path) ?? path
    return base.read(old) === undefined ? undefined : old
  }
  const add = (path: string | undefined) => {
    if (path === undefined || candidates.has(path) || !isChecked(path) || after.read(path) === undefined) return
    candidates.set(path, beforePathOf(path))
  }
  for (const change of applied.changed.values()) if (!change.binary && change.status !== 'deleted') add(change.path)

  // 2. Parse the documents the index needs (see parse-scope.ts), each once:
  //    the after side re-parses only what the series changed.
  const changedTexts = new Set(after.changedPaths())
  const isDoc = (path: string) => isLintable(path) && languageOf(path) === 'rst'
  const docs = [...new Set([...docsPaths(base, docsDir, isDoc), ...docsPaths(after, docsDir, isDoc)])]
  const gone = [...applied.changed.values()].filter((change) => change.status === 'deleted' || change.status === 'renamed').map((change) => change.oldPath ?? change.path)
  const linted = [...candidates].flatMap(([path, old]) => (old === undefined || old === path ? [path] : [path, old]))
  const scope = options.fullIndex
    ? new Map<string, ParseMode>(docs.map((path) => [path, 'whole']))
    : timed('patch: parse scope', () => selectDocs({docs, read: (path) => after.read(path) ?? base.read(path), linted, gone, list: after.list()}))
  const beforeTrees = timed('patch: parse docs', () => parseDocs(base, scope, () => undefined))
  const afterTrees = timed('patch: parse changed docs', () => parseDocs(after, scope, (path) => (changedTexts.has(path) ? undefined : beforeTrees.get(path))))
  // Only whole trees are linted; skeletons serve the index alone.
  const wholeBefore = wholeTrees(beforeTrees, scope)
  const wholeAfter = wholeTrees(afterTrees, scope)
  const narrowed = narrowDangling(
    timed('patch: index before', () => buildProjectIndex(base, beforeTrees, projectOptions)),
    timed('patch: index after', () => buildProjectIndex(after, afterTrees, projectOptions)),
    base,
    after,
    applied,
  )
  const beforeIndex = narrowed.before
  const afterIndex = narrowed.after
  for (const path of timed('patch: cross-file candidates', () => crossFileCandidates(beforeIndex, afterIndex, applied, after, docsDir))) add(path)

  // 3. Lint both sides with the same rules.
  const projectRules = new Set(rules.filter((rule) => rule.meta.scope === 'project').map((rule) => rule.meta.id))
  const linter = new Linter({rules, settings})
  if ([...candidates.keys()].some((path) => languageOf(path) === 'markdown')) await loadMarkdown()
  const paths = [...candidates.keys()].sort()
  const afterResults = new Map<string, {text: string; source: Source; messages: VFileMessage[]}>()
  linter.project = afterIndex
  for (const path of paths) afterResults.set(path, check(linter, path, after.read(path)!, wholeAfter))
  const beforeKeys = new Map<string, number>()
  linter.project = beforeIndex
  for (const path of paths) {
    const old = candidates.get(path)
    if (old === undefined) continue
    const text = base.read(old)!
    const result = check(linter, old, text, wholeBefore)
    // Keyed by the after-side name, so a renamed file's old findings still match.
    for (const message of result.messages) bump(beforeKeys, fingerprint(path, message, result.source, projectRules))
  }

  // 4. Keep what is new: each before finding cancels one after finding with the
  //    same fingerprint, preferring those on lines the series did not touch.
  const findings: Finding[] = []
  const reports = new Map<string, FileReport>()
  for (const path of paths) {
    const {text, source, messages} = afterResults.get(path)!
    const change = applied.changed.get(path)
    const touched = (message: VFileMessage) => addedLineOf(message, change) !== undefined
    const ordered = [...messages].sort((a, b) => Number(touched(a)) - Number(touched(b)))
    const kept: VFileMessage[] = []
    for (const message of ordered) {
      const key = fingerprint(path, message, source, projectRules)
      const left = beforeKeys.get(key) ?? 0
      if (left > 0) beforeKeys.set(key, left - 1)
      else kept.push(message)
    }
    for (const message of kept) {
      const line = addedLineOf(message, change)
      const patch = line === undefined ? fallbackPatch(path, applied) : change!.lineOrigin.get(line)
      findings.push({path, message, ...(patch === undefined ? {} : {patch}), lineText: lineText(source, message.line ?? 1), added: line !== undefined})
    }
    if (kept.length > 0) reports.set(path, {path, text, source, messages: kept})
  }

  // 5. Hunks that did not apply: their added lines, linted in the context they carry.
  const fileRulesOnly = new Linter({rules, settings})
  for (const change of applied.changed.values()) {
    if (change.rejected.length === 0 || !isChecked(change.path) || languageOf(change.path) !== 'rst') continue
    for (const hunk of change.rejected) {
      const result = fileRulesOnly.lint(change.path, hunk.text)
      const hunkSource = result.linted.source
      for (const message of result.file.messages) {
        const line = message.line ?? 1
        if (!hunk.added.includes(line) || message.ruleId === 'final-newline' || message.ruleId === 'unused-suppression') continue
        const moved = shifted(change.path, message, hunk.newStart - 1)
        findings.push({path: change.path, message: moved, patch: hunk.patch, lineText: lineText(hunkSource, line), added: true})
        reportFor(reports, change.path, after).messages.push(moved)
      }
    }
  }

  // 6. `patch-apply` problems are errors of the file (and hunk) they concern.
  for (const problem of applied.problems) {
    if (problem.kind !== 'patch-apply') continue
    const path = problem.file ?? '(patch)'
    const line = problem.hunk ? newStartOf(problem.hunk) : 1
    const file = new VFile({path})
    const message = file.message(problem.message, {place: {line, column: 1}, ruleId: 'patch-apply', source: SOURCE})
    message.fatal = true
    message.messageId = 'patch-apply'
    findings.push({path, message, ...(problem.patch === undefined ? {} : {patch: problem.patch}), lineText: '', added: false})
    reportFor(reports, path, after).messages.push(message)
  }

  const files = [...reports.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return {files, findings, checked: paths}
}

/** Files patch mode lints: rST, Markdown and MAINTAINERS. */
function isChecked(path: string): boolean {
  return isLintable(path) || languageOf(path) === 'maintainers'
}

/** Parse the selected files that exist on this side (whole or as a skeleton), reusing trees `reuse` gives. */
function parseDocs(files: TreeFiles, scope: ReadonlyMap<string, ParseMode>, reuse: (path: string) => Root | undefined): Map<string, Root> {
  const trees = new Map<string, Root>()
  for (const [path, mode] of scope) {
    if (languageOf(path) !== 'rst') continue
    const reused = reuse(path)
    if (reused) {
      trees.set(path, reused)
      continue
    }
    const text = files.read(path)
    if (text !== undefined) trees.set(path, fromRst(mode === 'whole' ? text : skeleton(text, mode === 'skeleton')))
  }
  return trees
}

function wholeTrees(trees: ReadonlyMap<string, Root>, scope: ReadonlyMap<string, ParseMode>): Map<string, Root> {
  return new Map([...trees].filter(([path]) => scope.get(path) === 'whole'))
}

/** Run the linter on one file, reusing a parsed tree when there is one. */
function check(linter: Linter, path: string, text: string, trees: ReadonlyMap<string, Root>): {text: string; source: Source; messages: VFileMessage[]} {
  const tree = trees.get(path)
  let prepared: Prepared
  if (tree) {
    const linted = {path, text, source: sourceOf(tree) ?? new Source(text), language: 'rst' as const, rst: tree}
    prepared = {file: new VFile({path, value: text}), linted, tree: tree as never}
  } else prepared = linter.parse(path, text)
  const result = linter.check(prepared)
  return {text, source: result.linted.source, messages: result.file.messages}
}

/**
 * Documents whose cross-file findings may differ after the series: new
 * orphans, holders of new toctree or include problems, users of targets that
 * disappeared, docs files whose MAINTAINERS patterns changed, and MAINTAINERS
 * itself when files were deleted or renamed (patterns left dangling).
 */
function crossFileCandidates(before: ProjectIndex, after: ProjectIndex, applied: AppliedSeries, files: TreeFiles, docsDir: string): Set<string> {
  const out = new Set<string>()
  const oldOrphans = new Set(before.toctree.orphans)
  for (const doc of after.toctree.orphans) if (!oldOrphans.has(doc)) out.add(after.documents.get(doc) ?? '')

  const problemKey = (kind: string, path: string, raw: string) => `${kind}\0${path}\0${raw}`
  const oldProblems = new Set(before.toctree.problems.map((p) => problemKey(p.kind, p.toctree.path, p.entry.raw)))
  for (const p of after.toctree.problems) if (!oldProblems.has(problemKey(p.kind, p.toctree.path, p.entry.raw))) out.add(p.toctree.path)

  const oldMissing = new Set(before.sources.filter((use) => !use.exists).map((use) => `${use.path}\0${use.argument}`))
  for (const use of after.sources) if (!use.exists && !oldMissing.has(`${use.path}\0${use.argument}`)) out.add(use.path)

  // Targets that disappeared: any document mentioning one may now hold a broken reference.
  const removed: string[] = []
  for (const name of before.targets.labels.keys()) if (!after.targets.labels.has(name)) removed.push(name)
  for (const name of before.targets.options.keys()) if (!after.targets.options.has(name)) removed.push(name)
  for (const doc of before.documents.keys()) if (!after.documents.has(doc)) removed.push(doc.slice(doc.lastIndexOf('/') + 1))
  const needles = removed.map((name) => name.toLowerCase()).filter((name) => name.length >= 2)
  if (needles.length > 0) {
    for (const path of after.documents.values()) {
      const text = files.read(path)?.toLowerCase()
      if (text && needles.some((needle) => text.includes(needle))) out.add(path)
    }
  }

  const changedPatterns = maintainersChanges(before, after)
  if (changedPatterns.length > 0) {
    const prefix = `${docsDir}/`
    for (const path of files.list()) {
      if (path.startsWith(prefix) && changedPatterns.some((pattern) => coversFile(pattern, path))) out.add(path)
    }
  }
  const movedAway = [...applied.changed.values()].some((change) => change.status === 'deleted' || change.status === 'renamed')
  if (movedAway || changedPatterns.length > 0) out.add('MAINTAINERS')
  out.delete('')
  return out
}

/** `F:`/`X:` patterns present on one side only (section name, tag and value). */
function maintainersChanges(before: ProjectIndex, after: ProjectIndex): FilePattern[] {
  const oldPatterns = before.maintainers.parsed?.patterns ?? []
  const newPatterns = after.maintainers.parsed?.patterns ?? []
  if (oldPatterns === newPatterns) return []
  const key = (pattern: FilePattern) => `${pattern.section.name}\0${pattern.entry.tag}\0${pattern.entry.value}`
  const oldKeys = oldPatterns.map(key)
  const counts = new Map<string, number>()
  for (const k of oldKeys) bump(counts, k)
  const out: FilePattern[] = []
  for (const pattern of newPatterns) {
    const k = key(pattern)
    const left = counts.get(k) ?? 0
    if (left > 0) counts.set(k, left - 1)
    else out.push(pattern)
  }
  oldPatterns.forEach((pattern, index) => {
    const k = oldKeys[index]!
    const left = counts.get(k) ?? 0
    if (left > 0) {
      counts.set(k, left - 1)
      out.push(pattern)
    }
  })
  return out
}

/**
 * What identifies a finding whatever line it moved to. Project findings are
 * often document-wide (placed on the first line, whatever it says), so they
 * are identified by their text instead, with numbers blanked out.
 */
export function fingerprint(path: string, message: VFileMessage, source: Source, projectRules: ReadonlySet<string>): string {
  if (projectRules.has(message.ruleId ?? '')) return [message.ruleId, message.messageId ?? '', path, message.reason.replace(/[0-9]+/g, '#')].join('\0')
  const line = message.line ?? 1
  const text = lineText(source, line)
  const column = (message.column ?? 1) - 1
  const end = message.place && 'end' in message.place && message.place.end.line === line ? message.place.end.column - 1 : text.length
  return [message.ruleId ?? '', message.messageId ?? '', path, text, text.slice(column, Math.max(column, end))].join('\0')
}

function lineText(source: Source, line: number): string {
  const start = source.lineStarts[line - 1]
  const end = source.lineEnds[line - 1]
  return start === undefined || end === undefined ? '' : source.text.slice(start, end)
}

/** The first line of the message's span that the series added, if any. */
function addedLineOf(message: VFileMessage, change: ChangedFile | undefined): number | undefined {
  if (!change) return undefined
  const start = message.line ?? 1
  const end = message.place && 'end' in message.place ? Math.max(start, message.place.end.line) : start
  for (let line = start; line <= end; line++) if (change.addedLines.has(line)) return line
  return undefined
}

/** A finding on no added line: the last patch touching its file, or the only patch. */
function fallbackPatch(path: string, applied: AppliedSeries): number | undefined {
  for (let index = applied.patches.length - 1; index >= 0; index--) {
    if (applied.patches[index]!.files.includes(path)) return applied.patches[index]!.index
  }
  return applied.patches.length === 1 ? applied.patches[0]!.index : undefined
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

/** `@@ -a,b +c,d @@` → c (the hunk's place in the new file). */
function newStartOf(header: string): number {
  const plus = header.indexOf('+')
  const value = plus < 0 ? NaN : Number.parseInt(header.slice(plus + 1), 10)
  return Number.isFinite(value) && value > 0 ? value : 1
}

/** A copy of a message moved down `by` lines (a rejected hunk's lines in the file); fixes are dropped. */
function shifted(path: string, message: VFileMessage, by: number): VFileMessage {
  const place = message.place && 'start' in message.place ? message.place : {start: {line: message.line ?? 1, column: message.column ?? 1}, end: {line: message.line ?? 1, column: message.column ?? 1}}
  const moved = new VFile({path}).message(message.reason, {
    place: {start: {line: place.start.line + by, column: place.start.column}, end: {line: place.end.line + by, column: place.end.column}},
    ruleId: message.ruleId ?? 'unknown',
    source: SOURCE,
  })
  moved.fatal = message.fatal
  if (message.messageId !== undefined) moved.messageId = message.messageId
  if (message.url !== undefined) moved.url = message.url
  return moved
}

function reportFor(reports: Map<string, FileReport>, path: string, files: TreeFiles): FileReport {
  let report = reports.get(path)
  if (!report) {
    const text = files.read(path) ?? ''
    report = {path, text, source: new Source(text), messages: []}
    reports.set(path, report)
  }
  return report
}
