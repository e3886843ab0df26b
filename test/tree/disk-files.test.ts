import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {DiskFiles, listIndexOf} from '../../src/tree/disk-files.ts'
import {findTreeRoot} from '../../src/tree/root.ts'

const root = mkdtempSync(join(tmpdir(), 'qrl-tree-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

function write(path: string, text = ''): void {
  mkdirSync(join(root, path, '..'), {recursive: true})
  writeFileSync(join(root, path), text)
}

describe('DiskFiles and findTreeRoot', () => {
  write('MAINTAINERS', 'x')
  write('docs/index.rst', 'Top\n')
  write('docs/system/a.rst', 'A\n')
  write('.git/config', '')
  write('node_modules/pkg/index.js', '')
  write('build/out.o', '')
  write('roms/build/keep.c', '')

  it('lists files once, sorted, skipping VCS, dependencies and the build folder', () => {
    const files = new DiskFiles(root)
    expect(files.list()).toEqual(['MAINTAINERS', 'docs/index.rst', 'docs/system/a.rst', 'roms/build/keep.c'])
    expect(files.isDirectory('docs/system')).toBe(true)
    expect(files.isDirectory('docs/system/')).toBe(true)
    expect(files.exists('docs')).toBe(true)
    expect(files.exists('docs/nope.rst')).toBe(false)
  })

  it('indexes its list: the files as a set, and the folders holding files (empty ones left out)', () => {
    mkdirSync(join(root, 'empty/inner'), {recursive: true})
    const files = new DiskFiles(root)
    const index = listIndexOf(files.list())
    expect(index && [...index.files]).toEqual(files.list())
    expect(index && [...index.folders].sort()).toEqual(['docs', 'docs/system', 'roms', 'roms/build'])
    expect(files.isDirectory('empty/inner')).toBe(true)
    expect(listIndexOf([...files.list()])).toBeUndefined()
  })

  it('walks in the background to the same list, folders and directories', async () => {
    mkdirSync(join(root, 'empty/inner'), {recursive: true})
    const walked = new DiskFiles(root)
    const pending = walked.prefetch()
    expect(walked.prefetch()).toBe(pending)
    await pending
    const plain = new DiskFiles(root)
    expect(walked.list()).toEqual(plain.list())
    const [a, b] = [listIndexOf(walked.list()), listIndexOf(plain.list())]
    expect(a && [...a.folders].sort()).toEqual(b && [...b.folders].sort())
    for (const path of ['', 'docs', 'docs/system', 'empty', 'empty/inner', 'roms/build', 'build', '.git']) {
      expect(walked.isDirectory(path), path).toBe(plain.isDirectory(path))
    }
    await walked.prefetch()
  })

  it('a synchronous question during the background walk gets the full list', async () => {
    const files = new DiskFiles(root)
    const pending = files.prefetch()
    expect(files.list()).toEqual(new DiskFiles(root).list())
    const listed = files.list()
    await pending
    expect(files.list()).toBe(listed)
  })

  it("adopts another thread's walk as its own: the same list, folders and directories, no walk of its own", () => {
    mkdirSync(join(root, 'empty/inner'), {recursive: true})
    const walked = new DiskFiles(root)
    // Structured clone, as the listing crosses to a worker.
    const adopted = new DiskFiles(join(root, 'no-such-folder'))
    adopted.adoptListing(structuredClone(walked.listing()))
    expect(adopted.list()).toEqual(walked.list())
    const [a, b] = [listIndexOf(adopted.list()), listIndexOf(walked.list())]
    expect(a && [...a.folders].sort()).toEqual(b && [...b.folders].sort())
    for (const path of ['', 'docs', 'docs/system', 'empty', 'empty/inner', 'roms/build', 'build', '.git']) {
      expect(adopted.isDirectory(path), path).toBe(walked.isDirectory(path))
    }
    // A tree already listed keeps its list.
    const listed = walked.list()
    walked.adoptListing({files: ['other'], directories: []})
    expect(walked.list()).toBe(listed)
  })

  it('reads each file at most once', () => {
    const files = new DiskFiles(root)
    expect(files.read('docs/index.rst')).toBe('Top\n')
    writeFileSync(join(root, 'docs/index.rst'), 'Changed\n')
    expect(files.read('docs/index.rst')).toBe('Top\n')
    expect(files.read('docs')).toBeUndefined()
  })

  it('finds the tree root from a subfolder', () => {
    expect(findTreeRoot(join(root, 'docs/system'))).toBe(root)
    expect(findTreeRoot(tmpdir())).toBeUndefined()
  })
})

const QEMU = new URL('../../../shared/qemu-tree', import.meta.url).pathname

describe.skipIf(!existsSync(`${QEMU}/MAINTAINERS`))('DiskFiles on the QEMU tree (needs ../shared/qemu-tree)', () => {
  it('lists the same tree in the background as in the foreground', async () => {
    const walked = new DiskFiles(QEMU)
    await walked.prefetch()
    const plain = new DiskFiles(QEMU)
    expect(walked.list()).toEqual(plain.list())
    const [a, b] = [listIndexOf(walked.list()), listIndexOf(plain.list())]
    expect(a && [...a.folders].sort()).toEqual(b && [...b.folders].sort())
  })
})
