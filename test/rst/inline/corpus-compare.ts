// Compares our inline parse with docutils' on the QEMU corpus: for each
// paragraph the oracle reports, take its source lines (from its first line to
// the next blank line, dedented), parse them with parseInline and compare the
// (type, text, line) sequence of inline records. Used by the corpus test.

import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {parseInline} from '../../../src/rst/inline/index.ts'
import type {Line} from '../../../src/rst/lines.ts'
import {Source} from '../../../src/rst/source.ts'
import type {Problem} from '../../../src/rst/types.ts'
import {contextFor, toOracle, type OracleRecord} from './helpers.ts'

export const sharedDir = process.env['RST_SHARED_DIR'] ?? new URL('../../../../shared/', import.meta.url).pathname
export const corpusAvailable = existsSync(join(sharedDir, 'qemu-oracle/docs')) && existsSync(join(sharedDir, 'qemu-tree/docs'))

export interface OracleNode extends OracleRecord {
  d: number
  l: number | null
  s?: string
  i?: number
}

export interface Difference {
  file: string
  line: number
  ours: string
  theirs: string
}

export interface CorpusResult {
  /** Top-level paragraphs (in the document or a section, at column 0). */
  topLevel: {blocks: number; agree: number}
  /** Paragraphs nested in other blocks, extracted by indentation. */
  nested: {blocks: number; agree: number}
  /** Section titles (one line, stripped). */
  titles: {blocks: number; agree: number}
  records: number
  differences: Difference[]
  problems: Problem[]
}

function listJson(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) listJson(path, out)
    else if (name.endsWith('.json')) out.push(path)
  }
  return out
}

/** Containers whose line is that of their first content line (no marker before it). */
const lineOwners = new Set(['document', 'section', 'block_quote', 'definition', 'field_body', 'description'])

/** docutils drops a paragraph's final `::` (keeping one `:` unless it follows whitespace). */
function trimLiteralMarker(text: string): string {
  if (!text.endsWith('::')) return text
  if (text.length === 2) return ''
  const before = text.charCodeAt(text.length - 3)
  if (before === 32 || before === 10) return text.slice(0, -3).replace(/[ \n]+$/, '')
  return text.slice(0, -1)
}

function recordKey(record: OracleRecord & {l?: number | null}): string {
  return `${record.t}:${JSON.stringify(record.x)}@${record.l ?? '?'}`
}

export function emptyResult(): CorpusResult {
  return {topLevel: {blocks: 0, agree: 0}, nested: {blocks: 0, agree: 0}, titles: {blocks: 0, agree: 0}, records: 0, differences: [], problems: []}
}

export function compareCorpus(limit = Infinity): CorpusResult {
  const result = emptyResult()
  const oracleRoot = join(sharedDir, 'qemu-oracle')
  for (const jsonPath of listJson(join(oracleRoot, 'docs'), []).slice(0, limit)) {
    const oracle = JSON.parse(readFileSync(jsonPath, 'utf8')) as {file: string; nodes: OracleNode[]}
    const sourcePath = join(sharedDir, 'qemu-tree', oracle.file)
    if (!existsSync(sourcePath)) continue
    compareDocument(new Source(readFileSync(sourcePath, 'utf8')), oracle.file, oracle.nodes, result)
  }
  return result
}

/**
 * Compare every paragraph of one document that can be cut out without the
 * block parser; `withText` also compares the `#text` records (oracle `--text`).
 */
export function compareDocument(source: Source, file: string, nodes: OracleNode[], result: CorpusResult, withText = false): void {
  const stack: OracleNode[] = []
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    while (stack.length > 0 && stack[stack.length - 1]!.d >= node.d) stack.pop()
    const parent = stack[stack.length - 1]
    stack.push(node)
    if (node.l === null || node.s !== undefined || node.i) continue
    if (node.t === 'title' && parent?.t === 'section') {
      compareTitle(source, file, node, nodes, index, result, withText)
      continue
    }
    if (node.t !== 'paragraph') continue
    if (stack.some((ancestor) => ancestor.s !== undefined)) continue
    const topLevel = parent !== undefined && (parent.t === 'document' || parent.t === 'section')
    // A paragraph sharing its first line with a marker (`- `, `:field:`, `.. note::`) needs the block parser.
    if (stack.some((ancestor) => ancestor !== node && ancestor.l === node.l && !lineOwners.has(ancestor.t))) continue
    if (stack.some((ancestor) => ancestor.t === 'table')) continue
    const theirs: OracleRecord[] = []
    for (let next = index + 1; next < nodes.length && nodes[next]!.d > node.d; next++) {
      const record = nodes[next]!
      if (record.i) theirs.push({t: record.t, x: record.x ?? '', l: record.l, ...(record.a ? {a: record.a} : {})})
      else if (withText && record.t === '#text' && record.d === node.d + 1) {
        theirs.push({t: '#text', x: oracleUnescape(record.x ?? ''), l: null})
      }
    }
    const lines = blockLines(source, node.l - 1, topLevel)
    if (lines === undefined) continue
    const problems: Problem[] = []
    parseInline(lines, contextFor(source, problems))
    // The oracle's `l: null` means "not found": don't compare the line then.
    const oursRecords = toOracle(parseInline(lines, contextFor(source, [])), source, withText)
    const oursKeys = oursRecords.map((record, k) => recordKey(theirs[k]?.l === null ? {...record, l: null} : record))
    const theirsKeys = theirs.map((record) => recordKey(matchDupnames(record)))
    const agree = oursKeys.join('|') === theirsKeys.join('|')
    const bucket = topLevel ? result.topLevel : result.nested
    bucket.blocks++
    result.records += theirs.length
    if (agree) bucket.agree++
    else result.differences.push({file, line: node.l, ours: oursKeys.join(' '), theirs: theirsKeys.join(' ')})
    result.problems.push(...problems)
  }
}

/** A section title: its text line, without surrounding whitespace, as one text block. */
function compareTitle(
  source: Source,
  file: string,
  node: OracleNode,
  nodes: OracleNode[],
  index: number,
  result: CorpusResult,
  withText: boolean,
): void {
  const text = source.lines[node.l! - 1]
  if (text === undefined) return
  let indent = 0
  while (text.charCodeAt(indent) === 32) indent++
  const lines: Line[] = [{text: text.slice(indent), line: node.l! - 1, col: indent}]
  const theirs: OracleRecord[] = []
  for (let next = index + 1; next < nodes.length && nodes[next]!.d > node.d; next++) {
    const record = nodes[next]!
    if (record.i) theirs.push({t: record.t, x: record.x ?? '', l: record.l, ...(record.a ? {a: record.a} : {})})
    else if (withText && record.t === '#text' && record.d === node.d + 1) theirs.push({t: '#text', x: oracleUnescape(record.x ?? ''), l: null})
  }
  const problems: Problem[] = []
  const ours = toOracle(parseInline(lines, contextFor(source, problems)), source, withText)
  const oursKeys = ours.map((record, k) => recordKey(theirs[k]?.l === null ? {...record, l: null} : record))
  const theirsKeys = theirs.map((record) => recordKey(matchDupnames(record)))
  result.titles.blocks++
  result.records += theirs.length
  if (oursKeys.join('|') === theirsKeys.join('|')) result.titles.agree++
  else result.differences.push({file, line: node.l!, ours: oursKeys.join(' '), theirs: theirsKeys.join(' ')})
  result.problems.push(...problems)
}

/** The oracle's `#text` values keep docutils' NUL escape markers: resolve them. */
function oracleUnescape(text: string): string {
  return text.replace(/\x00[ \n]?/g, '')
}

function matchDupnames(record: OracleRecord): OracleRecord {
  // A duplicate target name moves to `dupnames`: x is then empty; use the name.
  const dupnames = record.a?.['dupnames']
  if (record.t === 'target' && record.x === '' && Array.isArray(dupnames)) return {...record, x: String(dupnames[0])}
  return record
}

/**
 * The lines of the paragraph starting at 0-based `first`: up to the next
 * blank line, with the first line's indentation removed (undefined when a
 * later line is indented less, which a simple extraction cannot handle).
 */
function blockLines(source: Source, first: number, topLevel: boolean): Line[] | undefined {
  const firstText = source.lines[first]
  if (firstText === undefined) return undefined
  let indent = 0
  while (firstText.charCodeAt(indent) === 32) indent++
  if (topLevel && indent !== 0) return undefined
  const lines: Line[] = []
  for (let line = first; line < source.lineCount; line++) {
    const text = source.lines[line] ?? ''
    if (text.trim() === '') break
    let lineIndent = 0
    while (text.charCodeAt(lineIndent) === 32) lineIndent++
    if (lineIndent < indent) return undefined
    if (lineIndent > indent && line > first) return undefined
    lines.push({text: text.slice(indent), line, col: indent})
  }
  const last = lines[lines.length - 1]
  if (last === undefined) return undefined
  const trimmed = trimLiteralMarker(last.text)
  if (trimmed !== last.text) lines[lines.length - 1] = {...last, text: trimmed}
  return lines
}
