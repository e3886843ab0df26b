// Bad inputs end with exit 2 and one message naming what is wrong (never a
// stack trace, never a write); a hunk that doesn't apply is a `patch-apply`
// error of its file, and its added lines are still linted with the context
// the hunk carries.

import {describe, expect, test} from 'vitest'
import {flatten, runPatch, TREE} from './helpers.ts'

const tree = ['--tree', TREE]

describe('input errors: exit 2 with a message', () => {
  test.each([
    ['not a patch', 'Just some words.\nNothing else.\n', 'not a patch'],
    ['an empty input', '', 'the input is empty'],
    ['a truncated diff', 'diff --git a/docs/about.rst b/docs/about.rst\n--- a/docs/about.rst\n+++ b/docs/about.rst\n@@ -5,3 +5,4 @@\n About\n', 'truncated'],
    ['Patchwork JSON without a diff', '{"name": "[PATCH 0/2] docs: cover", "msgid": "<c@example.org>", "content": "Hello"}', 'has no `diff`'],
    ['a path leaving the tree', 'diff --git a/../x.rst b/../x.rst\n--- a/../x.rst\n+++ b/../x.rst\n@@ -1 +1 @@\n-a\n+b\n', 'leaves the tree'],
  ])('%s', async (_, input, expected) => {
    const {code, stdout, stderr} = await runPatch([...tree, '-'], input)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(expected)
    expect(stderr).not.toContain('    at ')
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  test('invalid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('diff --git a/docs/about.rst b/docs/about.rst\n--- a/docs/about.rst\n+++ b/docs/about.rst\n@@ -6 +6 @@\n-x\n+caf'), Buffer.from([0xe9, 0x0a])])
    const {code, stderr} = await runPatch([...tree, '-'], bytes)
    expect(code).toBe(2)
    expect(stderr).toContain('invalid UTF-8')
  })

  test('usage mistakes', async () => {
    expect((await runPatch(tree)).stderr).toContain('no input')
    expect((await runPatch([...tree, 'no-such.patch'])).stderr).toContain('no-such.patch: cannot read the patch (no such file)')
    expect((await runPatch([...tree, '--format', 'xml', '-'], 'x')).stderr).toContain('unknown format "xml"')
    expect((await runPatch(['--tree', '/', '-'], 'x')).stderr).toContain('not a QEMU tree')
    expect((await runPatch([...tree, '--git', 'HEAD~1..HEAD', 'x.patch'])).code).toBe(2)
  })
})

describe('hunks that do not apply', () => {
  test('a patch-apply error, and the hunk\'s added lines linted in their own context', async () => {
    const diff = [
      'diff --git a/docs/tools/crank.rst b/docs/tools/crank.rst',
      '--- a/docs/tools/crank.rst',
      '+++ b/docs/tools/crank.rst',
      '@@ -20,3 +20,3 @@ Missing',
      ' These context lines',
      '-and this removed one',
      '+and this one adds `-x` for nothing.',
      ' at all.',
      '',
    ].join('\n')
    const {code, stdout} = await runPatch([...tree, '--format', 'json', '-'], diff)
    expect(code).toBe(1)
    const messages = flatten(stdout)
    expect(messages.map((m) => `${m.path}:${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      'docs/tools/crank.rst:20:1 patch-apply',
      'docs/tools/crank.rst:21:19 single-backtick',
    ])
    expect(messages[0]!.message).toContain("hunk `@@ -20,3 +20,3 @@ Missing` of `docs/tools/crank.rst` doesn't apply")
  })

  test('a change to a file the tree lacks', async () => {
    const diff = 'diff --git a/docs/gone.rst b/docs/gone.rst\n--- a/docs/gone.rst\n+++ b/docs/gone.rst\n@@ -1,2 +1,2 @@\n Gone\n-old\n+new text  \n'
    const {code, stdout} = await runPatch([...tree, '--format', 'json', '-'], diff)
    expect(code).toBe(1)
    expect(flatten(stdout).map((m) => `${m.path}:${m.line} ${m.ruleId}`)).toEqual(['docs/gone.rst:1 patch-apply', 'docs/gone.rst:2 trailing-whitespace'])
  })
})
