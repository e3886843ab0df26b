import {describe, expect, test} from 'vitest'
import {looksLikeDiff, parseDiff} from '../../src/patch/diff.ts'
import {splitGitHeader, treePath, unquotePath} from '../../src/patch/paths.ts'

const ok = (text: string) => {
  const r = parseDiff(text)
  if (!r.ok) throw new Error(r.error)
  return r
}

describe('git headers', () => {
  test('modified file with index line, section text and line numbers', () => {
    const r = ok(
      [
        'diff --git a/docs/a.rst b/docs/a.rst',
        'index 1111111..2222222 100644',
        '--- a/docs/a.rst',
        '+++ b/docs/a.rst',
        '@@ -3,3 +3,4 @@ Title here',
        ' one',
        '-two',
        '+deux',
        '+zwei',
        ' three',
        '',
      ].join('\n'),
    )
    expect(r.problems).toEqual([])
    const f = r.files[0]!
    expect(f).toMatchObject({oldPath: 'docs/a.rst', newPath: 'docs/a.rst', status: 'modified', git: true, binary: false, oldMode: '100644', patchLine: 1})
    const h = f.hunks[0]!
    expect(h).toMatchObject({oldStart: 3, oldCount: 3, newStart: 3, newCount: 4, section: 'Title here', patchLine: 5})
    expect(h.lines.map((l) => `${l.kind}${l.text}@${l.patchLine}`)).toEqual([' one@6', '-two@7', '+deux@8', '+zwei@9', ' three@10'])
  })

  test('new file, deleted file and mode change', () => {
    const r = ok(
      [
        'diff --git a/new.rst b/new.rst',
        'new file mode 100644',
        'index 0000000..3333333',
        '--- /dev/null',
        '+++ b/new.rst',
        '@@ -0,0 +1,2 @@',
        '+Hello',
        '+=====',
        'diff --git a/old.rst b/old.rst',
        'deleted file mode 100644',
        'index 4444444..0000000',
        '--- a/old.rst',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-bye',
        'diff --git a/scripts/run.sh b/scripts/run.sh',
        'old mode 100644',
        'new mode 100755',
      ].join('\n'),
    )
    expect(r.files.map((f) => [f.status, f.oldPath, f.newPath])).toEqual([
      ['added', null, 'new.rst'],
      ['deleted', 'old.rst', null],
      ['modified', 'scripts/run.sh', 'scripts/run.sh'],
    ])
    expect(r.files[0]!.newMode).toBe('100644')
    expect(r.files[1]!.hunks[0]).toMatchObject({oldStart: 1, oldCount: 1, newStart: 0, newCount: 0})
    expect(r.files[2]).toMatchObject({oldMode: '100644', newMode: '100755', hunks: []})
  })

  test('rename and copy with similarity', () => {
    const r = ok(
      [
        'diff --git a/docs/old name.rst b/docs/new.rst',
        'similarity index 90%',
        'rename from docs/old name.rst',
        'rename to docs/new.rst',
        'index 5555555..6666666 100644',
        '--- a/docs/old name.rst',
        '+++ b/docs/new.rst',
        '@@ -1,2 +1,2 @@',
        '-Old',
        '+New',
        ' ===',
        'diff --git a/x.rst b/y.rst',
        'similarity index 100%',
        'copy from x.rst',
        'copy to y.rst',
      ].join('\n'),
    )
    expect(r.files[0]).toMatchObject({status: 'renamed', oldPath: 'docs/old name.rst', newPath: 'docs/new.rst', similarity: 90})
    expect(r.files[1]).toMatchObject({status: 'copied', oldPath: 'x.rst', newPath: 'y.rst', similarity: 100, hunks: []})
  })

  test('binary changes are recorded, not parsed, and reported', () => {
    const r = ok(
      [
        'diff --git a/img.png b/img.png',
        'index 7777777..8888888 100644',
        'GIT binary patch',
        'literal 12',
        'TcmZ?wbhEHbRA5kGXJB9e',
        '',
        'literal 0',
        'HcmV?d00001',
        '',
        'diff --git a/logo.bin b/logo.bin',
        'new file mode 100644',
        'index 0000000..9999999',
        'Binary files /dev/null and b/logo.bin differ',
      ].join('\n'),
    )
    expect(r.files.map((f) => [f.newPath, f.status, f.binary])).toEqual([
      ['img.png', 'modified', true],
      ['logo.bin', 'added', true],
    ])
    expect(r.problems.map((p) => [p.kind, p.file, p.line])).toEqual([
      ['binary-patch', 'img.png', 1],
      ['binary-patch', 'logo.bin', 10],
    ])
  })

  test('quoted paths with escapes and octal UTF-8 bytes', () => {
    expect(unquotePath('"a/caf\\303\\251 \\"x\\".rst"')).toBe('a/café "x".rst')
    expect(splitGitHeader('"a/t\\tb" "b/t\\tb"')).toEqual(['"a/t\\tb"', '"b/t\\tb"'])
    expect(splitGitHeader('a/with space.rst b/with space.rst')).toEqual(['a/with space.rst', 'b/with space.rst'])
    const r = ok(['diff --git "a/caf\\303\\251.rst" "b/caf\\303\\251.rst"', 'old mode 100644', 'new mode 100755'].join('\n'))
    expect(r.files[0]!.newPath).toBe('café.rst')
  })

  test('mnemonic prefixes are stripped, --no-prefix paths are kept', () => {
    const r = ok(['diff --git i/docs/x.rst w/docs/x.rst', '--- i/docs/x.rst', '+++ w/docs/x.rst', '@@ -1 +1 @@', '-a', '+b'].join('\n'))
    expect(r.files[0]!.newPath).toBe('docs/x.rst')
    const n = ok(['diff --git docs/x.rst docs/x.rst', '--- docs/x.rst', '+++ docs/x.rst', '@@ -1 +1 @@', '-a', '+b'].join('\n'))
    expect(n.files[0]!.newPath).toBe('docs/x.rst')
  })
})

describe('GNU diff', () => {
  test('timestamps after a tab, -p1 paths, omitted counts, no newline at end', () => {
    const r = ok(
      [
        '--- orig/docs/b.rst\t2026-01-02 10:00:00.000000000 +0100',
        '+++ new/docs/b.rst\t2026-01-02 10:05:00.000000000 +0100',
        '@@ -2 +2,2 @@',
        '-last',
        '\\ No newline at end of file',
        '+last',
        '+more',
        '\\ No newline at end of file',
      ].join('\n'),
    )
    const f = r.files[0]!
    expect(f).toMatchObject({oldPath: 'docs/b.rst', newPath: 'docs/b.rst', status: 'modified', git: false})
    expect(f.hunks[0]).toMatchObject({oldStart: 2, oldCount: 1, newStart: 2, newCount: 2})
    expect(f.hunks[0]!.lines.map((l) => [l.kind, l.text, l.noNewline ?? false])).toEqual([
      ['-', 'last', true],
      ['+', 'last', false],
      ['+', 'more', true],
    ])
  })

  test('diff -N writes an empty range for a new file', () => {
    const r = ok(['--- a/docs/c.rst\t1970-01-01 00:00:00.000000000 +0000', '+++ b/docs/c.rst\t2026-01-02 10:00:00 +0000', '@@ -0,0 +1 @@', '+new'].join('\n'))
    expect(r.files[0]).toMatchObject({status: 'added', oldPath: null, newPath: 'docs/c.rst'})
  })

  test('a `Binary files … differ` line outside git', () => {
    const r = ok('Binary files a/pic.png and b/pic.png differ\n')
    expect(r.files[0]).toMatchObject({newPath: 'pic.png', binary: true})
  })
})

describe('hunk bodies', () => {
  test('an empty line inside a hunk is a blank context line (mailers eat the space)', () => {
    const r = ok(['--- a/d.rst', '+++ b/d.rst', '@@ -1,3 +1,3 @@', ' a', '', '-b', '+c'].join('\n'))
    expect(r.problems).toEqual([])
    expect(r.files[0]!.hunks[0]!.lines.map((l) => l.kind + l.text)).toEqual([' a', ' ', '-b', '+c'])
  })

  test('a hunk cut short is a truncated-diff problem at its header line', () => {
    const r = ok(['diff --git a/d.rst b/d.rst', '--- a/d.rst', '+++ b/d.rst', '@@ -1,4 +1,5 @@', ' a', '+b', ' c'].join('\n'))
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({kind: 'truncated-diff', severity: 'error', line: 4, file: 'b/d.rst', hunk: '@@ -1,4 +1,5 @@'})
    expect(r.problems[0]!.message).toContain('2 of 4 old and 3 of 5 new lines')
    expect(r.files[0]!.hunks[0]!.truncated).toBe(true)
  })

  test('prose after a complete hunk (a mail signature) is not part of it', () => {
    const r = ok(['--- a/d.rst', '+++ b/d.rst', '@@ -1 +1 @@', '-a', '+b', '-- ', '2.39.5', ''].join('\n'))
    expect(r.problems).toEqual([])
    expect(r.files[0]!.hunks[0]!.lines).toHaveLength(2)
  })

  test('a line beyond the counts ends the hunk early', () => {
    const r = ok(['--- a/d.rst', '+++ b/d.rst', '@@ -1,1 +1,2 @@', '+x', '-a', '-b'].join('\n'))
    expect(r.problems[0]!.message).toContain("exceeds the hunk's line counts")
  })

  test('a CRLF-saved patch is read as if it were LF; CRs of a CRLF file are kept', () => {
    const crlfPatch = ok(['--- a/d.rst', '+++ b/d.rst', '@@ -1 +1 @@', '-a', '+b', ''].join('\r\n'))
    expect(crlfPatch.files[0]!.hunks[0]!.lines.map((l) => l.text)).toEqual(['a', 'b'])
    const crlfFile = ok(['--- a/d.rst', '+++ b/d.rst', '@@ -1 +1 @@', '-a\r', '+b\r', ''].join('\n'))
    expect(crlfFile.files[0]!.hunks[0]!.lines.map((l) => l.text)).toEqual(['a\r', 'b\r'])
  })
})

describe('path safety', () => {
  test.each([
    ['diff --git a/../etc/passwd b/../etc/passwd', '--- a/../etc/passwd', '+++ b/../etc/passwd'],
    ['diff --git a/docs/../../x b/docs/../../x', '--- a/docs/../../x', '+++ b/docs/../../x'],
  ])('`..` leaving the tree is an input error', (...head) => {
    const r = parseDiff([...head, '@@ -1 +1 @@', '-a', '+b'].join('\n'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/leaves the tree/)
  })

  test('an absolute path is an input error', () => {
    const r = parseDiff(['--- /etc/hosts', '+++ /etc/hosts', '@@ -1 +1 @@', '-a', '+b'].join('\n'))
    expect(r).toMatchObject({ok: false})
    if (!r.ok) expect(r.error).toMatch(/absolute/)
    expect(treePath('a/./docs//x.rst', true)).toEqual({ok: true, path: 'docs/x.rst'})
  })
})

test('looksLikeDiff', () => {
  expect(looksLikeDiff('hello\nworld\n')).toBe(false)
  expect(looksLikeDiff('text\ndiff --git a/x b/x\n')).toBe(true)
  expect(looksLikeDiff('--- a/x\n+++ b/x\n')).toBe(true)
})
