// `--staged` on a small QEMU-like tree (fixtures/trees/mini-qemu) in
// temporary repositories: it lints the index, not the working tree (the
// config included), reports only what the staged change introduces, and
// works from a subdirectory, in a linked worktree and before the first commit.

import {appendFileSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {MINI_QEMU, cleanUp, git, makeRepo, staged, tempDir} from './helpers.ts'

afterAll(cleanUp)

const GLOSSARY = 'docs/glossary.rst'
/** 12 lines in the fixture: the added sentence is line 14, its trailing blanks start at column 21. */
const WITH_TRAILING = '\nAdded closing words.   \n'
const WITHOUT_TRAILING = '\nAdded closing words.\n'
const NEW_DOC = 'Unlisted notes\n==============\n\nA page that no toctree mentions.\n'

function errors<T extends {severity: string}>(findings: T[]): T[] {
  return findings.filter((finding) => finding.severity === 'error')
}

describe('--staged on the mini tree', () => {
  it('passes with nothing staged', async () => {
    const repo = makeRepo(MINI_QEMU)
    expect(await staged(repo)).toMatchObject({code: 0, findings: []})
  })

  it('fails on staged trailing whitespace, at its position, and on nothing older', async () => {
    const repo = makeRepo(MINI_QEMU)
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    const result = await staged(repo)
    expect(result.code).toBe(1)
    expect(result.findings).toEqual([{path: GLOSSARY, ruleId: 'trailing-whitespace', line: 14, column: 21, severity: 'error'}])
  })

  it('passes once the fix is staged', async () => {
    const repo = makeRepo(MINI_QEMU)
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    const original = readFileSync(join(MINI_QEMU, GLOSSARY), 'utf8')
    writeFileSync(join(repo, GLOSSARY), original + WITHOUT_TRAILING)
    git(repo, 'add', GLOSSARY)
    const result = await staged(repo)
    expect(result.code).toBe(0)
    expect(errors(result.findings)).toEqual([])
  })

  it('still fails when the fix is in the working tree only', async () => {
    const repo = makeRepo(MINI_QEMU)
    const original = readFileSync(join(MINI_QEMU, GLOSSARY), 'utf8')
    writeFileSync(join(repo, GLOSSARY), original + WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    writeFileSync(join(repo, GLOSSARY), original + WITHOUT_TRAILING)
    const result = await staged(repo)
    expect(result.code).toBe(1)
    expect(result.findings).toEqual([{path: GLOSSARY, ruleId: 'trailing-whitespace', line: 14, column: 21, severity: 'error'}])
  })

  it('does not see a problem that is in the working tree only', async () => {
    const repo = makeRepo(MINI_QEMU)
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    expect((await staged(repo)).code).toBe(0)
  })

  it('fails on a staged new document that no toctree lists', async () => {
    const repo = makeRepo(MINI_QEMU)
    writeFileSync(join(repo, 'docs/tools/unlisted-notes.rst'), NEW_DOC)
    git(repo, 'add', 'docs/tools/unlisted-notes.rst')
    const result = await staged(repo)
    expect(result.code).toBe(1)
    expect(errors(result.findings)).toEqual([{path: 'docs/tools/unlisted-notes.rst', ruleId: 'toctree-orphan', line: 1, column: 1, severity: 'error'}])
  })

  it('takes the toctree from the index: listing the page there clears the orphan', async () => {
    const repo = makeRepo(MINI_QEMU)
    writeFileSync(join(repo, 'docs/tools/unlisted-notes.rst'), NEW_DOC)
    const index = join(repo, 'docs/tools/index.rst')
    const before = readFileSync(index, 'utf8')
    // Listed on disk but not staged: still an orphan for the commit.
    git(repo, 'add', 'docs/tools/unlisted-notes.rst')
    const listed = before.replace(/(\.\. toctree::\n(?:   [^\n]*\n)*)/, '$1   unlisted-notes\n')
    expect(listed).not.toBe(before)
    writeFileSync(index, listed)
    expect(errors((await staged(repo)).findings).map((finding) => finding.ruleId)).toEqual(['toctree-orphan'])
    git(repo, 'add', 'docs/tools/index.rst')
    expect(errors((await staged(repo)).findings)).toEqual([])
  })

  it('works from a subdirectory of the checkout', async () => {
    const repo = makeRepo(MINI_QEMU)
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    const result = await staged(join(repo, 'docs', 'system'))
    expect(result.code).toBe(1)
    expect(result.findings).toEqual([{path: GLOSSARY, ruleId: 'trailing-whitespace', line: 14, column: 21, severity: 'error'}])
  })

  it('works in a linked worktree, on that worktree’s index', async () => {
    const repo = makeRepo(MINI_QEMU)
    const worktree = join(tempDir(), 'side')
    git(repo, 'worktree', 'add', '-q', '-b', 'side', worktree)
    appendFileSync(join(worktree, GLOSSARY), WITH_TRAILING)
    git(worktree, 'add', GLOSSARY)
    const result = await staged(join(worktree, 'docs'))
    expect(result.code).toBe(1)
    expect(result.findings).toEqual([{path: GLOSSARY, ruleId: 'trailing-whitespace', line: 14, column: 21, severity: 'error'}])
    // The main checkout's index is untouched.
    expect((await staged(repo)).code).toBe(0)
  })

  it('works before the first commit: everything staged is new', async () => {
    const repo = makeRepo(MINI_QEMU, {commit: false})
    writeFileSync(join(repo, 'docs/tools/unlisted-notes.rst'), NEW_DOC.replace('mentions.', 'mentions.  '))
    git(repo, 'add', 'docs/tools/unlisted-notes.rst')
    const result = await staged(repo)
    expect(result.code).toBe(1)
    const mine = result.findings.filter((finding) => finding.path === 'docs/tools/unlisted-notes.rst' && finding.severity === 'error')
    expect(mine).toEqual([
      {path: 'docs/tools/unlisted-notes.rst', ruleId: 'toctree-orphan', line: 1, column: 1, severity: 'error'},
      {path: 'docs/tools/unlisted-notes.rst', ruleId: 'trailing-whitespace', line: 4, column: 33, severity: 'error'},
    ])
  })

  it('--fix fixes the working-tree file when it matches the index, and still fails until it is staged', async () => {
    const repo = makeRepo(MINI_QEMU)
    const original = readFileSync(join(MINI_QEMU, GLOSSARY), 'utf8')
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    const fixed = await staged(repo, ['--fix'])
    expect(fixed.code).toBe(1)
    expect(fixed.findings).toEqual([])
    expect(fixed.stderr).toContain('fixed 1 problem')
    expect(readFileSync(join(repo, GLOSSARY), 'utf8')).toBe(original + WITHOUT_TRAILING)
    git(repo, 'add', GLOSSARY)
    expect((await staged(repo)).code).toBe(0)
  })

  it('--fix leaves a file with unstaged edits alone', async () => {
    const repo = makeRepo(MINI_QEMU)
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    appendFileSync(join(repo, GLOSSARY), '\nMore words, not staged.\n')
    const before = readFileSync(join(repo, GLOSSARY), 'utf8')
    const result = await staged(repo, ['--fix'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('not fixed')
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['trailing-whitespace'])
    expect(readFileSync(join(repo, GLOSSARY), 'utf8')).toBe(before)
  })

  it('judges by the config as staged: an unstaged config edit changes nothing until it is added', async () => {
    const repo = makeRepo(MINI_QEMU)
    writeFileSync(join(repo, '.qemu-rst-lint.json'), '{"extends": "qemu"}\n')
    git(repo, 'add', '.qemu-rst-lint.json')
    git(repo, 'commit', '-q', '--no-verify', '-m', 'config')
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    writeFileSync(join(repo, '.qemu-rst-lint.json'), '{"extends": "qemu", "rules": {"trailing-whitespace": "off"}}\n')
    expect((await staged(repo)).findings.map((finding) => finding.ruleId)).toEqual(['trailing-whitespace'])
    git(repo, 'add', '.qemu-rst-lint.json')
    expect(await staged(repo)).toMatchObject({code: 0, findings: []})
  })

  it('reads an untracked config from the working tree', async () => {
    const repo = makeRepo(MINI_QEMU)
    appendFileSync(join(repo, GLOSSARY), WITH_TRAILING)
    git(repo, 'add', GLOSSARY)
    writeFileSync(join(repo, '.qemu-rst-lint.json'), '{"extends": "qemu", "rules": {"trailing-whitespace": "off"}}\n')
    expect(await staged(repo)).toMatchObject({code: 0, findings: []})
  })

  it('exits 2 outside a git repository, and on paths', async () => {
    const outside = tempDir()
    const result = await staged(outside)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('not inside a git repository')
    const repo = makeRepo(MINI_QEMU)
    expect((await staged(repo, ['docs/index.rst'])).code).toBe(2)
  })
})
