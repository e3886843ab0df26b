// The QEMU corpus against docutils: every grid and simple table of
// /work/shared/qemu-tree/docs must give the rows and entries (lines, spans,
// head/body split, column count) and the cell paragraphs the oracle recorded
// in /work/shared/qemu-oracle. Skipped when the shared material is absent.

import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Entry, Paragraph, Table} from '../../../src/rst/types.ts'
import {findTables, flatten, isBorderTable, oracleTable, type OracleRecord} from './harness.ts'

const shared = join(import.meta.dirname, '../../../../shared')
const tree = join(shared, 'qemu-tree')
const oracle = join(shared, 'qemu-oracle')
const available = existsSync(join(oracle, 'docs')) && existsSync(join(tree, 'docs'))

function oracleFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...oracleFiles(path))
    else if (name.endsWith('.json')) out.push(path)
  }
  return out.sort()
}

/** Lines of literal blocks and raw directive content (a table finder must not look there). */
function literalLines(nodes: OracleRecord[]): Set<number> {
  const lines = new Set<number>()
  const add = (first: unknown, text: unknown) => {
    if (typeof first !== 'number' || typeof text !== 'string') return
    const count = text.split('\n').length
    // From the line before (a table art starting there) to the line after.
    for (let line = first - 1; line <= first + count; line++) lines.add(line)
  }
  for (const node of nodes) {
    if (node.t === 'literal_block') add(node.l, node.x)
    if (node.t === 'directive' && node.a?.body === 'raw') add(node.a.content_l, node.a.content)
  }
  return lines
}

/** Whether a paragraph's text is plain (no inline markup records follow it, no escapes). */
function isPlain(nodes: OracleRecord[], paragraph: OracleRecord): boolean {
  const at = nodes.indexOf(paragraph)
  const next = nodes[at + 1]
  if (next && next.i === 1) return false
  const text = paragraph.x ?? ''
  return !text.endsWith(':')
}

/** Backslash escapes resolved, roughly as docutils does for plain text. */
function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/\\\n/g, '\n')
}

describe.skipIf(!available)('QEMU corpus tables agree with docutils', () => {
  it('builds the rows and entries docutils builds', () => {
    let total = 0
    let agreed = 0
    let cells = 0
    let cellsAgreed = 0
    const failures: string[] = []
    for (const file of oracleFiles(join(oracle, 'docs'))) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as {nodes: OracleRecord[]}
      const nodes = data.nodes
      const rel = relative(oracle, file).replace(/\.json$/, '')
      const path = join(tree, rel)
      if (!existsSync(path)) continue
      const text = readFileSync(path, 'utf8')
      const sourceLines = text.split(/\r?\n/)
      const {tables, h} = findTables(text)
      const literal = literalLines(nodes)
      for (const problem of h.problems) {
        // The finder also meets table-like art in literal blocks, which docutils never parses.
        if (!literal.has(problem.position.start.line)) failures.push(`${rel}:${problem.position.start.line}: ${problem.text}`)
      }
      const mine = new Map(tables.map((found) => [found.line, found.table]))
      nodes.forEach((node, at) => {
        if (!isBorderTable(node, sourceLines) || node.l === null) return
        total++
        const expected = oracleTable(nodes, at)
        const table: Table | null | undefined = mine.get(node.l)
        if (!table) {
          failures.push(`${rel}:${node.l}: ${table === null ? 'malformed' : 'not found'}`)
          return
        }
        const records = flatten(table)
        if (JSON.stringify(records) !== JSON.stringify(expected.records) || table.colwidths.length !== expected.cols) {
          failures.push(`${rel}:${node.l}: structure differs`)
          return
        }
        agreed++
        const entries: Entry[] = table.children.flatMap((group) => group.children.flatMap((row) => row.children))
        entries.forEach((entry, index) => {
          const paragraph = expected.paragraphs[index]
          if (!paragraph) return
          cells++
          const first = entry.children[0] as Paragraph | undefined
          const firstText = first?.children[0]
          const same =
            first?.type === 'paragraph' &&
            first.position.start.line === paragraph.l &&
            (!isPlain(nodes, paragraph) || (firstText?.type === 'text' && unescape(firstText.value) === paragraph.x))
          if (same) cellsAgreed++
          else failures.push(`${rel}:${paragraph.l}: cell paragraph differs`)
        })
      })
    }
    console.log(`corpus tables: ${agreed}/${total} agree; cell paragraphs: ${cellsAgreed}/${cells}`)
    expect(failures).toEqual([])
    expect(total).toBeGreaterThan(0)
  })
})
