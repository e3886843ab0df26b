import {describe, expect, it} from 'vitest'
import {globMatches, globTokens} from '../../src/tree/glob-match.ts'
import {parseMaintainers} from '../../src/tree/maintainers.ts'

const VALUES = [
  '*', '*/', 'a*', '*a', 'a*b*c', 'hw/*/virt*', 'hw/*/e1000[xy].c', '[ab]*', '[a-c]x', '[-a]', '[a-]', '[--z]', '[]x', '[.]', '[*]', '[?]',
  'x?', '??', '*.[ch]', 'docs/*/conf.py', '*/net/*', 'a]b*', '[a-c-e]*', '*[!]*', 'a.b*', '*.*', 'a**b', '*?*', 'x[z-a]', 'ab[',
]
const PATHS = [
  '', 'a', 'ab', 'abc', 'aXbYc', 'a.b', 'a.bc', 'hw/arm/virt.c', 'hw/net/e1000x.c', 'hw/net/e1000z.c', 'x', 'xy', 'b', '-', 'c', 'd', '.', '*', '?',
  'docs/system/conf.py', 'docs/conf.py', 'hw/net/tap.c', 'a]bc', 'e', 'f', '!', 'a\nb', 'x\ny', 'ab\r', 'a\u2028bc', 'file.h', 'dir/file.c',
]

describe('globMatches', () => {
  it('agrees with the regex a plain glob becomes', () => {
    const patterns = parseMaintainers(`S\nM: x <x@example.org>\n${VALUES.map((value) => `F: ${value}`).join('\n')}\n`).patterns
    let compared = 0
    for (const pattern of patterns) {
      const tokens = globTokens(pattern.source)
      if (!tokens || !pattern.regex) continue
      for (const path of PATHS) {
        expect(globMatches(tokens, path), `${pattern.source} ${JSON.stringify(path)}`).toBe(new RegExp(`^${pattern.source}`).test(path))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(PATHS.length * 25)
  })

  it('leaves regex syntax and inverted ranges to the regex', () => {
    for (const source of ['a(b)', 'a|b', 'a+', 'a{2}', '^a', 'a$', 'a\\d', '[z-a]', 'a\u00e9']) expect(globTokens(source), source).toBeUndefined()
  })
})
