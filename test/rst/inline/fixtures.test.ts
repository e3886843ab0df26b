// Golden comparison with docutils: each fixtures/rst/inline/NAME.rst has the
// oracle's output next to it (NAME.oracle.json, made by
// `UPDATE_GOLDEN=1 npx vitest run test/rst/inline/fixtures.test.ts` where
// docutils is installed). Every paragraph's inline records, text included,
// and every parse warning must match, line for line.

import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {Source} from '../../../src/rst/source.ts'
import {compareDocument, emptyResult, type OracleNode} from './corpus-compare.ts'

const fixtureDir = new URL('../../../fixtures/rst/inline/', import.meta.url).pathname
const oracleScript = new URL('../../../../shared/tools/docutils-oracle.py', import.meta.url).pathname
const names = readdirSync(fixtureDir).filter((name) => name.endsWith('.rst')).sort()

interface OracleMessage {
  level: number
  text: string
  phase: string
  l?: number
}

function golden(name: string): {nodes: OracleNode[]; messages: OracleMessage[]} {
  const path = join(fixtureDir, name.replace(/\.rst$/, '.oracle.json'))
  if (process.env['UPDATE_GOLDEN'] && existsSync(oracleScript)) {
    const output = execFileSync('/usr/bin/python3', [oracleScript, '--qemu', '--text', '--name', name, join(fixtureDir, name)], {
      encoding: 'utf8',
    })
    writeFileSync(path, output)
  }
  return JSON.parse(readFileSync(path, 'utf8')) as {nodes: OracleNode[]; messages: OracleMessage[]}
}

describe('inline markup matches docutils on the fixtures', () => {
  for (const name of names) {
    it(name, () => {
      const oracle = golden(name)
      const source = new Source(readFileSync(join(fixtureDir, name), 'utf8'))
      const result = emptyResult()
      compareDocument(source, name, oracle.nodes, result, true)
      expect(result.differences).toEqual([])
      expect(result.topLevel.blocks + result.nested.blocks).toBeGreaterThan(0)
      const theirs = oracle.messages
        .filter((message) => message.phase === 'parse' && message.level >= 2 && !message.text.startsWith('Duplicate'))
        .map((message) => `${message.l}: ${message.level} ${message.text}`)
      const ours = result.problems.map((problem) => `${problem.position.start.line}: ${problem.level} ${problem.text}`)
      expect(ours).toEqual(theirs)
    })
  }
})
