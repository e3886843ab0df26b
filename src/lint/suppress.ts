// Inline suppressions: `.. qemu-rst-lint: disable-next-line a, b`,
// `.. qemu-rst-lint: disable a` … `.. qemu-rst-lint: enable a` in rST
// comments (`<!-- qemu-rst-lint: … -->` in Markdown); no ids means every rule.
// Suppressed messages are dropped; a suppression that silenced nothing is
// itself reported as `unused-suppression`.

import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Source} from '../rst/source.ts'
import type {LintedFile, Rule, Severity} from './types.ts'
import {reportMessage} from './plugin.ts'

const MARKER = 'qemu-rst-lint:'
export const UNUSED_SUPPRESSION = 'unused-suppression'
const ALL = '*'

export interface Suppression {
  kind: 'disable-next-line' | 'disable' | 'enable'
  /** Rule ids; empty for every rule. */
  ids: string[]
  /** Where each id is written (parallel to `ids`). */
  idSpans: Array<{start: number; end: number}>
  /** The directive text span (for messages about it). */
  start: number
  end: number
  /** 0-based line the directive ends on. */
  line: number
}

/** Find the suppression directives of a file in its comments (rST) or HTML comments (Markdown). */
export function findSuppressions(file: LintedFile): Suppression[] {
  const found: Suppression[] = []
  const text = file.text
  // Cheap pre-check: most files have none, and then no walk is needed.
  if (!text.includes(MARKER)) return found
  const visit = (node: {type: string; position?: {start: {offset?: number}; end: {offset?: number}}; children?: unknown[]}) => {
    const isComment = file.language === 'rst' ? node.type === 'comment' : node.type === 'html'
    if (isComment && node.position) {
      const parsed = parseDirective(file, node.position.start.offset ?? 0, node.position.end.offset ?? 0)
      if (parsed) found.push(parsed)
    }
    if (node.children) for (const child of node.children) visit(child as typeof node)
  }
  const tree = file.language === 'rst' ? file.rst : file.markdown
  if (tree) visit(tree as never)
  return found
}

function parseDirective(file: LintedFile, start: number, end: number): Suppression | undefined {
  const text = file.text
  // The comment's opening (`..` or `<!--`), whitespace, then the marker.
  const opening = file.language === 'markdown' ? '<!--' : '..'
  if (!text.startsWith(opening, start)) return undefined
  let at = start + opening.length
  while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9 || text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13)) at++
  if (!text.startsWith(MARKER, at)) return undefined
  at += MARKER.length
  let stop = end
  if (file.language === 'markdown') {
    const close = text.lastIndexOf('-->', end)
    if (close >= at) stop = close
  }
  const words = tokens(text, at, stop)
  const command = words.shift()
  if (!command) return undefined
  const kind = command.word
  if (kind !== 'disable-next-line' && kind !== 'disable' && kind !== 'enable') {
    // An unknown command suppresses nothing; the `?` key makes it reported as invalid.
    return {kind: 'disable', ids: [`?${kind}`], idSpans: [command], start, end: lineEnd(file.source, start), line: file.source.lineOfOffset(Math.max(start, end - 1))}
  }
  return {
    kind,
    ids: words.map((word) => word.word),
    idSpans: words.map(({start, end}) => ({start, end})),
    start,
    end: lineEnd(file.source, start),
    line: file.source.lineOfOffset(Math.max(start, end - 1)),
  }
}

/** Words separated by whitespace or commas, with their offsets. */
function tokens(text: string, from: number, to: number): Array<{word: string; start: number; end: number}> {
  const out: Array<{word: string; start: number; end: number}> = []
  let index = from
  while (index < to) {
    const code = text.charCodeAt(index)
    if (code === 44 || code === 32 || code === 9 || code === 10 || code === 13) {
      index++
      continue
    }
    const begin = index
    while (index < to) {
      const c = text.charCodeAt(index)
      if (c === 44 || c === 32 || c === 9 || c === 10 || c === 13) break
      index++
    }
    out.push({word: text.slice(begin, index), start: begin, end: index})
  }
  return out
}

function lineEnd(source: Source, offset: number): number {
  return source.lineEnds[source.lineOfOffset(offset)] ?? offset
}

interface Use {
  suppression: Suppression
  key: string
  used: boolean
}

/**
 * Drop the messages the suppressions cover and report the unused ones.
 * `known` are all rule ids; `enabled` those running, with their severity
 * (a suppression for a rule that is off is not "unused").
 */
export function applySuppressions(
  file: VFile,
  linted: LintedFile,
  suppressions: Suppression[],
  known: ReadonlySet<string>,
  enabled: ReadonlyMap<string, Severity>,
  unusedRule: Rule<never> | undefined,
): void {
  if (suppressions.length === 0) return
  const nextLine = new Map<number, Use[]>()
  const ranges: Array<{use: Use; from: number; to: number}> = []
  const uses: Use[] = []
  const open = new Map<string, {use: Use; from: number}>()
  const source = linted.source
  for (const suppression of suppressions) {
    const keys = suppression.ids.length === 0 ? [ALL] : suppression.ids
    if (suppression.kind === 'enable') {
      for (const [key, range] of open) {
        if (suppression.ids.length === 0 || keys.includes(key)) {
          ranges.push({use: range.use, from: range.from, to: suppression.line})
          open.delete(key)
        }
      }
      continue
    }
    for (const key of keys) {
      const use: Use = {suppression, key, used: false}
      uses.push(use)
      if (suppression.kind === 'disable') {
        if (!open.has(key)) open.set(key, {use, from: suppression.line})
      } else {
        const target = nextNonBlank(source, suppression.line + 1)
        const list = nextLine.get(target) ?? []
        list.push(use)
        nextLine.set(target, list)
      }
    }
  }
  for (const range of open.values()) ranges.push({use: range.use, from: range.from, to: Infinity})

  const kept: VFileMessage[] = []
  for (const message of file.messages) {
    const ruleId = message.ruleId
    const line = (message.line ?? 1) - 1
    let suppressed = false
    if (ruleId && ruleId !== UNUSED_SUPPRESSION) {
      for (const use of nextLine.get(line) ?? []) {
        if (use.key === ALL || use.key === ruleId) {
          use.used = true
          suppressed = true
        }
      }
      for (const range of ranges) {
        if (line > range.from && line < range.to && (range.use.key === ALL || range.use.key === ruleId)) {
          range.use.used = true
          suppressed = true
        }
      }
    }
    if (!suppressed) kept.push(message)
  }
  file.messages = kept

  if (!unusedRule) return
  const severity = enabled.get(UNUSED_SUPPRESSION)
  if (!severity) return
  for (const use of uses) {
    if (use.used) continue
    const index = use.suppression.ids.indexOf(use.key)
    const span = use.suppression.idSpans[index] ?? {start: use.suppression.start, end: use.suppression.end}
    if (use.key.startsWith('?')) {
      reportMessage(file, source, unusedRule, {messageId: 'invalid', data: {command: use.key.slice(1)}, place: span})
    } else if (use.key !== ALL && !known.has(use.key)) {
      reportMessage(file, source, unusedRule, {messageId: 'unknown', data: {id: use.key}, place: span})
    } else if (use.key === ALL || enabled.has(use.key)) {
      const messageId = use.key === ALL ? 'unusedAll' : 'unused'
      reportMessage(file, source, unusedRule, {messageId, data: {id: use.key}, place: span})
    } else continue
    const message = file.messages[file.messages.length - 1]
    if (message) message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  }
}

function nextNonBlank(source: Source, line: number): number {
  while (line < source.lineCount && (source.lines[line] ?? '').length === 0) line++
  return line
}
