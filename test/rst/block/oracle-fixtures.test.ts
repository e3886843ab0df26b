// Every parser fixture agrees with docutils: the stored oracle output
// (FILE.oracle.json, made by ../shared/tools/docutils-oracle.py --qemu from
// our own FILE.rst) has the same block records (type, depth, line) and the
// same parse messages (level and text) as fromRst().

import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {diffText, type OracleMessage, type OracleRecord} from '../../../scripts/oracle-diff.ts'
import {fromRst} from '../../../src/rst/index.ts'

const dir = join(import.meta.dirname, '../../../fixtures/rst')
const fixtures = readdirSync(dir).filter((name) => name.endsWith('.rst') && readdirSync(dir).includes(name.replace(/\.rst$/, '.oracle.json')))

describe('fixtures agree with docutils', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10)
  })
  for (const name of fixtures) {
    const text = readFileSync(join(dir, name), 'utf8')
    const oracle = JSON.parse(readFileSync(join(dir, name.replace(/\.rst$/, '.oracle.json')), 'utf8')) as {
      nodes: OracleRecord[]
      messages: OracleMessage[]
    }
    it(`${name}: block structure`, () => {
      const result = diffText(name, text, oracle.nodes)
      expect(result.agree ? 'agree' : {ours: result.ours, theirs: result.theirs}).toBe('agree')
    })
    it(`${name}: parse messages`, () => {
      // docutils re-reports a title's warning when the title closes sections
      // (it is parsed twice); one report per line is what we expect.
      const theirs = [
        ...new Set(
          oracle.messages
            .filter((message) => message.phase === 'parse' && !message.text.startsWith('Duplicate '))
            .map((message) => `${message.line} ${message.level} ${message.text}`),
        ),
      ]
        .map((entry) => entry.slice(entry.indexOf(' ') + 1))
        .sort()
      const ours = fromRst(text)
        .data.problems.filter((problem) => problem.phase === 'parse')
        .map((problem) => `${problem.level} ${problem.text}`)
        .sort()
      expect(ours).toEqual(theirs)
    })
  }
})
