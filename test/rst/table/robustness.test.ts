// Mangled tables never make the parser throw, it always moves forward, and
// every node it builds lies inside its parent, in order, within the text.
// The inputs are the table fixtures with random characters replaced, lines
// dropped, doubled or indented (a fixed seed keeps the run reproducible).

import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {tryTable} from '../../../src/rst/block/table.ts'
import {sourceLines} from '../../../src/rst/lines.ts'
import type {Position, RstNode} from '../../../src/rst/types.ts'
import {harness} from './harness.ts'

const dir = join(import.meta.dirname, '../../../fixtures/rst/tables')

function tableChunks(): string[][] {
  const chunks: string[][] = []
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.rst'))) {
    for (const chunk of readFileSync(join(dir, name), 'utf8').split('\n\n')) {
      const trimmed = chunk.trimStart()
      if (trimmed.startsWith('+-') || trimmed.startsWith('==')) chunks.push(chunk.split('\n'))
    }
  }
  return chunks
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const alphabet = ['+', '-', '=', '|', ' ', 'x', '\t', '日', 'e\u0301', '😀']

function mangle(lines: string[], next: () => number): string[] {
  const out = lines.slice()
  const pick = (count: number) => Math.floor(next() * count)
  for (let step = 1 + pick(3); step > 0; step--) {
    const row = pick(out.length)
    const line = out[row] ?? ''
    const choice = next()
    if (choice < 0.6) {
      const column = pick(line.length + 1)
      out[row] = line.slice(0, column) + (alphabet[pick(alphabet.length)] ?? '') + line.slice(column + 1)
    } else if (choice < 0.75 && out.length > 1) {
      out.splice(row, 1)
    } else if (choice < 0.9) {
      out.splice(row, 0, line)
    } else {
      out[row] = ` ${line}`
    }
  }
  return out
}

function offsets(position: Position): [number, number] {
  return [position.start.offset ?? -1, position.end.offset ?? -1]
}

function checkTree(node: RstNode, length: number, problems: string[]): void {
  const [start, end] = offsets(node.position)
  if (!(start >= 0 && start <= end && end <= length)) problems.push(`${node.type} out of the text`)
  if (!('children' in node)) return
  let previous = start
  for (const child of node.children as RstNode[]) {
    const [childStart, childEnd] = offsets(child.position)
    if (childStart < start || childEnd > end) problems.push(`${child.type} outside its ${node.type} ${JSON.stringify([start, end, childStart, childEnd])}`)
    if (childStart < previous) problems.push(`${child.type} before its previous sibling`)
    previous = childStart
    checkTree(child, length, problems)
  }
}

describe('mangled tables', () => {
  it('never throw, always advance, and keep nodes nested and ordered', () => {
    const chunks = tableChunks()
    expect(chunks.length).toBeGreaterThan(10)
    // TABLE_FUZZ_RUNS / TABLE_FUZZ_SEED explore further when run by hand.
    const next = random(Number(process.env.TABLE_FUZZ_SEED ?? 20260))
    const problems: string[] = []
    let tables = 0
    for (let run = 0; run < Number(process.env.TABLE_FUZZ_RUNS ?? 1500); run++) {
      const chunk = chunks[Math.floor(next() * chunks.length)] ?? []
      const text = `${mangle(chunk, next).join('\n')}\n\nAfter.\n`
      const h = harness(text)
      const lines = sourceLines(h.source)
      let result: ReturnType<typeof tryTable> = null
      expect(() => {
        result = tryTable(lines, 0, h.ctx)
      }).not.toThrow()
      const outcome = result as ReturnType<typeof tryTable>
      if (outcome === null) continue
      if (outcome.end <= 0 || outcome.end > lines.length) problems.push(`end ${outcome.end} in ${JSON.stringify(text)}`)
      if (outcome.node) {
        tables++
        const before = problems.length
        checkTree(outcome.node, text.length, problems)
        if (problems.length > before) problems.push(JSON.stringify(text))
      }
      for (const problem of h.problems) {
        const [start, end] = offsets(problem.position)
        if (!(start >= 0 && start <= end && end <= text.length)) problems.push(`problem out of the text: ${problem.text}`)
      }
    }
    expect(problems).toEqual([])
    expect(tables).toBeGreaterThan(100)
  })
})
