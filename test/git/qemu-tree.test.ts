// `--staged` on a temporary repository made from the real QEMU tree (read
// from ../shared at run time, committed once): the pre-commit bars on real
// documents, with the toctree graph and MAINTAINERS the tree really has.

import {appendFileSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {QEMU_TREE, cleanUp, git, makeRepo, staged} from './helpers.ts'

const present = existsSync(join(QEMU_TREE, 'docs', 'index.rst'))
if (!present) console.warn(`--staged QEMU-tree bars skipped: ${QEMU_TREE} is absent`)

const DOC = 'docs/system/bootindex.rst'
const NEW_DOC = 'docs/system/unlisted-notes.rst'

describe.skipIf(!present)('--staged on a copy of the QEMU tree', () => {
  let repo = ''
  let original = ''
  let lines = 0
  beforeAll(() => {
    repo = makeRepo(QEMU_TREE)
    original = readFileSync(join(repo, DOC), 'utf8')
    lines = original.endsWith('\n') ? original.split('\n').length - 1 : original.split('\n').length
  }, 60_000)
  afterAll(cleanUp)
  // Back to the committed state between scenarios.
  afterEach(() => {
    git(repo, 'reset', '-q', '--hard', 'HEAD')
    git(repo, 'clean', '-q', '-f', '--', 'docs')
  })

  it('passes with the tree as committed', async () => {
    expect(await staged(repo)).toMatchObject({code: 0, findings: []})
  })

  it('fails on staged trailing whitespace with exactly that finding, and passes once the fix is staged', async () => {
    appendFileSync(join(repo, DOC), '\nA sentence I added here.  \n')
    git(repo, 'add', DOC)
    const failing = await staged(repo)
    expect(failing.code).toBe(1)
    expect(failing.findings).toEqual([{path: DOC, ruleId: 'trailing-whitespace', line: lines + 2, column: 25, severity: 'error'}])
    writeFileSync(join(repo, DOC), original + '\nA sentence I added here.\n')
    git(repo, 'add', DOC)
    const passing = await staged(join(repo, 'docs', 'system'))
    expect(passing).toMatchObject({code: 0, findings: []})
  })

  it('still fails when the fix is not staged', async () => {
    appendFileSync(join(repo, DOC), '\nA sentence I added here.  \n')
    git(repo, 'add', DOC)
    writeFileSync(join(repo, DOC), original + '\nA sentence I added here.\n')
    const result = await staged(repo)
    expect(result.code).toBe(1)
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['trailing-whitespace'])
  })

  it('fails on a staged new document that no toctree lists', async () => {
    writeFileSync(join(repo, NEW_DOC), '.. SPDX-License-Identifier: GPL-2.0-or-later\n\nUnlisted notes\n==============\n\nA page that no toctree mentions.\n')
    git(repo, 'add', NEW_DOC)
    const result = await staged(repo)
    expect(result.code).toBe(1)
    const errors = result.findings.filter((finding) => finding.severity === 'error')
    expect(errors).toEqual([{path: NEW_DOC, ruleId: 'toctree-orphan', line: 1, column: 1, severity: 'error'}])
  })
})
