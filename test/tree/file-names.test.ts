import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {DiskFiles} from '../../src/tree/disk-files.ts'
import {LazyFileNames} from '../../src/tree/file-names.ts'
import {MemoryFiles} from '../../src/tree/memory-files.ts'
import type {TreeFiles} from '../../src/tree/files.ts'

const FILES = new MemoryFiles({
  'Makefile': '',
  'Zzz/Makefile': '',
  'a/Makefile': '',
  'docs/Makefile': '',
  'docs/system/arm/virt.rst': '',
  'docs/system/riscv/virt.rst': '',
  'docs/system/virt.rst.inc': '',
  'hw/arm/avirt.rst': '',
  'hw/arm/virt.rst/readme': '',
})

const root = mkdtempSync(join(tmpdir(), 'qrl-names-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))
for (const path of FILES.list()) {
  mkdirSync(join(root, path, '..'), {recursive: true})
  writeFileSync(join(root, path), '')
}

describe('LazyFileNames', () => {
  it.each([
    ['on disk', () => new DiskFiles(root)],
    ['in memory', () => FILES],
  ] as Array<[string, () => TreeFiles]>)('looks names up like the whole map, in list order (%s)', (_where, make) => {
    const files = make()
    const lookups = new LazyFileNames(files)
    const map = new Map<string, string[]>()
    for (const path of files.list()) {
      const base = path.slice(path.lastIndexOf('/') + 1)
      map.set(base, [...(map.get(base) ?? []), path])
    }
    for (const key of ['virt.rst', 'Makefile', 'readme', 'virt', 'rst', 'avirt.rst', 'arm', 'docs/Makefile', '', 'nothing', 'Makefile\n']) {
      expect(lookups.get(key), key).toEqual(map.get(key))
      expect(lookups.has(key), key).toBe(map.has(key))
      // A fresh list builds its own map.
      expect(new LazyFileNames(make()).get(key), key).toEqual(map.get(key))
    }
    expect(lookups.get('virt.rst')).toEqual(['docs/system/arm/virt.rst', 'docs/system/riscv/virt.rst'])
    expect(lookups.get('Makefile')).toEqual(['Makefile', 'Zzz/Makefile', 'a/Makefile', 'docs/Makefile'])
    // Iterating builds the map.
    expect(new Map(lookups)).toEqual(map)
    expect(lookups.size).toBe(map.size)
  })

  it('keeps a path on disk holding a line break whole', () => {
    const odd = mkdtempSync(join(tmpdir(), 'qrl-odd-'))
    try {
      for (const path of ['q/p\nr/key.c', 'r/key.c', 's/key.c']) {
        mkdirSync(join(odd, path, '..'), {recursive: true})
        writeFileSync(join(odd, path), '')
      }
      expect(new LazyFileNames(new DiskFiles(odd)).get('key.c')).toEqual(['q/p\nr/key.c', 'r/key.c', 's/key.c'])
    } finally {
      rmSync(odd, {recursive: true, force: true})
    }
  })

  it('keeps a path holding a line break whole', () => {
    const odd = new MemoryFiles({'a/x\ny.c': '', 'b/y.c': ''})
    expect(new LazyFileNames(odd).get('y.c')).toEqual(['b/y.c'])
    expect(new LazyFileNames(odd).get('x\ny.c')).toEqual(['a/x\ny.c'])
  })
})
