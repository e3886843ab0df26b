// Block structure agreement with docutils on the QEMU corpus (oracle records
// in ../shared/qemu-oracle). The three files that differ do so because of
// `include` (their records after an included file are nested under its
// sections) and a `csv-table` whose CSV file is empty in the corpus copy.

import {existsSync, readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {diffFile} from '../../../scripts/oracle-diff.ts'

const shared = join(import.meta.dirname, '../../../../shared')
const treeRoot = join(shared, 'qemu-tree')

const expectedDifferences = ['docs/devel/testing/ci.rst', 'docs/system/cpu-models-x86.rst.inc', 'docs/system/target-mips.rst']

function listRst(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listRst(path))
    else if (name.endsWith('.rst') || name.endsWith('.rst.inc')) out.push(path)
  }
  return out
}

describe.skipIf(!existsSync(join(shared, 'qemu-oracle')))('block structure on the QEMU corpus (../shared absent: skipped)', () => {
  it('agrees with docutils on every file but the include/csv artefacts', () => {
    const differing = listRst(join(treeRoot, 'docs'))
      .map((path) => relative(treeRoot, path))
      .filter((path) => !diffFile(treeRoot, join(shared, 'qemu-oracle'), path).agree)
    expect(differing).toEqual(expectedDifferences)
  })
})
