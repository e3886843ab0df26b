import {describe, expect, test} from 'vitest'
import {readPatchInput} from '../../src/patch/input.ts'
import {parseSubject, subjectLabel} from '../../src/patch/subject.ts'
import type {PatchInput} from '../../src/patch/types.ts'
import {fixture} from './helpers.ts'

async function read(bytes: Buffer | string, name = 'input'): Promise<PatchInput> {
  const r = await readPatchInput(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name)
  if (!r.ok) throw new Error(r.error)
  return r
}

describe('subjects', () => {
  test.each([
    ['[PATCH v6 2/4] docs: add a page', {version: 6, index: 2, total: 4, tags: ['PATCH'], title: 'docs: add a page'}],
    ['[v6,2/4] docs: add a page', {version: 6, index: 2, total: 4, tags: [], title: 'docs: add a page'}],
    ['Re: [RFC PATCH 03/10] x: y', {index: 3, total: 10, tags: ['RFC', 'PATCH'], title: 'x: y'}],
    ['[PATCH-for-10.1 v2] fix', {version: 2, tags: ['PATCH-for-10.1'], title: 'fix'}],
    ['[PATCH] [stable] plain', {tags: ['PATCH', 'stable'], title: 'plain'}],
    ['no prefix at all', {tags: [], title: 'no prefix at all'}],
  ])('%s', (subject, want) => {
    expect(parseSubject(subject)).toEqual(want)
  })

  test('label', () => {
    expect(subjectLabel(parseSubject('[PATCH v3 1/2] t'))).toBe('[PATCH v3 1/2]')
  })
})

describe('mbox series', () => {
  test('cover letter kept apart, patches in [PATCH n/N] order, headers kept', async () => {
    const input = await read(fixture('frob-series-v3.mbox'), 'frob.mbox')
    expect(input.kind).toBe('mbox')
    expect(input.problems).toEqual([])
    expect(input.cover?.subject).toMatchObject({index: 0, total: 3, version: 3, title: 'docs: the widget device'})
    expect(input.cover?.mail?.messageId).toBe('<frob-v3-0@example.org>')
    expect(input.patches.map((p) => [p.index, p.subject.index, p.subject.title])).toEqual([
      [0, 1, 'docs/devices/frob: explain what a tick is'],
      [1, 2, 'docs: document the widget device'],
      [2, 3, 'docs/devices/widget: mark the property as literal text'],
    ])
    const p3 = input.patches[2]!
    expect(p3.mail).toEqual({
      messageId: '<frob-v3-3@example.org>',
      subject: '[PATCH v3 3/3] docs/devices/widget: mark the property as literal text',
      from: 'Ada Tester <ada@example.org>',
      date: 'Sun, 22 Nov 2026 03:33:40 +0000',
      inReplyTo: '<frob-v3-0@example.org>',
      references: ['<frob-v3-0@example.org>'],
    })
    expect(p3.message).toBe('The single backquotes made a cross-reference.\n\nSigned-off-by: Ada Tester <ada@example.org>')
    expect(p3.files.map((f) => f.newPath)).toEqual(['docs/devices/widget.rst'])
    expect(input.patches[1]!.files.map((f) => [f.newPath, f.status])).toEqual([
      ['docs/devices/widget.rst', 'added'],
      ['docs/index.rst', 'modified'],
    ])
  })

  test('a thread mbox: replies are skipped even when they carry a diff; a cover letter diff is not applied', async () => {
    const series = fixture('frob-series-v3.mbox').toString('utf8')
    const three = fixture('frob-widget-3.patch').toString('utf8')
    const reply = three.replace('Subject: [PATCH v3 3/3]', 'Subject: Re: [PATCH v3 3/3]')
    const cover = series.slice(0, series.indexOf('\nFrom ', 10) + 1)
    const interdiff = cover.replace('-- \n2.39.5', 'Interdiff against v2:\ndiff --git a/x.rst b/x.rst\n--- a/x.rst\n+++ b/x.rst\n@@ -1 +1 @@\n-a\n+b\n-- \n2.39.5')
    const input = await read(interdiff + series.slice(cover.length) + '\n' + reply)
    expect(input.patches.map((p) => p.subject.index)).toEqual([1, 2, 3])
    expect(input.cover?.subject.title).toBe('docs: the widget device')
    expect(input.problems.map((p) => p.message)).toEqual(['reply "Re: [PATCH v3 3/3] docs/devices/widget: mark the property as literal text" skipped'])
  })

  test('diffLine points into the mbox file', async () => {
    const bytes = fixture('frob-series-v3.mbox')
    const input = await read(bytes)
    const lines = bytes.toString('utf8').split('\n')
    for (const p of input.patches) {
      expect(p.diffLine).toBeGreaterThan(0)
      expect(lines[p.diffLine - 1]).toBe(p.diffText.split('\n')[0])
      const h = p.files[0]!.hunks[0]!
      expect(lines[p.diffLine + h.patchLine - 2]).toBe(h.header)
    }
  })

  test('a single format-patch file', async () => {
    const input = await read(fixture('frob-widget-3.patch'))
    expect(input.patches).toHaveLength(1)
    expect(input.patches[0]!.subject).toMatchObject({version: 3, index: 3, total: 3})
    expect(input.problems.map((p) => p.message)).toEqual([
      'patches 1/3, 2/3 missing from the input: later patches may not apply and their lines aren\'t linted',
    ])
  })

  test('several versions in one mailbox: the newest is used', async () => {
    const one = fixture('frob-widget-3.patch').toString('utf8')
    const older = one.replace('[PATCH v3 3/3]', '[PATCH v2 3/3]')
    const input = await read(`${older}\n${one}`)
    expect(input.patches).toHaveLength(1)
    expect(input.patches[0]!.subject.version).toBe(3)
    expect(input.problems[0]!.message).toContain('mixes versions v2, v3')
  })

  test('format-patch files joined by `cat` without a blank line between them split into their mails', async () => {
    // What `git format-patch --no-signature` writes: each file ends with its diff.
    const mail = (sha: string, n: number, doc: string) =>
      `From ${sha} Mon Sep 17 00:00:00 2001\nFrom: Ada Tester <ada@example.org>\nSubject: [PATCH ${n}/2] docs: touch ${doc}\n\nBody ${n}.\n---\n` +
      `diff --git a/docs/${doc}.rst b/docs/${doc}.rst\n--- a/docs/${doc}.rst\n+++ b/docs/${doc}.rst\n@@ -1 +1,2 @@\n Title\n+More.\n`
    const input = await read(mail('a'.repeat(40), 1, 'one') + mail('b'.repeat(40), 2, 'two'))
    expect(input.patches.map((p) => [p.subject.index, p.files.map((f) => f.newPath)])).toEqual([
      [1, ['docs/one.rst']],
      [2, ['docs/two.rst']],
    ])
  })

  test('a `From ` body line right after text is not a separator unless it is format-patch\'s own', async () => {
    const text = 'From: Ada Tester <ada@example.org>\nSubject: [PATCH] docs: x\n\nQuoted:\nFrom someone else\nSubject: not a header here\n---\n' +
      'diff --git a/docs/x.rst b/docs/x.rst\n--- a/docs/x.rst\n+++ b/docs/x.rst\n@@ -1 +1,2 @@\n Title\n+More.\n'
    const input = await read(text)
    expect(input.patches).toHaveLength(1)
    expect(input.patches[0]!.message).toContain('From someone else')
  })
})

describe('transfer encodings', () => {
  test('quoted-printable body is decoded', async () => {
    const input = await read(fixture('frob-widget-2-qp.eml'))
    const widget = input.patches[0]!.files[0]!
    expect(widget.hunks[0]!.lines[1]!.text).toBe('=================')
    expect(input.patches[0]!.diffLine).toBe(0) // decoded text has no line in the file
    // The `=20` context line survives decoding as a one-space context line.
    const index = input.patches[0]!.files[1]!.hunks[0]!
    expect(index.lines.map((l) => l.kind + l.text)).toEqual(['    :maxdepth: 2', ' ', '    devices/frob', '+   devices/widget'])
  })

  test('base64 body is decoded', async () => {
    const input = await read(fixture('frob-widget-2-base64.eml'))
    expect(input.patches[0]!.subject.index).toBe(2)
    expect(input.patches[0]!.files[0]!.hunks[0]!.lines.map((l) => l.text)).toContain('Set `widget.rate` to choose how often it reads.')
  })

  test('charset and encoded-word subject', async () => {
    const mail = [
      'From: =?UTF-8?q?Zo=C3=A9?= <zoe@example.org>',
      'Subject: =?UTF-8?q?=5BPATCH=5D_docs=3A_caf=C3=A9?=',
      'Message-ID: <x1@example.org>',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Un caf=C3=A9.',
      '---',
      'diff --git a/c.rst b/c.rst',
      '--- a/c.rst',
      '+++ b/c.rst',
      '@@ -1 +1 @@',
      '-the',
      '+caf=C3=A9',
      '',
    ].join('\n')
    const input = await read(mail)
    const p = input.patches[0]!
    expect(p.subject.title).toBe('docs: café')
    expect(p.mail?.from).toBe('Zoé <zoe@example.org>')
    expect(p.message).toBe('Un café.')
    expect(p.files[0]!.hunks[0]!.lines[1]!.text).toBe('café')
  })

  test('a patch attached as a MIME part', async () => {
    const diff = ['diff --git a/a.rst b/a.rst', '--- a/a.rst', '+++ b/a.rst', '@@ -1 +1 @@', '-x', '+y', ''].join('\n')
    const mail = [
      'From: Bo <bo@example.org>',
      'Subject: [PATCH] attach',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="BOUND"',
      '',
      '--BOUND',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See the attachment.',
      '--BOUND',
      'Content-Type: text/x-patch; name="fix.patch"',
      'Content-Disposition: attachment; filename="fix.patch"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(diff).toString('base64'),
      '--BOUND--',
      '',
    ].join('\n')
    const input = await read(mail)
    expect(input.patches[0]!.message).toBe('See the attachment.')
    expect(input.patches[0]!.files[0]!.hunks[0]!.lines.map((l) => l.kind + l.text)).toEqual(['-x', '+y'])
  })
})

describe('input errors', () => {
  test('invalid UTF-8 names the byte offset', async () => {
    const bytes = Buffer.concat([Buffer.from('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+caf'), Buffer.from([0xe9]), Buffer.from('\n')])
    const r = await readPatchInput(bytes, 'bad.patch')
    expect(r).toEqual({
      ok: false,
      error:
        'bad.patch: invalid UTF-8 at byte offset 35 (bytes 0xe9 0x0a); QEMU patches must be UTF-8 — re-encode the file (e.g. `iconv -f latin1 -t utf-8`)',
    })
  })

  test('not a patch', async () => {
    const r = await readPatchInput(Buffer.from('Just some notes.\nNothing to apply.\n'), 'notes.txt')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^notes\.txt: not a patch/)
  })

  test('an e-mail without any diff', async () => {
    const r = await readPatchInput(Buffer.from('From: a@b.c\nSubject: hello\n\nNo patch here.\n'), 'hi.eml')
    expect(r).toEqual({ok: false, error: 'hi.eml: no diff found in the message'})
  })

  test('empty input', async () => {
    expect(await readPatchInput(Buffer.alloc(0), 'e')).toEqual({ok: false, error: 'e: the input is empty'})
  })

  test('a path escaping the tree inside a mail', async () => {
    const text = fixture('frob-widget-3.patch').toString('utf8').replaceAll('docs/devices/widget.rst', 'docs/../../widget.rst')
    const r = await readPatchInput(Buffer.from(text), 'x.patch')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^x\.patch:13: path `a\/docs\/\.\.\/\.\.\/widget\.rst` leaves the tree/)
  })
})

test('plain diff with a preamble keeps file line numbers', async () => {
  const text = ['Some words first.', '', 'diff --git a/a.rst b/a.rst', '--- a/a.rst', '+++ b/a.rst', '@@ -1 +1,2 @@', ' x', '+y'].join('\n')
  const input = await read(text)
  expect(input.kind).toBe('diff')
  expect(input.patches[0]!.diffLine).toBe(3)
  expect(input.patches[0]!.message).toBe('Some words first.')
  const r = await readPatchInput(Buffer.from(text.replace('@@ -1 +1,2 @@', '@@ -1,3 +1,4 @@')), 'cut.diff')
  expect(r.ok && r.problems.map((p) => [p.kind, p.line])).toEqual([['truncated-diff', 6]])
})
