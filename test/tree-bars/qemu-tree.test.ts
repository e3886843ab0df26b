// The bars of issue 4 on the real QEMU tree (read from ../shared at run time):
// Sphinx -W builds it without a warning, so no toctree, reference or include
// finding may appear; its stale MAINTAINERS patterns are real and reported.

import {existsSync} from 'node:fs'
import {beforeAll, describe, expect, it} from 'vitest'
import {INVENTORY, QEMU_TREE, lint, where, type Finding} from './run-lint.ts'

const present = existsSync(QEMU_TREE) && existsSync(INVENTORY)
if (!present) console.warn(`tree bars skipped: ${QEMU_TREE} or ${INVENTORY} is absent`)

describe.skipIf(!present)('the real QEMU tree with --inventory', () => {
  let result: {code: number; findings: Finding[]}
  beforeAll(async () => {
    result = await lint(QEMU_TREE, ['--inventory', INVENTORY])
  }, 30_000)

  it('has no toctree, single-backtick, unknown-reference or include-missing finding', () => {
    const sphinxOnes = result.findings.filter((finding) => /^(toctree-|single-backtick$|unknown-reference$|include-missing$)/.test(finding.ruleId))
    expect(where(sphinxOnes)).toEqual([])
  })

  it('reports the stale MAINTAINERS patterns', () => {
    const dangling = result.findings.filter((finding) => finding.ruleId === 'maintainers-dangling')
    expect(dangling.every((finding) => finding.path === 'MAINTAINERS')).toBe(true)
    const patterns = dangling.map((finding) => /`F: ([^`]+)`/.exec(finding.message)?.[1])
    expect(patterns).toEqual(expect.arrayContaining(['docs/system/devices/virtio-gpu.rst', 'docs/system/devices/virtio-snd.rst', 'docs/devel/ci*', 'hmp.h', 'tcg/s390/']))
    expect(dangling.find((finding) => finding.message.includes('virtio-gpu.rst'))).toMatchObject({line: 2820, column: 4})
    expect(dangling.length).toBe(47)
  })

  it('leaves maintainers-uncovered to patch mode', () => {
    expect(result.findings.filter((finding) => finding.ruleId === 'maintainers-uncovered')).toEqual([])
  })

  it('without the inventory, only C symbols that kernel-doc would find are unresolved', async () => {
    const bare = await lint(QEMU_TREE, [])
    const unresolved = bare.findings.filter((finding) => finding.ruleId === 'single-backtick')
    // The placeholder headers are empty, so kernel-doc finds nothing there; the inventory fills in.
    expect(unresolved.length).toBeGreaterThan(0)
    expect(unresolved.every((finding) => /^`\w+(\(\))?`/.test(finding.message))).toBe(true)
  }, 30_000)
})
