import {describe, expect, test} from 'vitest'
import {readPatchInput} from '../../src/patch/input.ts'
import {jsonStart} from '../../src/patch/patchwork.ts'
import {fixture} from './helpers.ts'

describe('Patchwork API dumps', () => {
  test.each(['patchwork-frob-3.txt', 'patchwork-frob-3.json'])('a patch dump (%s)', async (name) => {
    const r = await readPatchInput(fixture(name), name)
    if (!r.ok) throw new Error(r.error)
    expect(r.kind).toBe('patchwork')
    expect(r.problems).toEqual([])
    const p = r.patches[0]!
    expect(p.subject).toMatchObject({version: 3, index: 3, total: 3, title: 'docs/devices/widget: mark the property as literal text'})
    expect(p.mail).toEqual({
      messageId: '<frob-v3-3@example.org>',
      subject: '[PATCH v3 3/3] docs/devices/widget: mark the property as literal text',
      from: 'Ada Tester <ada@example.org>',
      date: 'Sun, 22 Nov 2026 03:33:40 +0000',
      inReplyTo: '<frob-v3-0@example.org>',
      references: ['<frob-v3-0@example.org>'],
    })
    expect(p.message).toBe('The single backquotes made a cross-reference.\n\nSigned-off-by: Ada Tester <ada@example.org>')
    expect(p.diffLine).toBe(0)
    expect(p.files.map((f) => [f.newPath, f.hunks.length])).toEqual([['docs/devices/widget.rst', 1]])
  })

  test('a series dump has no diffs: a clear error with the mbox URL', async () => {
    const r = await readPatchInput(fixture('patchwork-frob-series.json'), 'series.json')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error).toMatch(/^series\.json: this is a Patchwork \*series\* dump/)
      expect(r.error).toContain("can't be used offline")
      expect(r.error).toContain('https://patchwork.example.org/series/55/mbox/')
    }
  })

  test('a patch dump without `diff`', async () => {
    const json = JSON.parse(fixture('patchwork-frob-3.json').toString('utf8')) as Record<string, unknown>
    json['diff'] = null
    const r = await readPatchInput(Buffer.from(JSON.stringify(json)), 'nodiff.json')
    expect(r).toEqual({ok: false, error: 'nodiff.json: the Patchwork dump "[v3,3/3] docs/devices/widget: mark the property as literal text" has no `diff` (a cover letter or comment?): nothing to lint'})
  })

  test('broken JSON after page text', async () => {
    const r = await readPatchInput(Buffer.from('GET /api/patches/1/\n\n{"diff": "diff --git a/x b/x\\n", "name": \n'), 'cut.txt')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^cut\.txt: looks like a Patchwork API dump but its JSON doesn't parse/)
  })

  test('jsonStart finds the first line opening a JSON value', () => {
    expect(jsonStart('{"a":1}')).toBe(0)
    expect(jsonStart('head\nmore\n{\n')).toBe(10)
    expect(jsonStart('no json')).toBe(-1)
  })
})
