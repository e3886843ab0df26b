// The two versions of the patch that started the project, applied to the QEMU
// tree snapshot: their context is a few lines off the snapshot, so this checks
// offset and fuzz handling on real data. Read from ../shared at run time.

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {applySeries} from '../../src/patch/apply.ts'
import {readPatchInput} from '../../src/patch/input.ts'
import {diskTree} from './helpers.ts'

const SHARED = new URL('../../../shared/', import.meta.url).pathname
const TREE = `${SHARED}qemu-tree`
const present = existsSync(`${SHARED}seeds`) && existsSync(TREE) && existsSync(`${SHARED}qemu-oracle/seeds`)
if (!present) console.warn(`skipping the seed tests: ${SHARED} (seeds, qemu-tree, qemu-oracle) is absent`)

const seeds = [
  {prefix: '000_', oracle: 'whpx-v6.rst', version: 6, index: 2, total: 4, lines: 144},
  {prefix: '001_', oracle: 'whpx-v2.rst', version: 2, index: undefined, total: undefined, lines: 136},
]

describe.skipIf(!present)('the seed patches on the QEMU tree', () => {
  test.each(seeds)('$oracle', async (seed) => {
    const name = seedFile(seed.prefix)
    const input = await readPatchInput(readFileSync(`${SHARED}seeds/${name}`), name)
    if (!input.ok) throw new Error(input.error)
    expect(input.kind).toBe('patchwork')
    const {version, index: place, total} = input.patches[0]!.subject
    expect([version, place, total]).toEqual([seed.version, seed.index, seed.total])
    const base = diskTree(TREE)
    const applied = applySeries(base, input)
    expect(applied.problems.filter((p) => p.severity === 'error')).toEqual([])

    // The new document, byte for byte as docutils' oracle read it; every line is new.
    const whpx = applied.files.read('docs/system/whpx.rst')
    expect(whpx).toBe(readFileSync(`${SHARED}qemu-oracle/seeds/${seed.oracle}`, 'utf8'))
    const doc = applied.changed.get('docs/system/whpx.rst')!
    expect(doc.status).toBe('added')
    expect(doc.addedLines.size).toBe(seed.lines)

    // MAINTAINERS: the header says line 582 but the context sits 2 lines lower,
    // and its last context line differs from the tree's (fuzz 1).
    const maint = applied.changed.get('MAINTAINERS')!
    expect(maint.hunks[0]).toMatchObject({applied: true, at: 584, offset: 2, fuzz: 1})
    const mLines = applied.files.read('MAINTAINERS')!.split('\n')
    const baseM = base.read('MAINTAINERS')!.split('\n')
    expect([...maint.addedLines]).toEqual([587])
    expect(mLines[586]).toBe('F: docs/system/whpx.rst')
    expect(mLines[585]).toBe(baseM[585]) // the section's last F: line, just above
    expect(mLines.length).toBe(baseM.length + 1)

    // The toctree entry goes between `nitro` and `vm-templating`.
    const index = applied.changed.get('docs/system/index.rst')!
    expect([...index.addedLines]).toEqual([43])
    const iLines = applied.files.read('docs/system/index.rst')!.split('\n')
    expect(iLines[41]!.trim()).toBe('nitro')
    expect(iLines[42]!.trim()).toBe('whpx')
    expect(iLines[43]!.trim()).toBe('vm-templating')
    // v6 is intact; v2 came through a page that stripped the indentation.
    expect(iLines[42]).toBe(seed.version === 6 ? '   whpx' : ' whpx')
    expect(index.hunks[0]).toMatchObject({applied: true, at: 40, offset: 0, loose: seed.version === 2})
    expect(applied.problems.some((p) => p.kind === 'whitespace-damage')).toBe(seed.version === 2)
  })
})

function seedFile(prefix: string): string {
  const hit = readdirSync(`${SHARED}seeds`).find((f) => f.startsWith(prefix))
  if (!hit) throw new Error(`no seed ${prefix}* in ${SHARED}seeds`)
  return hit
}
