// The one tree-root finder: the nearest ancestor with docs/conf.py or
// docs/index.rst and MAINTAINERS wins over a nearer docs-only folder; without
// any MAINTAINERS the nearest docs folder is the root.

import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {expect, test} from 'vitest'
import {findTreeRoot, isTreeRoot} from '../../src/tree/root.ts'

function tree(): string {
  const top = mkdtempSync(join(tmpdir(), 'qrl-root-'))
  mkdirSync(join(top, 'docs'), {recursive: true})
  writeFileSync(join(top, 'docs', 'conf.py'), '')
  writeFileSync(join(top, 'MAINTAINERS'), '')
  // A folder of the tree that has a docs/index.rst of its own (like a subproject).
  mkdirSync(join(top, 'sub', 'docs', 'deep'), {recursive: true})
  writeFileSync(join(top, 'sub', 'docs', 'index.rst'), 'Sub\n===\n')
  return top
}

test('MAINTAINERS decides between nested docs folders', () => {
  const top = tree()
  expect(isTreeRoot(join(top, 'sub'))).toBe(true)
  expect(findTreeRoot(join(top, 'sub', 'docs', 'deep'))).toBe(top)
  expect(findTreeRoot(top)).toBe(top)
})

test('a tree without MAINTAINERS falls back to the nearest docs folder', () => {
  const top = mkdtempSync(join(tmpdir(), 'qrl-root-'))
  mkdirSync(join(top, 'docs', 'system'), {recursive: true})
  writeFileSync(join(top, 'docs', 'index.rst'), 'Top\n===\n')
  expect(findTreeRoot(join(top, 'docs', 'system'))).toBe(top)
  expect(findTreeRoot(tmpdir())).toBeUndefined()
})
