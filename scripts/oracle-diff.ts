// Compare the block structure fromRst() builds with docutils' (the oracle
// records in ../shared/qemu-oracle, see ../shared/tools/ORACLE.md): block
// records as (type, depth, line), docutils-known directives mapped to the
// nodes docutils makes of them. Run:
//   npx esbuild scripts/oracle-diff.ts --bundle --platform=node --format=esm \
//     --outfile=/tmp/oracle-diff.mjs && node /tmp/oracle-diff.mjs [docs/path.rst ...] [-v]

import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fromRst} from '../src/rst/index.ts'
import type {Directive, RstNode} from '../src/rst/types.ts'

export interface BlockRecord {
  t: string
  d: number
  l: number | null
}

interface OracleRecord extends BlockRecord {
  i?: number
  s?: string
  a?: Record<string, unknown>
}

/** Records ignored on both sides: their children move up one level. */
const transparent = new Set(['tgroup', 'colspec', 'pending', 'meta', 'document'])

const inlineTypes = new Set([
  'text', 'emphasis', 'strong', 'literal', 'interpreted_text', 'reference', 'footnote_reference',
  'citation_reference', 'substitution_reference', 'inline_target',
])

const admonitions = new Set(['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning'])

/** The oracle's block records, without included files' records and transparent types. */
export function oracleBlocks(records: OracleRecord[]): BlockRecord[] {
  const out: BlockRecord[] = []
  const stack: Array<{d: number; drop: boolean; transparent: boolean}> = []
  for (const record of records) {
    while (stack.length > 0 && stack[stack.length - 1]!.d >= record.d) stack.pop()
    const dropped = stack.some((entry) => entry.drop)
    const isTransparent = transparent.has(record.t)
    stack.push({d: record.d, drop: dropped || record.s !== undefined || record.i === 1, transparent: isTransparent})
    if (dropped || record.s !== undefined || record.i === 1 || isTransparent) continue
    const depth = stack.filter((entry) => !entry.transparent).length
    out.push({t: record.t, d: depth, l: record.l})
  }
  return out
}

/** Our tree as the same flat records. */
export function ourBlocks(root: RstNode): BlockRecord[] {
  const out: BlockRecord[] = []
  const emit = (t: string, d: number, l: number | null) => out.push({t, d, l})
  const visit = (node: RstNode, d: number): void => {
    if (inlineTypes.has(node.type)) return
    const line = node.position.start.line
    switch (node.type) {
      case 'document':
        for (const child of node.children) visit(child, d)
        return
      case 'section': {
        const title = node.children[0]!
        emit('section', d, title.position.start.line)
        for (const child of node.children) visit(child, d + 1)
        return
      }
      case 'footnote':
      case 'citation':
        emit(node.type, d, line)
        if (node.type === 'citation' || !node.auto) emit('label', d + 1, line)
        for (const child of node.children) visit(child, d + 1)
        return
      case 'substitution_definition':
        emit(node.type, d, line)
        return
      case 'field_body':
        emit(node.type, d, node.children.length > 0 ? line : null)
        for (const child of node.children) visit(child, d + 1)
        return
      case 'table':
        emit('table', d, line)
        for (const child of node.children) visit(child, d + 1)
        return
      case 'directive':
        directive(node, d)
        return
    }
    emit(node.type, d, line)
    if ('children' in node) for (const child of node.children as RstNode[]) visit(child, d + 1)
  }
  const directive = (node: Directive, d: number): void => {
    const name = node.name.toLowerCase()
    const line = node.position.start.line
    const children = () => {
      for (const child of node.children) visit(child, d + 1)
    }
    if (admonitions.has(name)) {
      emit(name, d, line)
      children()
    } else if (name === 'admonition' || name === 'topic') {
      emit(name, d, line)
      emit('title', d + 1, line)
      children()
    } else if (name === 'sidebar') {
      emit(name, d, line)
      if (node.argument) emit('title', d + 1, line)
      if (node.options.some((option) => option.name === 'subtitle')) emit('subtitle', d + 1, line)
      children()
    } else if (name === 'code' || name === 'parsed-literal') emit('literal_block', d, line)
    else if (name === 'raw') emit('raw', d, line)
    else if (name === 'rubric') emit('rubric', d, line)
    else if (name === 'image') {
      if (node.options.some((option) => option.name === 'target')) {
        emit('reference', d, line)
        emit('image', d + 1, line)
      } else emit('image', d, line)
    } else if (name === 'figure') {
      emit('figure', d, line)
      emit('image', d + 1, line)
      node.children.forEach((child, index) => {
        if (index === 0 && child.type === 'paragraph') emit('caption', d + 1, child.position.start.line)
        else if (index === 1) {
          emit('legend', d + 1, child.position.start.line)
          for (const rest of node.children.slice(1)) visit(rest, d + 2)
        }
      })
    } else if (name === 'contents') {
      emit('topic', d, line)
      if (!node.options.some((option) => option.name === 'local')) emit('title', d + 1, line)
    } else if (name === 'epigraph' || name === 'highlights' || name === 'pull-quote') {
      emit('block_quote', d, line)
      children()
    } else if (name === 'compound' || name === 'container') {
      emit(name, d, line)
      children()
    } else if (name === 'class') {
      for (const child of node.children) visit(child, d)
    } else if (name === 'math') {
      for (const block of node.content.split(/\n\s*\n/)) if (block.trim()) emit('math_block', d, line)
    } else if (name === 'table') {
      const table = node.children.find((child) => child.type === 'table')
      emit('table', d, line)
      if (node.argument) emit('title', d + 1, line)
      if (table && 'children' in table) for (const child of table.children as RstNode[]) visit(child, d + 1)
    } else if (name === 'list-table') listTable(node, d)
    else if (name === 'csv-table') emit('table', d, line)
    else if (
      ['include', 'title', 'default-role', 'role', 'meta', 'sectnum', 'section-numbering', 'target-notes', 'header', 'footer', 'replace', 'unicode', 'date'].includes(name)
    ) {
      // No block record of their own (spliced file, settings, decoration, substitution content).
    } else {
      emit('directive', d, line)
      if (node.body === 'rst') children()
    }
  }
  const listTable = (node: Directive, d: number): void => {
    const line = node.position.start.line
    emit('table', d, line)
    if (node.argument) emit('title', d + 1, line)
    const list = node.children.find((child) => child.type === 'bullet_list')
    if (!list || list.type !== 'bullet_list') return
    const headerOption = node.options.find((option) => option.name === 'header-rows')
    const headerRows = headerOption ? Number.parseInt(headerOption.value, 10) || 0 : 0
    const rows = list.children
    const group = (type: string, items: typeof rows) => {
      if (items.length === 0) return
      emit(type, d + 1, items[0]!.position.start.line)
      for (const item of items) {
        const cells = item.children.find((child) => child.type === 'bullet_list')
        const cellItems = cells && cells.type === 'bullet_list' ? cells.children : []
        const first = cellItems[0]?.children[0]
        emit('row', d + 2, first ? first.position.start.line : item.position.start.line)
        for (const cell of cellItems) {
          emit('entry', d + 3, cell.children[0] ? cell.children[0].position.start.line : item.position.start.line)
          for (const child of cell.children) visit(child, d + 4)
        }
      }
    }
    group('thead', rows.slice(0, headerRows))
    group('tbody', rows.slice(headerRows))
  }
  visit(root, 1)
  return out
}

export interface FileDiff {
  path: string
  agree: boolean
  /** First differing record index and the two sides around it. */
  at?: number
  ours?: BlockRecord[]
  theirs?: BlockRecord[]
}

function same(a: BlockRecord | undefined, b: BlockRecord | undefined): boolean {
  if (!a || !b) return a === b
  return a.t === b.t && a.d === b.d && (a.l === null || b.l === null || a.l === b.l)
}

export function diffFile(treeRoot: string, oracleRoot: string, path: string): FileDiff {
  const text = readFileSync(join(treeRoot, path), 'utf8')
  const oracle = JSON.parse(readFileSync(join(oracleRoot, path + '.json'), 'utf8')) as {nodes: OracleRecord[]}
  return diffText(path, text, oracle.nodes)
}

/** Compare the block records of `text` with the oracle's records of the same text. */
export function diffText(path: string, text: string, records: OracleRecord[]): FileDiff {
  const theirs = oracleBlocks(records)
  const ours = ourBlocks(fromRst(text))
  const length = Math.max(ours.length, theirs.length)
  for (let index = 0; index < length; index++) {
    if (!same(ours[index], theirs[index])) {
      return {path, agree: false, at: index, ours: ours.slice(Math.max(0, index - 2), index + 4), theirs: theirs.slice(Math.max(0, index - 2), index + 4)}
    }
  }
  return {path, agree: true}
}

function listFiles(root: string, dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(root, dir)).sort()) {
    const path = dir ? `${dir}/${name}` : name
    if (statSync(join(root, path)).isDirectory()) out.push(...listFiles(root, path))
    else if (name.endsWith('.rst') || name.endsWith('.rst.inc')) out.push(path)
  }
  return out
}

export type {OracleRecord, OracleMessage}

const isMain = process.argv[1] !== undefined && /oracle-diff\.(m?js|ts)$/.test(process.argv[1])
if (isMain) {
  const shared = process.env.QEMU_SHARED ?? join(process.cwd(), '../shared')
  const treeRoot = join(shared, 'qemu-tree')
  const oracleRoot = join(shared, 'qemu-oracle')
  const args = process.argv.slice(2)
  const verbose = args.includes('-v')
  const paths = args.filter((arg) => !arg.startsWith('-'))
  if (args.includes('--fixtures')) {
    // Our own fixtures with their stored oracle output (FILE.rst + FILE.oracle.json).
    for (const path of paths) {
      const oracle = JSON.parse(readFileSync(existsSync(path.replace(/\.rst$/, '.oracle.json')) ? path.replace(/\.rst$/, '.oracle.json') : path + '.json', 'utf8')) as {nodes: OracleRecord[]; messages: OracleMessage[]}
      const text = readFileSync(path, 'utf8')
      const blocks = diffText(path, text, oracle.nodes)
      const fmt = (records: BlockRecord[] = []) => records.map((r) => `${r.t}/${r.d}/${r.l}`).join('  ')
      if (!blocks.agree) console.log(`${path}: record ${blocks.at}\n  ours:   ${fmt(blocks.ours)}\n  oracle: ${fmt(blocks.theirs)}`)
      for (const diff of diffTextMessages(text, oracle.messages)) console.log(`${path}: ${diff}`)
    }
    process.exit(0)
  }
  const files = paths.length > 0 ? paths.map((path) => relative(treeRoot, join(treeRoot, path))) : listFiles(treeRoot, 'docs')
  let agree = 0
  const counts = new Map<string, number>()
  for (const path of files) {
    const result = diffFile(treeRoot, oracleRoot, path)
    if (result.agree) agree++
    else {
      const key = `${result.ours?.[2]?.t ?? result.ours?.[0]?.t ?? '-'} vs ${result.theirs?.[2]?.t ?? result.theirs?.[0]?.t ?? '-'}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
      if (verbose || paths.length > 0) {
        console.log(`${path}: first difference at record ${result.at}`)
        const fmt = (records: BlockRecord[] = []) => records.map((r) => `${r.t}/${r.d}/${r.l}`).join('  ')
        console.log(`  ours:   ${fmt(result.ours)}`)
        console.log(`  oracle: ${fmt(result.theirs)}`)
      }
    }
  }
  console.log(`${agree}/${files.length} files agree on block structure`)
  if (!paths.length) for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${count}  ${key}`)
}

interface OracleMessage {
  level: number
  line: number | null
  l?: number
  text: string
  phase: string
  s?: string
  ls?: string
}

/** Parse-phase messages that differ: `+` only ours, `-` only docutils' (level, oracle line, text). */
export function diffMessages(treeRoot: string, oracleRoot: string, path: string): string[] {
  const text = readFileSync(join(treeRoot, path), 'utf8')
  const oracle = JSON.parse(readFileSync(join(oracleRoot, path + '.json'), 'utf8')) as {messages: OracleMessage[]}
  return diffTextMessages(text, oracle.messages)
}

/**
 * Parse-phase messages of `text` that differ from the oracle's, as
 * `level line text`; docutils' duplicate-name messages (the transform's
 * business) are left out.
 */
export function diffTextMessages(text: string, messages: OracleMessage[]): string[] {
  const theirs = messages
    .filter((message) => !message.text.startsWith('Duplicate '))
    .filter((message) => message.phase === 'parse' && message.s === undefined && message.ls === undefined)
    .map((message) => `${message.level} ${message.l ?? message.line} ${message.text.split('\n')[0]}`)
  const ours = fromRst(text)
    .data.problems.filter((problem) => problem.phase === 'parse' && !problem.text.startsWith('Duplicate '))
    .map((problem) => `${problem.level} ${problem.position.start.line} ${problem.text.split('\n')[0]}`)
  const out: string[] = []
  const remaining = [...theirs]
  for (const message of ours) {
    const index = remaining.indexOf(message)
    if (index >= 0) remaining.splice(index, 1)
    else out.push(`+ ${message}`)
  }
  for (const message of remaining) out.push(`- ${message}`)
  return out
}

if (isMain && process.argv.includes('--messages')) {
  const shared = process.env.QEMU_SHARED ?? join(process.cwd(), '../shared')
  const treeRoot = join(shared, 'qemu-tree')
  let clean = 0
  const files = listFiles(treeRoot, 'docs')
  for (const path of files) {
    const diffs = diffMessages(treeRoot, join(shared, 'qemu-oracle'), path)
    if (diffs.length === 0) clean++
    else for (const diff of diffs) console.log(`${path}: ${diff}`)
  }
  console.log(`${clean}/${files.length} files agree on parse messages`)
}
