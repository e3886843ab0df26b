import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {applySeries} from '../../src/patch/apply.ts'
import {readGitRange} from '../../src/patch/git.ts'
import {parseLsFiles, readGitIndex} from '../../src/patch/git-index.ts'
import {MapFiles} from '../../src/patch/map-files.ts'
import type {TreeFiles} from '../../src/tree/files.ts'

const hasGit = (() => {
  try {
    execFileSync('git', ['--version'])
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!hasGit)('git ranges and the index', () => {
  let repo = ''
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {cwd: repo}).toString()
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text)

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'qrl-git-'))
    git('init', '-q')
    write('a.rst', 'Title\n=====\n\nFirst.\n')
    git('add', '-A')
    git('commit', '-qm', 'base')
    git('tag', 'base')
    write('a.rst', 'Title\n=====\n\nFirst.\nSecond.\n')
    git('commit', '-qam', 'add a second line')
    write('b.rst', 'Other\n=====\n')
    git('add', 'b.rst')
    git('commit', '-qm', 'add b')
    // Staged but not committed, and a worktree change that is not staged.
    write('a.rst', 'Title\n=====\n\nFirst.\nSecond.\nStaged.\n')
    git('add', 'a.rst')
    write('a.rst', 'worktree only\n')
  })
  afterAll(() => {
    if (repo) rmSync(repo, {recursive: true, force: true})
  })

  test('a range becomes a series, oldest first, applying over the base commit', async () => {
    const input = await readGitRange(repo, 'base..HEAD')
    if (!input.ok) throw new Error(input.error)
    expect(input.kind).toBe('git')
    expect(input.patches.map((p) => [p.subject.index, p.subject.title])).toEqual([
      [1, 'add a second line'],
      [2, 'add b'],
    ])
    const base: TreeFiles = new MapFiles({'a.rst': 'Title\n=====\n\nFirst.\n'})
    const applied = applySeries(base, input)
    expect(applied.problems).toEqual([])
    expect([...applied.changed.get('a.rst')!.lineOrigin]).toEqual([[5, 0]])
    expect([...applied.changed.get('b.rst')!.lineOrigin]).toEqual([[1, 1], [2, 1]])
  })

  test('a single revision means REV..HEAD', async () => {
    const input = await readGitRange(repo, 'HEAD~1')
    expect(input.ok && input.patches.map((p) => p.subject.title)).toEqual(['add b'])
  })

  test('bad ranges are input errors, options are refused', async () => {
    const bad = await readGitRange(repo, 'nosuchrev..HEAD')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/^--git nosuchrev\.\.HEAD: git format-patch failed/)
    expect(await readGitRange(repo, '--output=/tmp/x')).toMatchObject({ok: false})
    expect(await readGitRange(repo, 'HEAD..HEAD')).toEqual({ok: false, error: '--git HEAD..HEAD: the range holds no commits'})
  })

  test('the index as TreeFiles: staged text, not the worktree', async () => {
    const files = await readGitIndex(repo)
    if ('ok' in files) throw new Error(files.error)
    expect(files.list()).toEqual(['a.rst', 'b.rst'])
    expect(files.read('a.rst')).toBe('Title\n=====\n\nFirst.\nSecond.\nStaged.\n')
    expect(files.root).toBe(repo)
    // Files outside `want` are read on demand.
    const lazy = await readGitIndex(repo, (p) => p === 'b.rst')
    if ('ok' in lazy) throw new Error(lazy.error)
    expect(lazy.read('a.rst')).toBe('Title\n=====\n\nFirst.\nSecond.\nStaged.\n')
    expect(lazy.read('missing.rst')).toBeUndefined()
  })

  test('not a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qrl-nogit-'))
    try {
      const r = await readGitIndex(dir)
      expect('ok' in r && r.ok === false).toBe(true)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

test('parseLsFiles keeps stage 0, or "ours" in a conflict', () => {
  const out = [
    '100644 aaaa 0\tdocs/x.rst',
    '100644 bbbb 1\tc.rst',
    '100644 cccc 2\tc.rst',
    '100644 dddd 3\tc.rst',
    '160000 eeee 0\tsub',
    '',
  ].join('\0')
  expect(parseLsFiles(out)).toEqual([
    {mode: '100644', sha: 'aaaa', path: 'docs/x.rst'},
    {mode: '100644', sha: 'cccc', path: 'c.rst'},
    {mode: '160000', sha: 'eeee', path: 'sub'},
  ])
})
