// The transform fixtures parsed for real: each fixtures/rst/transform/*.rst
// ends with an `.. expect:` comment listing what docutils 0.19 reports for it
// (`LEVEL line phase text`, line = the node concerned). Runs once fromRst
// produces inline references; until then it is skipped with a message.

import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {Source} from '../../../src/rst/source.ts'
import {applyTransforms} from '../../../src/rst/transform/index.ts'
import type {Root} from '../../../src/rst/types.ts'

type FromRst = (text: string) => Root

const dir = new URL('../../../fixtures/rst/transform/', import.meta.url)
const names = readdirSync(dir).filter((name) => name.endsWith('.rst')).sort()

async function loadParser(): Promise<FromRst | null> {
  const path = '../../../src/rst/index.ts'
  try {
    const mod = (await import(/* @vite-ignore */ path)) as {fromRst?: FromRst}
    return mod.fromRst ?? null
  } catch {
    return null
  }
}

const fromRst = await loadParser()
const hasInline = (() => {
  if (!fromRst) return false
  const paragraph = fromRst('See here_.\n').children[0]
  return Boolean(paragraph && 'children' in paragraph && paragraph.children.some((child) => child.type === 'reference'))
})()
const appliesTransforms = hasInline && fromRst !== null && fromRst('A dangling_ reference.\n').data.problems.some((p) => p.text.startsWith('Unknown target'))
if (!hasInline) console.log('transform fixtures: skipped, fromRst does not parse inline references yet')

function expected(text: string): string[] {
  const start = text.indexOf('\n.. expect:\n')
  if (start < 0) return []
  return text
    .slice(start + 12)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

const levels = {1: 'INFO', 2: 'WARNING', 3: 'ERROR', 4: 'SEVERE'} as const

describe.skipIf(!hasInline)('transform fixtures against docutils', () => {
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(new URL(name, dir), 'utf8')
      const root = (fromRst as FromRst)(text)
      if (!appliesTransforms) applyTransforms(root, new Source(text))
      const got = root.data.problems.map(
        (p) => `${levels[p.level]} ${p.position.start.line} ${p.phase} ${p.text.split('\n')[0]}`,
      )
      expect(got.sort()).toEqual(expected(text).sort())
    })
  }
})
