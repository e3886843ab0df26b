import {describe, expect, test} from 'vitest'
import {MapFiles} from '../../src/patch/map-files.ts'
import {OverlayFiles} from '../../src/patch/overlay.ts'
import {readPatchInput} from '../../src/patch/input.ts'
import {fixture} from './helpers.ts'

describe('MapFiles', () => {
  test('files and implied directories', () => {
    const m = new MapFiles({'docs/a/b.rst': 'x', 'top.txt': 'y'}, '/r')
    expect(m.root).toBe('/r')
    expect(m.list()).toEqual(['docs/a/b.rst', 'top.txt'])
    expect([m.isDirectory('docs'), m.isDirectory('docs/a'), m.isDirectory('docs/a/b.rst'), m.isDirectory('')]).toEqual([true, true, false, true])
    expect([m.exists('docs/a'), m.exists('top.txt'), m.exists('nope')]).toEqual([true, true, false])
    expect(m.read('docs')).toBeUndefined()
  })
})

describe('OverlayFiles', () => {
  test('changes, additions and deletions over a base that stays untouched', () => {
    const base = new MapFiles({'a/x.rst': 'base x', 'a/y.rst': 'base y', 'b/z.rst': 'z'})
    const o = new OverlayFiles(base)
    o.set('a/x.rst', 'new x')
    o.set('c/new.rst', 'n')
    o.delete('b/z.rst')
    expect(o.read('a/x.rst')).toBe('new x')
    expect(o.read('a/y.rst')).toBe('base y')
    expect(o.read('b/z.rst')).toBeUndefined()
    expect(o.list()).toEqual(['a/x.rst', 'a/y.rst', 'c/new.rst'])
    expect([o.isDirectory('b'), o.isDirectory('c'), o.exists('b'), o.exists('c/new.rst')]).toEqual([false, true, false, true])
    expect(o.changedPaths()).toEqual(['a/x.rst', 'c/new.rst'])
    expect(o.deletedPaths()).toEqual(['b/z.rst'])
    expect(base.read('a/x.rst')).toBe('base x')
    expect(base.list()).toEqual(['a/x.rst', 'a/y.rst', 'b/z.rst'])
    o.set('b/z.rst', 'back')
    expect(o.deletedPaths()).toEqual([])
    expect(o.isDirectory('b')).toBe(true)
  })
})

test('an mbox saved with CRLF line ends reads like the LF one', async () => {
  const lf = fixture('frob-series-v3.mbox')
  const crlf = Buffer.from(lf.toString('utf8').replaceAll('\n', '\r\n'))
  const a = await readPatchInput(lf, 'lf')
  const b = await readPatchInput(crlf, 'crlf')
  if (!a.ok || !b.ok) throw new Error('unreadable')
  expect(b.patches.map((p) => p.files)).toEqual(a.patches.map((p) => p.files))
  expect(b.patches.map((p) => p.message)).toEqual(a.patches.map((p) => p.message))
})
