import {describe, expect, it} from 'vitest'
import {MaintainersCoverage} from '../../src/tree/coverage.ts'
import {compile, matchesFile, parseMaintainers} from '../../src/tree/maintainers.ts'
import {MemoryFiles} from '../../src/tree/memory-files.ts'

const FILES = new MemoryFiles({
  'hw/net/e1000.c': '',
  'hw/net/e1000x.c': '',
  'hw/net/sub/deep.c': '',
  'net/tap.c': '',
  'docs/system/net.rst': '',
  'docs/devel/migration/main.rst': '',
  'Makefile': '',
})

function patternFor(value: string) {
  const parsed = parseMaintainers(`S\nM: x <x@example.org>\nF: ${value}\n`, FILES)
  return parsed.patterns[0]!
}

describe('get_maintainer.pl pattern semantics', () => {
  it('treats a trailing slash (or an existing folder) as everything below', () => {
    expect(matchesFile(patternFor('hw/net/'), 'hw/net/sub/deep.c')).toBe(true)
    expect(patternFor('hw/net').directory).toBe(true)
    expect(matchesFile(patternFor('hw/net'), 'hw/net/sub/deep.c')).toBe(true)
  })

  it('matches other patterns as a prefix at the same depth', () => {
    expect(matchesFile(patternFor('hw/net/e1000.c'), 'hw/net/e1000.c')).toBe(true)
    // A prefix match, as in get_maintainer.pl: `e1000.c` also claims `e1000.cc`, not `e1000x.c`.
    expect(matchesFile(patternFor('hw/net/e1000.c'), 'hw/net/e1000x.c')).toBe(false)
    expect(matchesFile(patternFor('hw/net/*'), 'hw/net/e1000.c')).toBe(true)
    expect(matchesFile(patternFor('hw/net/*'), 'hw/net/sub/deep.c')).toBe(false)
    expect(matchesFile(patternFor('*/net/*'), 'hw/net/e1000.c')).toBe(true)
    expect(matchesFile(patternFor('hw/net/e1000?.c'), 'hw/net/e1000x.c')).toBe(true)
    expect(matchesFile(patternFor('hw/net/e1000[xy].c'), 'hw/net/e1000x.c')).toBe(true)
    expect(matchesFile(patternFor('*'), 'Makefile')).toBe(true)
    expect(matchesFile(patternFor('*'), 'net/tap.c')).toBe(false)
  })

  it('turns Perl inline flags into JS flags', () => {
    expect(compile('^Subject:.*(?i)trivial')?.test('Subject: [PATCH] TRIVIAL fix')).toBe(true)
    expect(compile('(unclosed')).toBeUndefined()
  })
})

describe('MAINTAINERS coverage', () => {
  const text = [
    'Preamble title',
    '==============',
    '',
    'Some prose about the file.',
    '',
    'All',
    'M: A <a@example.org>',
    'F: *',
    'F: */',
    '',
    'Docs',
    'F: docs/',
    '',
    'Net',
    'S: Maintained',
    'F: net/',
    'F: docs/system/net.rst',
    'F: hw/net/old.c',
    'X: hw/net/sub/',
    'N: e1000',
    '',
    'Migration',
    'F: docs/devel/migration*',
    '',
  ].join('\n')
  const parsed = parseMaintainers(text, FILES)
  const coverage = new MaintainersCoverage(parsed, FILES.list(), [])

  it('parses sections with their lines', () => {
    expect(parsed.sections.map((section) => `${section.line} ${section.name} ${section.entries.length}`)).toEqual(['6 All 3', '11 Docs 1', '14 Net 6', '22 Migration 1'])
    expect(parsed.problems).toEqual([])
  })

  it('finds stale patterns', () => {
    expect(coverage.dangling().map((pattern) => `${pattern.entry.line} ${pattern.entry.value}`)).toEqual(['18 hw/net/old.c'])
  })

  it('knows which sections claim a file, honouring X: and N:', () => {
    const names = (path: string) => coverage.sectionsFor(path).map((section) => section.name).sort()
    expect(names('docs/system/net.rst')).toEqual(['All', 'Docs', 'Net'])
    expect(names('hw/net/e1000.c')).toEqual(['All', 'Net'])
    expect(names('hw/net/sub/deep.c')).toEqual(['All'])
    // A glob matching a folder covers what is below it.
    expect(names('docs/devel/migration/main.rst')).toEqual(['All', 'Docs', 'Migration'])
    const catchAll = parsed.sections.filter((section) => coverage.isCatchAll(section)).map((section) => section.name)
    expect(catchAll).toEqual(['All', 'Docs'])
  })

  it('reports syntax problems as data', () => {
    const bad = parseMaintainers('S1\nM: a <a@example.org>\nJ: what\nstray text\nS: Sometimes\nF:\n')
    expect(bad.problems.map((problem) => `${problem.line} ${problem.kind}`)).toEqual(['3 unknown-tag', '4 malformed', '5 bad-status', '6 empty-value'])
  })
})

describe('suggestMovedPath', () => {
  const names = new Map([
    ['gpu.rst', ['docs/system/devices/virtio/gpu.rst']],
    ['misc.c', ['tests/tcg/misc.c']],
    ['hmp.h', ['include/monitor/hmp.h']],
  ])
  it('proposes the one same-named file sharing a folder name', async () => {
    const {suggestMovedPath} = await import('../../src/tree/suggest-path.ts')
    expect(suggestMovedPath('docs/system/devices/gpu.rst', names)).toBe('docs/system/devices/virtio/gpu.rst')
    expect(suggestMovedPath('monitor/misc.c', names)).toBeUndefined()
    expect(suggestMovedPath('hmp.h', names)).toBe('include/monitor/hmp.h')
    expect(suggestMovedPath('docs/*.rst', names)).toBeUndefined()
  })
})
