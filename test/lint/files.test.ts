// Finding the tree root and the files, and reading them as strict UTF-8.

import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {expect, test} from 'vitest'
import {collectFiles, findTreeRoot, firstInvalidByte, readText, relativePath} from '../../src/lint/files.ts'

const dir = mkdtempSync(join(tmpdir(), 'qrl-files-'))
mkdirSync(join(dir, 'docs', 'sub'), {recursive: true})
mkdirSync(join(dir, 'docs', 'node_modules'), {recursive: true})
writeFileSync(join(dir, 'docs', 'conf.py'), '')
writeFileSync(join(dir, 'docs', 'index.rst'), 'Index\n')
writeFileSync(join(dir, 'docs', 'sub', 'a.rst.inc'), 'A\n')
writeFileSync(join(dir, 'docs', 'sub', 'notes.md'), '# N\n')
writeFileSync(join(dir, 'docs', 'sub', 'image.png'), '')
writeFileSync(join(dir, 'docs', 'node_modules', 'x.rst'), '')

test('the tree root is found upward', () => {
  expect(findTreeRoot(join(dir, 'docs', 'sub'))).toBe(dir)
  expect(findTreeRoot(tmpdir())).toBeUndefined()
})

test('directories expand to lintable files, sorted; missing paths are returned', () => {
  const {files, missing} = collectFiles([join(dir, 'docs'), join(dir, 'docs', 'conf.py'), join(dir, 'nope')])
  expect(files.map((file) => relativePath(dir, file))).toEqual(['docs/conf.py', 'docs/index.rst', 'docs/sub/a.rst.inc', 'docs/sub/notes.md'])
  expect(missing).toEqual([join(dir, 'nope')])
})

test('strict UTF-8, with the position of the first bad byte', () => {
  const path = join(dir, 'bad.rst')
  writeFileSync(path, Buffer.concat([Buffer.from('ok\nab\u00e9'), Buffer.from([0xff, 0x41]), Buffer.from('\n')]))
  expect(readText(path)).toEqual({ok: false, reason: 'Invalid UTF-8 (byte 0xff at offset 7): save the file as UTF-8', line: 2, column: 4})
  const good = join(dir, 'good.rst')
  writeFileSync(good, '\ufeffBOM kept\n')
  const read = readText(good)
  expect(read.ok && read.text).toBe('\ufeffBOM kept\n')
  expect(readText(join(dir, 'missing.rst'))).toMatchObject({ok: false, reason: 'Cannot read the file (ENOENT)'})
})

test('firstInvalidByte', () => {
  expect(firstInvalidByte(Buffer.from('héllo €𝄞'))).toBe(Buffer.from('héllo €𝄞').length)
  expect(firstInvalidByte(Uint8Array.from([0x61, 0xc3]))).toBe(1)
  expect(firstInvalidByte(Uint8Array.from([0xc0, 0x80]))).toBe(0)
  expect(firstInvalidByte(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0)
  expect(firstInvalidByte(Uint8Array.from([0xe2, 0x28, 0xa1]))).toBe(0)
})
