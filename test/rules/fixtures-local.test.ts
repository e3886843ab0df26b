// The fixture folders of this directory's rules, checked rule by rule without
// the engine (the shared harness runs them through it as well).

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fileRules} from './lib/file-rules.ts'
import {runRule} from './lib/run-rule.ts'

const FIXTURES = new URL('../../fixtures/rules/', import.meta.url).pathname

function expectations(text: string): string[] {
  const at = text.lastIndexOf('\n.. expect:')
  if (at === -1) return []
  return text.slice(at).split('\n').slice(2).map((line) => line.trim()).filter(Boolean)
}

for (const rule of fileRules) {
  const id = rule.meta.id
  for (const kind of ['valid', 'invalid']) {
    const dir = join(FIXTURES, id, kind)
    if (!existsSync(dir)) continue
    describe(`${id} ${kind}`, () => {
      for (const name of readdirSync(dir).sort()) {
        it(name, () => {
          const text = readFileSync(join(dir, name), 'utf8')
          const found = runRule(rule, text, {}, `fixtures/rules/${id}/${kind}/${name}`).map((finding) => `${finding.where.split(' ')[0]} ${id}`)
          expect(found.sort(byPosition)).toEqual(expectations(text))
        })
      }
    })
  }
}

function byPosition(a: string, b: string): number {
  const [al, ac] = a.split(/[:-]/).map(Number)
  const [bl, bc] = b.split(/[:-]/).map(Number)
  return al! - bl! || ac! - bc!
}
