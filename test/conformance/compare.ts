// Compares our records with a docutils oracle record file, as ORACLE.md
// "Comparing a parser with the oracle" describes: blocks by (type, depth,
// line), inline nodes per matched block by (type, text), directives by their
// attributes, messages by (level, line). Differences come back as short lines
// and as classes ("block -note", "msg +ERROR Unknown target name") for a summary.

import {diffArrays} from 'diff'
import type {Problem} from '../../src/rst/types.ts'
import type {OracleRecord} from './records.ts'

export interface OracleMessage {
  level: number
  type: string
  line: number | null
  text: string
  phase: string
  s?: string
  l?: number
  ls?: string
}

export interface OracleFile {
  file: string
  nodes: OracleRecord[]
  messages: OracleMessage[]
  /** `include` directives met: line and argument (`s` when inside an included file). */
  includes?: Array<{l: number; x: string; s?: string}>
}

/** Our `include` directives, for the comparison with the oracle's `includes`. */
export interface IncludeRecord {
  l: number
  x: string
}

export interface Tally {
  matched: number
  oracle: number
  ours: number
}

export interface FileResult {
  file: string
  /** Strict extras (not part of `agree`): block text, inline lines, block attributes, includes, message wording. */
  text: Tally
  messageTexts: Tally
  includes: Tally
  inlineLines: Tally
  attributes: Tally
  blocks: Tally
  inline: Tally
  directives: Tally
  messages: Tally
  agree: boolean
  /** Human-readable differences, in document order. */
  diffs: string[]
  /** One class per difference, for the summary. */
  classes: string[]
}

interface Group {
  block: OracleRecord
  inline: OracleRecord[]
}

/** Drop the document record, and records from other files (`s`) with their descendants. */
export function ownRecords(nodes: readonly OracleRecord[]): OracleRecord[] {
  const out: OracleRecord[] = []
  let skipBelow = Number.POSITIVE_INFINITY
  for (const node of nodes) {
    if (node.d > skipBelow) continue
    skipBelow = Number.POSITIVE_INFINITY
    if (node.s !== undefined) {
      skipBelow = node.d
      continue
    }
    if (node.t === 'document') continue
    out.push(node)
  }
  return out
}

/** The oracle's messages about this file: `(level, line)` by the node's line where known. */
export function ownMessages(messages: readonly OracleMessage[]): Array<{level: number; line: number | null; text: string}> {
  const out: Array<{level: number; line: number | null; text: string}> = []
  for (const message of messages) {
    if (message.s === '<rst_epilog>') continue
    if (message.ls !== undefined) continue
    if (message.l === undefined && message.s !== undefined) continue
    out.push({level: message.level, line: message.l ?? message.line, text: message.text})
  }
  return out
}

function groups(records: readonly OracleRecord[]): Group[] {
  const out: Group[] = []
  for (const record of records) {
    if (record.i) out[out.length - 1]?.inline.push(record)
    else out.push({block: record, inline: []})
  }
  return out
}

const sameBlock = (a: Group, b: Group): boolean =>
  a.block.t === b.block.t && a.block.d === b.block.d && (a.block.l === null || b.block.l === null || a.block.l === b.block.l)

const sameInline = (a: OracleRecord, b: OracleRecord): boolean => a.t === b.t && (a.x ?? '') === (b.x ?? '')

function show(record: OracleRecord): string {
  const x = record.x === undefined ? '' : ` ${JSON.stringify(record.x.length > 40 ? `${record.x.slice(0, 40)}…` : record.x)}`
  return `${record.t} d${record.d} L${record.l ?? '-'}${x}`
}

const directiveKeys = ['name', 'arguments', 'options', 'body', 'content', 'content_l'] as const

export function compareFile(
  oracle: OracleFile,
  ours: readonly OracleRecord[],
  problems: readonly Problem[],
  includes: readonly IncludeRecord[] = [],
): FileResult {
  const result: FileResult = {
    file: oracle.file,
    text: {matched: 0, oracle: 0, ours: 0},
    messageTexts: {matched: 0, oracle: 0, ours: 0},
    includes: {matched: 0, oracle: 0, ours: 0},
    inlineLines: {matched: 0, oracle: 0, ours: 0},
    attributes: {matched: 0, oracle: 0, ours: 0},
    blocks: {matched: 0, oracle: 0, ours: 0},
    inline: {matched: 0, oracle: 0, ours: 0},
    directives: {matched: 0, oracle: 0, ours: 0},
    messages: {matched: 0, oracle: 0, ours: 0},
    agree: false,
    diffs: [],
    classes: [],
  }
  const expected = groups(ownRecords(oracle.nodes))
  const actual = groups(ours.filter((record) => record.t !== 'document'))
  result.blocks.oracle = expected.length
  result.blocks.ours = actual.length
  for (const group of expected) {
    result.inline.oracle += group.inline.length
    if (group.block.t === 'directive') result.directives.oracle++
  }
  for (const group of actual) {
    result.inline.ours += group.inline.length
    if (group.block.t === 'directive') result.directives.ours++
  }

  let oi = 0
  let ai = 0
  for (const change of diffArrays(expected, actual, {comparator: sameBlock})) {
    const count = change.count ?? change.value.length
    if (change.removed) {
      for (const group of expected.slice(oi, oi + count)) {
        result.diffs.push(`block - ${show(group.block)}`)
        result.classes.push(`block -${group.block.t}`)
      }
      oi += count
    } else if (change.added) {
      for (const group of actual.slice(ai, ai + count)) {
        result.diffs.push(`block + ${show(group.block)}`)
        result.classes.push(`block +${group.block.t}`)
      }
      ai += count
    } else {
      for (let k = 0; k < count; k++) {
        const want = expected[oi + k] as Group
        const got = actual[ai + k] as Group
        result.blocks.matched++
        compareStrict(want.block, got.block, result)
        compareInline(want, got, result)
        if (want.block.t === 'directive') compareDirective(want.block, got.block, result)
      }
      oi += count
      ai += count
    }
  }

  compareMessages(oracle, problems, result)
  compareIncludes(oracle, includes, result)
  result.agree =
    result.blocks.matched === result.blocks.oracle &&
    result.blocks.oracle === result.blocks.ours &&
    result.inline.matched === result.inline.oracle &&
    result.inline.oracle === result.inline.ours &&
    result.directives.matched === result.directives.oracle &&
    result.messages.matched === result.messages.oracle &&
    result.messages.oracle === result.messages.ours
  return result
}

function compareInline(want: Group, got: Group, result: FileResult): void {
  const where = `${want.block.t} L${want.block.l ?? got.block.l ?? '-'}`
  let oi = 0
  let ai = 0
  for (const change of diffArrays(want.inline, got.inline, {comparator: sameInline})) {
    const count = change.count ?? change.value.length
    if (change.removed) {
      for (const record of want.inline.slice(oi, oi + count)) {
        result.diffs.push(`inline in ${where} - ${show(record)}`)
        result.classes.push(`inline -${record.t}${record.a?.role ? `:${String(record.a.role)}` : ''}`)
      }
      oi += count
    } else if (change.added) {
      for (const record of got.inline.slice(ai, ai + count)) {
        result.diffs.push(`inline in ${where} + ${show(record)}`)
        result.classes.push(`inline +${record.t}${record.a?.role ? `:${String(record.a.role)}` : ''}`)
      }
      ai += count
    } else {
      result.inline.matched += count
      for (let k = 0; k < count; k++) {
        const a = want.inline[oi + k] as OracleRecord
        const b = got.inline[ai + k] as OracleRecord
        if (a.l === null) continue
        result.inlineLines.oracle++
        if (a.l === b.l) result.inlineLines.matched++
        else {
          result.diffs.push(`line of ${show(a)} in ${where}: ours L${b.l ?? '-'}`)
          result.classes.push(`strict inline line ${a.t}`)
        }
      }
      oi += count
      ai += count
    }
  }
}

/** Block types whose `x` is their text (a paragraph's text without markup, a literal block's content...). */
const textTypes = new Set([
  'paragraph', 'title', 'term', 'classifier', 'field_name', 'line', 'attribution', 'literal_block', 'doctest_block',
  'comment', 'label', 'target', 'substitution_definition', 'option_string', 'option_argument', 'rubric',
])

/** Attributes compared per block type (absent = absent on both sides). */
const attributeKeys: Record<string, readonly string[]> = {
  section: ['names', 'dupnames', 'level'],
  target: ['names', 'dupnames', 'anonymous'],
  footnote: ['names', 'dupnames', 'auto'],
  citation: ['names', 'dupnames'],
  topic: ['names'],
  substitution_definition: ['names', 'dupnames'],
  bullet_list: ['bullet'],
  enumerated_list: ['enumtype', 'prefix', 'suffix', 'start'],
  entry: ['morerows', 'morecols'],
  tgroup: ['cols'],
  option_argument: ['delimiter'],
}

function compareStrict(want: OracleRecord, got: OracleRecord, result: FileResult): void {
  if (textTypes.has(want.t) && want.x !== undefined) {
    result.text.oracle++
    if (want.x === got.x) result.text.matched++
    else {
      const cut = (x: string | undefined): string => JSON.stringify(x === undefined ? null : x.length > 50 ? `${x.slice(0, 50)}…` : x)
      result.diffs.push(`text of ${want.t} L${want.l ?? '-'}: - ${cut(want.x)} + ${cut(got.x)}`)
      result.classes.push(`strict text ${want.t}`)
    }
  }
  for (const key of attributeKeys[want.t] ?? []) {
    result.attributes.oracle++
    const a = JSON.stringify(want.a?.[key] ?? null)
    const b = JSON.stringify(got.a?.[key] ?? null)
    if (a === b) result.attributes.matched++
    else {
      result.diffs.push(`${key} of ${want.t} L${want.l ?? '-'}: - ${a} + ${b}`)
      result.classes.push(`strict ${want.t}.${key}`)
    }
  }
}

function compareDirective(want: OracleRecord, got: OracleRecord, result: FileResult): void {
  const differing = directiveKeys.filter(
    (key) => JSON.stringify(want.a?.[key] ?? null) !== JSON.stringify(got.a?.[key] ?? null),
  )
  if (differing.length === 0) {
    result.directives.matched++
    return
  }
  for (const key of differing) {
    const value = (record: OracleRecord): string => {
      const text = JSON.stringify(record.a?.[key] ?? null)
      return text.length > 60 ? `${text.slice(0, 60)}…` : text
    }
    result.diffs.push(`directive ${String(want.x)} L${want.l ?? '-'} ${key}: - ${value(want)} + ${value(got)}`)
    result.classes.push(`directive ${key}`)
  }
}

function compareIncludes(oracle: OracleFile, includes: readonly IncludeRecord[], result: FileResult): void {
  const want = (oracle.includes ?? []).filter((entry) => entry.s === undefined)
  result.includes.oracle = want.length
  result.includes.ours = includes.length
  const key = (entry: {l: number; x: string}): string => `${entry.l} ${entry.x}`
  const got = new Set(includes.map(key))
  for (const entry of want) {
    if (got.has(key(entry))) result.includes.matched++
    else {
      result.diffs.push(`include - L${entry.l} ${entry.x}`)
      result.classes.push('strict include')
    }
  }
  const expected = new Set(want.map(key))
  for (const entry of includes) {
    if (!expected.has(key(entry))) {
      result.diffs.push(`include + L${entry.l} ${entry.x}`)
      result.classes.push('strict include')
    }
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? ''
}

function messageClass(text: string): string {
  // The wording without the quoted specifics: `Unknown target name: "…".`
  return text.split('\n')[0]?.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 60) ?? ''
}

const levelNames: Record<number, string> = {1: 'INFO', 2: 'WARNING', 3: 'ERROR', 4: 'SEVERE'}

function compareMessages(oracle: OracleFile, problems: readonly Problem[], result: FileResult): void {
  const want = ownMessages(oracle.messages)
  const got = problems.map((p) => ({level: p.level as number, line: p.position.start.line as number | null, text: p.text}))
  result.messages.oracle = want.length
  result.messages.ours = got.length
  const key = (m: {level: number; line: number | null}): string => `${m.level}@${m.line ?? '-'}`
  const pool = new Map<string, number>()
  for (const m of got) pool.set(key(m), (pool.get(key(m)) ?? 0) + 1)
  const missing: typeof want = []
  for (const m of want) {
    const left = pool.get(key(m)) ?? 0
    if (left > 0) {
      pool.set(key(m), left - 1)
      result.messages.matched++
    } else {
      missing.push(m)
    }
  }
  const extra: typeof got = []
  const used = new Map<string, number>()
  for (const m of want) used.set(key(m), (used.get(key(m)) ?? 0) + 1)
  for (const m of got) {
    const left = used.get(key(m)) ?? 0
    if (left > 0) used.set(key(m), left - 1)
    else extra.push(m)
  }
  // Strict: the wording of the messages matched by (level, line).
  const texts = new Map<string, string[]>()
  for (const m of got) texts.set(key(m), [...(texts.get(key(m)) ?? []), firstLine(m.text)])
  const missingSet = new Set(missing)
  for (const m of want) {
    if (missingSet.has(m)) continue
    result.messageTexts.oracle++
    const candidates = texts.get(key(m)) ?? []
    const index = candidates.indexOf(firstLine(m.text))
    if (index >= 0) {
      candidates.splice(index, 1)
      result.messageTexts.matched++
    } else {
      result.diffs.push(`text of msg ${levelNames[m.level]} L${m.line ?? '-'}: - ${firstLine(m.text)} + ${candidates[0] ?? ''}`)
      result.classes.push(`strict msg text ${messageClass(m.text)}`)
      candidates.shift()
    }
  }
  for (const m of missing) {
    result.diffs.push(`msg - ${levelNames[m.level]} L${m.line ?? '-'} ${m.text.split('\n')[0]}`)
    result.classes.push(`msg -${levelNames[m.level]} ${messageClass(m.text)}`)
  }
  for (const m of extra) {
    result.diffs.push(`msg + ${levelNames[m.level]} L${m.line ?? '-'} ${m.text.split('\n')[0]}`)
    result.classes.push(`msg +${levelNames[m.level]} ${messageClass(m.text)}`)
  }
}
