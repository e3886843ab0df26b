// Each table fixture (fixtures/rst/tables/*.rst, written here) against what
// docutils made of it, stored next to it as `<name>.oracle.json`: the same
// tables, rows, entries, spans and column counts, and the same table
// problems at the same lines. Regenerate the stored output with
//   UPDATE_TABLE_ORACLE=1 npx vitest run test/rst/table
// (needs /usr/bin/python3 with docutils and /work/shared/tools).

import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {findTables, flatten, isBorderTable, oracleTable, type OracleMessage, type OracleRecord} from './harness.ts'

const dir = join(import.meta.dirname, '../../../fixtures/rst/tables')
const oracleTool = join(import.meta.dirname, '../../../../shared/tools/docutils-oracle.py')
const fixtures = readdirSync(dir).filter((name) => name.endsWith('.rst')).sort()
const tableMessages = new Set(['Malformed table.', 'Blank line required after table.', 'Unexpected indentation.'])

describe('table fixtures agree with docutils', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8)
  })

  for (const name of fixtures) {
    it(name, () => {
      const path = join(dir, name)
      const stored = path.replace(/\.rst$/, '.oracle.json')
      if (process.env.UPDATE_TABLE_ORACLE && existsSync(oracleTool)) {
        const out = execFileSync('/usr/bin/python3', [oracleTool, '--qemu', '--name', name, path], {encoding: 'utf8'})
        writeFileSync(stored, out)
      }
      const oracle = JSON.parse(readFileSync(stored, 'utf8')) as {nodes: OracleRecord[]; messages: OracleMessage[]}
      const text = readFileSync(path, 'utf8')
      const sourceLines = text.split(/\r?\n/)
      const {tables, h} = findTables(text)

      const expected: unknown[] = []
      oracle.nodes.forEach((node, at) => {
        if (!isBorderTable(node, sourceLines)) return
        const {records, cols} = oracleTable(oracle.nodes, at)
        expected.push({line: node.l, records, cols})
      })
      const actual = tables
        .filter((found) => found.table !== null)
        .sort((a, b) => a.line - b.line)
        .map((found) => ({line: found.line, records: flatten(found.table!), cols: found.table!.colwidths.length}))
      expect(actual).toEqual(expected)

      const lastLine = h.source.lineCount
      // Messages from cell content (inside a built table) belong to the nested parser.
      const inCell = (line: number) =>
        tables.some(({table}) => table !== null && table.position.start.line < line && line < table.position.end.line)
      const expectedProblems = oracle.messages
        .filter((message) => tableMessages.has(message.text.split('\n')[0] ?? '') && !inCell(message.line))
        .map((message) => ({level: message.level, text: message.text.split('\n')[0], line: Math.min(message.line, lastLine)}))
      const actualProblems = h.problems.map((problem) => ({
        level: problem.level,
        text: problem.text,
        line: problem.position.start.line,
      }))
      expect(actualProblems).toEqual(expectedProblems)
    })
  }
})
