import {describe, expect, test} from 'vitest'
import {applySeries} from '../../src/patch/apply.ts'
import {readPatchInput} from '../../src/patch/input.ts'
import {MapFiles} from '../../src/patch/map-files.ts'
import type {PatchInput} from '../../src/patch/types.ts'
import {fixture, fixtureTree} from './helpers.ts'

async function input(text: string | Buffer): Promise<PatchInput> {
  const r = await readPatchInput(typeof text === 'string' ? Buffer.from(text) : text, 'test.patch')
  if (!r.ok) throw new Error(r.error)
  return r
}

/** An mbox of numbered patches, each a subject and a diff. */
function mbox(patches: [string, string][]): string {
  return patches
    .map(
      ([subject, diff], i) =>
        `From 0000 Mon Sep 17 00:00:00 2001\nFrom: T <t@example.org>\nSubject: [PATCH ${i + 1}/${patches.length}] ${subject}\n\nMessage.\n---\n${diff}\n`,
    )
    .join('\n')
}

const numbered = (n: number, from = 1) => Array.from({length: n}, (_, i) => `line ${i + from}`).join('\n') + '\n'

describe('a series over a tree', () => {
  test('lines are attributed to the patch that wrote them last', async () => {
    const base = fixtureTree('frob-base')
    const applied = applySeries(base, await input(fixture('frob-series-v3.mbox')))
    expect(applied.problems).toEqual([])
    const frob = applied.changed.get('docs/devices/frob.rst')!
    expect([...frob.lineOrigin]).toEqual([[5, 0]])
    expect(applied.files.read('docs/devices/frob.rst')!.split('\n')[4]).toBe('Each turn of the crank adds one tick.')
    const widget = applied.changed.get('docs/devices/widget.rst')!
    expect(widget.status).toBe('added')
    expect([...widget.lineOrigin]).toEqual([[1, 1], [2, 1], [3, 1], [4, 1], [5, 2]])
    expect(applied.files.read('docs/devices/widget.rst')!.split('\n')[4]).toBe('Set ``widget.rate`` to choose how often it reads.')
    expect([...applied.changed.get('docs/index.rst')!.addedLines]).toEqual([8])
    expect(applied.patches.map((p) => [p.index, p.title, p.files, p.applied])).toEqual([
      [0, 'docs/devices/frob: explain what a tick is', ['docs/devices/frob.rst'], true],
      [1, 'docs: document the widget device', ['docs/devices/widget.rst', 'docs/index.rst'], true],
      [2, 'docs/devices/widget: mark the property as literal text', ['docs/devices/widget.rst'], true],
    ])
    // The base is never written.
    expect(base.read('docs/devices/widget.rst')).toBeUndefined()
    expect(base.read('docs/index.rst')).not.toContain('widget')
    expect(applied.files.list()).toEqual(['MAINTAINERS', 'docs/devices/frob.rst', 'docs/devices/widget.rst', 'docs/index.rst'])
  })

  test('a line added by patch 1 and removed by patch 2 disappears', async () => {
    const base = new MapFiles({'a.rst': 'one\ntwo\n'})
    const series = mbox([
      ['add', ['--- a/a.rst', '+++ b/a.rst', '@@ -1,2 +1,4 @@', ' one', '+temp', '+keep', ' two'].join('\n')],
      ['drop', ['--- a/a.rst', '+++ b/a.rst', '@@ -1,4 +1,3 @@', ' one', '-temp', ' keep', ' two'].join('\n')],
    ])
    const applied = applySeries(base, await input(series))
    expect(applied.files.read('a.rst')).toBe('one\nkeep\ntwo\n')
    expect([...applied.changed.get('a.rst')!.lineOrigin]).toEqual([[2, 0]])
  })
})

describe('placing hunks (patch --fuzz=3)', () => {
  test('exact position', async () => {
    const base = new MapFiles({'f.txt': numbered(10)})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -4,2 +4,3 @@', ' line 4', '+new', ' line 5'].join('\n')))
    expect(r.changed.get('f.txt')!.hunks[0]).toMatchObject({applied: true, at: 4, offset: 0, fuzz: 0, loose: false})
    expect([...r.changed.get('f.txt')!.addedLines]).toEqual([5])
    expect(r.problems).toEqual([])
  })

  test('offset: found 5 lines below, and the next hunk follows that offset', async () => {
    const base = new MapFiles({'f.txt': 'x\nx\nx\nx\nx\n' + numbered(20)})
    const diff = [
      '--- a/f.txt',
      '+++ b/f.txt',
      '@@ -2,3 +2,4 @@',
      ' line 2',
      '+after two',
      ' line 3',
      ' line 4',
      '@@ -12,3 +13,3 @@',
      ' line 12',
      '-line 13',
      '+LINE 13',
      ' line 14',
    ].join('\n')
    const r = applySeries(base, await input(diff))
    const f = r.changed.get('f.txt')!
    expect(f.hunks.map((h) => [h.at, h.offset, h.fuzz])).toEqual([
      [7, 5, 0],
      [17, 5, 0],
    ])
    const text = r.files.read('f.txt')!.split('\n')
    expect(text[7]).toBe('after two')
    expect(text[18]).toBe('LINE 13')
    expect([...f.addedLines]).toEqual([8, 19])
  })

  test('the nearest of two matching places wins', async () => {
    const base = new MapFiles({'f.txt': 'a\nb\nc\n' + numbered(10) + 'a\nb\nc\n'})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -12,3 +12,4 @@', ' a', '+NEW', ' b', ' c'].join('\n')))
    expect(r.changed.get('f.txt')!.hunks[0]).toMatchObject({at: 14, offset: 2})
  })

  test('fuzz: an outer context line that differs is ignored', async () => {
    const base = new MapFiles({'f.txt': numbered(10).replace('line 3', 'line three')})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -3,4 +3,5 @@', ' line 3', ' line 4', '+new', ' line 5', ' line 6'].join('\n')))
    expect(r.changed.get('f.txt')!.hunks[0]).toMatchObject({applied: true, at: 3, fuzz: 1})
    // The file's own context text is kept, not the patch's.
    expect(r.files.read('f.txt')!.split('\n').slice(2, 6)).toEqual(['line three', 'line 4', 'new', 'line 5'])
  })

  test('fuzz also drops context past the end of the file', async () => {
    const base = new MapFiles({'f.txt': numbered(4)})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -2,4 +2,5 @@', ' line 2', ' line 3', '+new', ' line 4', ' line 5'].join('\n')))
    expect(r.changed.get('f.txt')!.hunks[0]).toMatchObject({at: 2, fuzz: 1})
    expect(r.files.read('f.txt')).toBe('line 1\nline 2\nline 3\nnew\nline 4\n')
  })

  test('whitespace-damaged context applies, with a warning', async () => {
    const base = new MapFiles({'f.txt': '   alpha\n   beta\n   gamma\n'})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -1,3 +1,4 @@', ' alpha', ' beta', '+   delta', ' gamma'].join('\n')))
    expect(r.changed.get('f.txt')!.hunks[0]).toMatchObject({applied: true, loose: true, fuzz: 0})
    expect(r.files.read('f.txt')).toBe('   alpha\n   beta\n   delta\n   gamma\n')
    expect(r.problems.map((p) => [p.kind, p.severity, p.file])).toEqual([['whitespace-damage', 'warning', 'f.txt']])
  })

  test('a zero-context insertion (diff -U0) goes after the stated line', async () => {
    const base = new MapFiles({'f.txt': numbered(5)})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -2,0 +3,1 @@', '+inserted'].join('\n')))
    expect(r.files.read('f.txt')!.split('\n')[2]).toBe('inserted')
  })

  test('a hunk anchored at the start of the file stays there', async () => {
    const base = new MapFiles({'f.txt': 'top\n' + numbered(5)})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -1,2 +1,3 @@', '+header', ' line 1', ' line 2'].join('\n')))
    // The context exists at line 2, but a hunk without leading context must match line 1.
    expect(r.changed.get('f.txt')!.hunks[0]).toMatchObject({applied: true, at: 1, fuzz: 2})
    expect(r.files.read('f.txt')!.split('\n').slice(0, 2)).toEqual(['header', 'top'])
  })
})

describe('hunks that do not apply', () => {
  const diff = [
    'diff --git a/f.txt b/f.txt',
    '--- a/f.txt',
    '+++ b/f.txt',
    '@@ -2,7 +2,8 @@ Section',
    ' nothing',
    ' like',
    ' this',
    '-is',
    '+was',
    '+here',
    ' in',
    ' the',
    ' file',
    '@@ -8,3 +9,4 @@',
    ' line 8',
    '+fine',
    ' line 9',
    ' line 10',
  ].join('\n')

  test('a patch-apply problem; the file keeps the other hunks; the rejected hunk is kept for linting', async () => {
    const base = new MapFiles({'f.txt': numbered(10)})
    const inp = await input(`From: T <t@example.org>\nSubject: [PATCH] broken hunk\n\n---\n${diff}\n`)
    const r = applySeries(base, inp)
    expect(r.problems).toHaveLength(1)
    const p = r.problems[0]!
    expect(p).toMatchObject({kind: 'patch-apply', severity: 'error', file: 'f.txt', hunk: '@@ -2,7 +2,8 @@ Section', patch: 0, patchTitle: 'broken hunk', line: 8})
    expect(p.message).toContain("doesn't apply: no place in the file matches its 7 old lines")
    const f = r.changed.get('f.txt')!
    expect(f.hunks.map((h) => h.applied)).toEqual([false, true])
    expect(r.files.read('f.txt')).toBe(numbered(10).replace('line 8\n', 'line 8\nfine\n'))
    expect([...f.addedLines]).toEqual([9])
    expect(f.rejected).toEqual([{patch: 0, header: '@@ -2,7 +2,8 @@ Section', text: 'nothing\nlike\nthis\nwas\nhere\nin\nthe\nfile\n', added: [4, 5], newStart: 2}])
    expect(r.patches[0]!.applied).toBe(false)
  })

  test('an already-applied hunk is recognised', async () => {
    const base = new MapFiles({'f.txt': numbered(5).replace('line 3', 'LINE 3')})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -2,3 +2,3 @@', ' line 2', '-line 3', '+LINE 3', ' line 4'].join('\n')))
    expect(r.changed.get('f.txt')!.hunks[0]!.applied).toBe(false)
    expect(r.problems[0]!.message).toContain("doesn't apply: it seems already applied (its new lines are at line 2)")
  })

  test('a pure addition whose context matches nowhere lands where stated, with a warning (GNU fuzz 3)', async () => {
    const base = new MapFiles({'f.txt': 'other\ntext\nzzz\nmore\nend\n'})
    const r = applySeries(base, await input(['--- a/f.txt', '+++ b/f.txt', '@@ -1,6 +1,7 @@', ' a1', ' a2', ' a3', '+added', ' a4', ' a5', ' a6'].join('\n')))
    expect(r.changed.get('f.txt')!.hunks[0]).toMatchObject({applied: true, at: 1, fuzz: 3})
    expect(r.files.read('f.txt')).toBe('other\ntext\nzzz\nadded\nmore\nend\n')
    expect(r.problems.map((p) => [p.kind, p.severity])).toEqual([['patch-fuzz', 'warning']])
    expect(r.problems[0]!.message).toContain('none of its context matches')
  })

  test('a change to a file the tree lacks', async () => {
    const r = applySeries(new MapFiles({}), await input(diff))
    expect(r.problems.map((p) => [p.kind, p.file])).toEqual([['patch-apply', 'f.txt']])
    expect(r.problems[0]!.message).toContain("doesn't exist in the tree")
    expect(r.files.read('f.txt')).toBeUndefined()
    expect(r.changed.get('f.txt')!.rejected.map((h) => h.added)).toEqual([[4, 5], [2]])
  })

  test('a new file that already exists is replaced, with a problem', async () => {
    const base = new MapFiles({'n.txt': 'old\n'})
    const r = applySeries(base, await input(['diff --git a/n.txt b/n.txt', 'new file mode 100644', '--- /dev/null', '+++ b/n.txt', '@@ -0,0 +1 @@', '+fresh'].join('\n')))
    expect(r.problems[0]!.message).toContain('which already exists')
    expect(r.files.read('n.txt')).toBe('fresh\n')
  })
})

describe('file operations', () => {
  test('delete, rename with a hunk, mode change, binary', async () => {
    const base = new MapFiles({'gone.rst': 'bye\n', 'docs/old.rst': 'Title\n=====\n\nText.\n', 'run.sh': 'echo\n', 'pic.png': 'PNG'})
    const diff = [
      'diff --git a/gone.rst b/gone.rst',
      'deleted file mode 100644',
      '--- a/gone.rst',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/docs/old.rst b/docs/new.rst',
      'similarity index 80%',
      'rename from docs/old.rst',
      'rename to docs/new.rst',
      '--- a/docs/old.rst',
      '+++ b/docs/new.rst',
      '@@ -2,3 +2,3 @@',
      ' =====',
      ' ',
      '-Text.',
      '+More text.',
      'diff --git a/run.sh b/run.sh',
      'old mode 100644',
      'new mode 100755',
      'diff --git a/pic.png b/pic.png',
      'index 1234567..89abcde 100644',
      'Binary files a/pic.png and b/pic.png differ',
    ].join('\n')
    const r = applySeries(base, await input(diff))
    expect(r.problems.map((p) => p.kind)).toEqual(['binary-patch'])
    expect(r.files.exists('gone.rst')).toBe(false)
    expect(r.files.exists('docs/old.rst')).toBe(false)
    expect(r.files.read('docs/new.rst')).toBe('Title\n=====\n\nMore text.\n')
    expect(r.files.isDirectory('docs')).toBe(true)
    expect(r.files.list()).toEqual(['docs/new.rst', 'pic.png', 'run.sh'])
    expect(r.changed.get('docs/new.rst')).toMatchObject({status: 'renamed', oldPath: 'docs/old.rst'})
    expect([...r.changed.get('docs/new.rst')!.addedLines]).toEqual([4])
    expect(r.changed.get('run.sh')).toMatchObject({status: 'modified', oldMode: '100644', newMode: '100755'})
    expect(r.changed.get('gone.rst')!.status).toBe('deleted')
    expect(r.changed.get('pic.png')!.binary).toBe(true)
    expect(r.files.read('pic.png')).toBe('PNG')
  })

  test('CRLF files keep CRLF, also when the patch lost its CRs', async () => {
    const base = new MapFiles({'w.txt': 'a\r\nb\r\nc\r\n'})
    const lost = applySeries(base, await input(['--- a/w.txt', '+++ b/w.txt', '@@ -1,3 +1,4 @@', ' a', ' b', '+new', ' c'].join('\n')))
    expect(lost.files.read('w.txt')).toBe('a\r\nb\r\nnew\r\nc\r\n')
    const kept = applySeries(base, await input(['--- a/w.txt', '+++ b/w.txt', '@@ -1,3 +1,4 @@', ' a\r', ' b\r', '+new\r', ' c\r', ''].join('\n')))
    expect(kept.files.read('w.txt')).toBe('a\r\nb\r\nnew\r\nc\r\n')
  })

  test('no newline at end of file, before and after', async () => {
    const base = new MapFiles({'e.txt': 'one\ntwo'})
    const diff = ['--- a/e.txt', '+++ b/e.txt', '@@ -1,2 +1,3 @@', ' one', '-two', '\\ No newline at end of file', '+two', '+three', '\\ No newline at end of file'].join('\n')
    const r = applySeries(base, await input(diff))
    expect(r.files.read('e.txt')).toBe('one\ntwo\nthree')
    const fix = ['--- a/e.txt', '+++ b/e.txt', '@@ -1,2 +1,2 @@', ' one', '-two', '\\ No newline at end of file', '+two'].join('\n')
    expect(applySeries(base, await input(fix)).files.read('e.txt')).toBe('one\ntwo\n')
  })
})
