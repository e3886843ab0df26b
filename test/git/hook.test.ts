// install-hook / uninstall-hook in temporary repositories: where the hook
// goes (hooks dir, core.hooksPath, the common dir of a worktree), that a
// foreign hook is kept unless --force and never removed, and that the
// installed hook really stops `git commit` on a problem the commit introduces.

import {spawnSync} from 'node:child_process'
import {appendFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {HOOK_SIGNATURE} from '../../src/cli/hook-command.ts'
import {MINI_QEMU, ROOT, cleanUp, cli, git, makeRepo, tempDir} from './helpers.ts'

afterAll(cleanUp)

const FOREIGN = '#!/bin/sh\necho a hook of my own\n'

describe('install-hook and uninstall-hook', () => {
  it('writes an executable pre-commit hook with its signature, and updates its own', async () => {
    const repo = makeRepo(MINI_QEMU)
    const first = await cli(join(repo, 'docs'), ['install-hook'])
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('installed')
    const hook = join(repo, '.git', 'hooks', 'pre-commit')
    const text = readFileSync(hook, 'utf8')
    expect(text.startsWith('#!/bin/sh\n')).toBe(true)
    expect(text).toContain(HOOK_SIGNATURE)
    expect(text).toContain('--staged')
    expect(statSync(hook).mode & 0o777).toBe(0o755)
    const again = await cli(repo, ['install-hook'])
    expect(again).toMatchObject({code: 0})
    expect(again.stdout).toContain('updated')
  })

  it('keeps a hook it did not write unless --force, which moves it aside', async () => {
    const repo = makeRepo(MINI_QEMU)
    const hook = join(repo, '.git', 'hooks', 'pre-commit')
    writeFileSync(hook, FOREIGN, {mode: 0o755})
    const refused = await cli(repo, ['install-hook'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--force')
    expect(readFileSync(hook, 'utf8')).toBe(FOREIGN)
    const forced = await cli(repo, ['install-hook', '--force'])
    expect(forced.code).toBe(0)
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_SIGNATURE)
    expect(readFileSync(`${hook}.qemu-rst-lint-backup`, 'utf8')).toBe(FOREIGN)
  })

  it('uninstall-hook removes only its own hook', async () => {
    const repo = makeRepo(MINI_QEMU)
    const hook = join(repo, '.git', 'hooks', 'pre-commit')
    expect((await cli(repo, ['uninstall-hook'])).code).toBe(0)
    await cli(repo, ['install-hook'])
    expect((await cli(repo, ['uninstall-hook'])).code).toBe(0)
    expect(existsSync(hook)).toBe(false)
    writeFileSync(hook, FOREIGN, {mode: 0o755})
    const refused = await cli(repo, ['uninstall-hook'])
    expect(refused.code).toBe(2)
    expect(readFileSync(hook, 'utf8')).toBe(FOREIGN)
  })

  it('honours core.hooksPath', async () => {
    const repo = makeRepo(MINI_QEMU)
    git(repo, 'config', 'core.hooksPath', 'tools/hooks')
    expect((await cli(join(repo, 'docs'), ['install-hook'])).code).toBe(0)
    expect(readFileSync(join(repo, 'tools', 'hooks', 'pre-commit'), 'utf8')).toContain(HOOK_SIGNATURE)
    expect(existsSync(join(repo, '.git', 'hooks', 'pre-commit'))).toBe(false)
  })

  it('from a linked worktree, writes to the common git dir that all worktrees use', async () => {
    const repo = makeRepo(MINI_QEMU)
    const worktree = join(tempDir(), 'side')
    git(repo, 'worktree', 'add', '-q', '-b', 'side', worktree)
    expect((await cli(worktree, ['install-hook'])).code).toBe(0)
    expect(readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain(HOOK_SIGNATURE)
  })
})

describe('the installed hook on git commit', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build.js'], {cwd: ROOT, encoding: 'utf8'})
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`)
  })

  it('stops a commit that adds trailing whitespace and lets the fixed one through', async () => {
    const repo = makeRepo(MINI_QEMU)
    // A project-local install, as the hook looks for it first.
    mkdirSync(join(repo, 'node_modules', '.bin'), {recursive: true})
    symlinkSync(join(ROOT, 'bin', 'qemu-rst-lint.js'), join(repo, 'node_modules', '.bin', 'qemu-rst-lint'))
    expect((await cli(repo, ['install-hook'])).code).toBe(0)
    const glossary = join(repo, 'docs', 'glossary.rst')
    const original = readFileSync(glossary, 'utf8')
    appendFileSync(glossary, '\nAdded closing words.   \n')
    git(repo, 'add', 'docs/glossary.rst')
    const refused = spawnSync('git', ['commit', '-q', '-m', 'add words'], {cwd: repo, encoding: 'utf8'})
    expect(refused.status).not.toBe(0)
    expect(refused.stdout + refused.stderr).toContain('trailing-whitespace')
    expect(git(repo, 'rev-list', '--count', 'HEAD').trim()).toBe('1')
    writeFileSync(glossary, original + '\nAdded closing words.\n')
    // `commit -a` stages the fix in a temporary index: the hook must read that one.
    const accepted = spawnSync('git', ['commit', '-q', '-a', '-m', 'add words'], {cwd: repo, encoding: 'utf8'})
    expect(accepted.stderr).toBe('')
    expect(accepted.status).toBe(0)
    expect(git(repo, 'rev-list', '--count', 'HEAD').trim()).toBe('2')
  })
})
