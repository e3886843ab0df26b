import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {DiskFiles} from '../../src/tree/disk-files.ts'
import {readSubmodulePaths} from '../../src/tree/gitmodules.ts'
import {matchesFile, parseMaintainers, type FilePattern} from '../../src/tree/maintainers.ts'
import {MemoryFiles} from '../../src/tree/memory-files.ts'
import {PresenceIndex} from '../../src/tree/presence.ts'
import type {TreeFiles} from '../../src/tree/files.ts'

/** get_maintainer.pl's match spelled out with the pattern's regex (no shortcut for literal patterns). */
function matches(pattern: FilePattern, path: string): boolean {
  if (!path.startsWith(pattern.prefix) || pattern.regex?.test(path) !== true) return false
  return pattern.directory || path.split('/').length - 1 === pattern.slashes
}

/** The plain definition: some file, folder (with or without its `/`) or submodule matches as get_maintainer.pl does. */
function referencePresent(pattern: FilePattern, files: readonly string[], submodules: readonly string[]): boolean {
  if (!pattern.regex) return false
  for (const submodule of submodules) {
    if (pattern.prefix === submodule || pattern.prefix.startsWith(`${submodule}/`)) return true
  }
  if (files.some((file) => matches(pattern, file))) return true
  const folders = new Set<string>(submodules)
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash))
  }
  return [...folders].some((folder) => matches(pattern, folder) || matches(pattern, `${folder}/`))
}

function patternsOf(values: readonly string[], files: TreeFiles): FilePattern[] {
  return parseMaintainers(`Section\nM: Someone <someone@example.org>\n${values.map((value) => `F: ${value}`).join('\n')}\n`, files).patterns
}

const TREE = new MemoryFiles({
  'Makefile': '',
  'a-b/x.c': '',
  'a/x.c': '',
  'a/deeper/y.h': '',
  'a/deeper/z/w.c': '',
  'hw/net/e1000.c': '',
  'hw/net/e1000x.c': '',
  'hw/net/sub/deep.c': '',
  'hw/arm/virt.c': '',
  'hw/arm/virt-acpi.c': '',
  'docs/system/arm/virt.rst': '',
  'docs/conf.py': '',
  'dotted.dir/file': '',
})
const SUBMODULES = ['roms/seabios', 'subprojects/libvhost']

const VALUES = [
  // Literal files, partial names, folders with and without `/`.
  'Makefile', 'Make', 'a', 'a/', 'a/x.c', 'a/x', 'a/deeper', 'a/deep', 'a/deeper/z', 'a/nothing', 'a-b', 'a-b/',
  'hw/net/e1000.c', 'hw/net/e1000', 'hw/net/sub', 'hw/net/su', 'hw/arm/virt', 'hw/arm/vir', 'hw/', 'hw', 'nothing/',
  'dotted.dir', 'dotted.dir/', 'dotted', 'roms/seabios', 'roms/seabios/', 'roms/', 'roms', 'roms/sea', 'subprojects/libvhost/x.c',
  // Globs: files at a depth, folders matched by a glob, classes.
  '*', '*/', '*/*', 'a/*', 'a/*/', 'a/*/z', 'a/*/*', 'a*', 'a?', 'a?b', 'hw/*/virt*', 'hw/*/e1000[xy].c', 'hw/*/e1000[ab].c',
  'docs/*/conf.py', 'docs/*.py', 'docs/*/arm/*.rst', '*/arm/virt.rst', '*net*', '*/sub', 'hw/net/sub*', 'roms/*', 'ro*', 'sub*/libv*',
  'hw/ne?', 'hw/*/', 'nothing*', '*.rst', 'a/deeper/*/w.c', 'a/deeper*',
  // Regex syntax passed through: checked path by path.
  'hw/net/e1000(x)?.c', 'hw/(net|arm)/', 'hw/net/e1000x?\\.c', 'a+', '(unclosed', '^a', 'a$', 'hw/net/e{2}',
]

describe('PresenceIndex', () => {
  it('agrees with the path-by-path definition on a small tree', () => {
    const patterns = patternsOf(VALUES, TREE)
    const index = new PresenceIndex(TREE.list(), SUBMODULES)
    const got = patterns.map((pattern) => `${pattern.entry.value} ${index.isPresent(pattern)}`)
    const want = patterns.map((pattern) => `${pattern.entry.value} ${referencePresent(pattern, TREE.list(), SUBMODULES)}`)
    expect(got).toEqual(want)
    // Some of each answer, so the comparison means something.
    expect(got.filter((line) => line.endsWith('true')).length).toBeGreaterThan(20)
    expect(got.filter((line) => line.endsWith('false')).length).toBeGreaterThan(10)
  })

  it('agrees without submodules and without a folder lookup', () => {
    const patterns = parseMaintainers(`S\nM: x <x@example.org>\n${VALUES.map((value) => `F: ${value}`).join('\n')}\n`).patterns
    const index = new PresenceIndex(TREE.list(), [])
    expect(patterns.map((pattern) => index.isPresent(pattern))).toEqual(patterns.map((pattern) => referencePresent(pattern, TREE.list(), [])))
  })

  it('matches literal patterns without their regex, as their regex would', () => {
    const patterns = patternsOf(VALUES, TREE)
    const paths = [...TREE.list(), 'a', 'a/', 'hw/net', 'hw/net/', 'dotted.dir', 'dotted.dirx', 'roms/seabios', 'roms/seabios/']
    for (const pattern of patterns) {
      for (const path of paths) expect(matchesFile(pattern, path), `${pattern.entry.value} ${path}`).toBe(matches(pattern, path))
    }
  })

  it('handles paths holding a line break', () => {
    const odd = new MemoryFiles({'a/x\ny.c': '', 'a/z.c': ''})
    const patterns = patternsOf(['a/*.c', 'a/x*', 'y.c', '*y.c'], odd)
    const index = new PresenceIndex(odd.list(), [])
    expect(patterns.map((pattern) => index.isPresent(pattern))).toEqual(patterns.map((pattern) => referencePresent(pattern, odd.list(), [])))
  })
})

const ROOT = new URL('../../../shared/qemu-tree', import.meta.url).pathname

describe.skipIf(!existsSync(`${ROOT}/MAINTAINERS`))('PresenceIndex on the QEMU tree (needs ../shared/qemu-tree)', () => {
  it('finds the same dangling patterns as the path-by-path definition', () => {
    const files = new DiskFiles(ROOT)
    const submodules = readSubmodulePaths(files.read('.gitmodules'))
    const patterns = parseMaintainers(readFileSync(`${ROOT}/MAINTAINERS`, 'utf8'), files).patterns
    const index = new PresenceIndex(files.list(), submodules)
    const got = patterns.filter((pattern) => !index.isPresent(pattern)).map((pattern) => pattern.entry.line)
    const want = patterns.filter((pattern) => !referencePresent(pattern, files.list(), submodules)).map((pattern) => pattern.entry.line)
    expect(got).toEqual(want)
    expect(got.length).toBeGreaterThan(10)
  })
})
