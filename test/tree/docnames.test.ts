import {describe, expect, it} from 'vitest'
import {docnameJoin, editDistance, isExcluded, normalizePath, sphinxPattern} from '../../src/tree/docnames.ts'
import {parseToctreeContent} from '../../src/tree/toctree-entries.ts'

describe('document names', () => {
  it('joins like Sphinx docname_join', () => {
    expect(docnameJoin('system/index', 'devices/net')).toBe('system/devices/net')
    expect(docnameJoin('system/index', '/about/index')).toBe('about/index')
    expect(docnameJoin('specs/fsi', '../system/arm/aspeed')).toBe('system/arm/aspeed')
    // Above the top, `..` vanishes (posixpath.normpath of an absolute path).
    expect(docnameJoin('specs/fsi', '../../system/arm/aspeed')).toBe('system/arm/aspeed')
    expect(normalizePath('docs/../../x')).toBe('../x')
  })

  it('matches Sphinx globs', () => {
    expect(sphinxPattern('system/*').test('system/a')).toBe(true)
    expect(sphinxPattern('system/*').test('system/a/b')).toBe(false)
    expect(sphinxPattern('system/**').test('system/a/b')).toBe(true)
    expect(sphinxPattern('dev-?[0-9]').test('dev-a1')).toBe(true)
    expect(sphinxPattern('[!a]*').test('about')).toBe(false)
    expect(isExcluded('_build/html/x.rst', ['_build'])).toBe(true)
    expect(isExcluded('a/Thumbs.db', ['Thumbs.db'])).toBe(false)
    expect(isExcluded('drafts/x.rst', ['drafts'])).toBe(true)
  })

  it('measures edit distance with a limit', () => {
    expect(editDistance('invokation', 'invocation', 3)).toBe(1)
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3)
  })

  it('reads toctree entries', () => {
    const entries = parseToctreeContent('intro\n\nGuide <setup.rst>\nhttps://example.org/x\nself\ndev-*\n/abs', 'system/index', true)
    expect(entries.map((entry) => [entry.line, entry.kind, entry.title ?? '', entry.docname])).toEqual([
      [0, 'doc', '', 'system/intro'],
      [2, 'doc', 'Guide', 'system/setup'],
      [3, 'url', '', 'https://example.org/x'],
      [4, 'self', '', 'self'],
      [5, 'glob', '', 'system/dev-*'],
      [6, 'doc', '', 'abs'],
    ])
    expect(parseToctreeContent('dev-*', 'index', false)[0]?.kind).toBe('doc')
  })
})
