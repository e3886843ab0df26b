// The bars of issue 4 on the real QEMU tree with the v6 WHPX patch applied
// (a temporary copy; both read from ../shared at run time): exactly the 16
// `single-backtick` findings Sphinx reports for docs/system/whpx.rst, nothing
// from the toctree or MAINTAINERS checks; then the toctree entry removed
// (orphan) and misspelt (missing, with a did-you-mean).

import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {INVENTORY, QEMU_TREE, lint, where, type Finding} from './run-lint.ts'
import {seedV6, seededCopy} from './seeded-tree.ts'

const seed = seedV6()
const present = existsSync(QEMU_TREE) && existsSync(INVENTORY) && seed !== undefined
if (!present) console.warn('WHPX seed bars skipped: ../shared/qemu-tree, its objects.inv or seeds/000_*.txt is absent')

const WHPX = 'docs/system/whpx.rst'
const INDEX = 'docs/system/index.rst'

/** Where Sphinx reports its 16 "'any' reference target not found" warnings (line:column of the opening backquote). */
const EXPECTED = [
  ['8:28', 'Vid'],
  ['9:38', 'mshv'],
  ['23:19', 'optionalfeatures.exe'],
  ['27:1', 'DISM /online'],
  ['61:35', '-device virtio-gpu-pci'],
  ['62:37', '-device ramfb'],
  ['72:1', '-trace whpx_unsupported_msr_access'],
  ['75:1', '-d invalid_mem'],
  ['93:12', 'target/i386/emulate'],
  ['96:47', 'Unimplemented handler'],
  ['99:1', '-M isapc'],
  ['102:1', '-M isapc'],
  ['103:34', '-accel whpx,hyperv=off,kernel-irqchip=off'],
  ['114:26', 'info registers'],
  ['116:6', 'type'],
  ['130:41', '-M kernel-irqchip=off'],
] as const

describe.skipIf(!present)('the QEMU tree with the v6 WHPX seed applied', () => {
  let root: string
  let result: {code: number; findings: Finding[]}
  beforeAll(async () => {
    root = await seededCopy(seed!)
    result = await lint(root, ['--inventory', INVENTORY])
  }, 60_000)
  afterAll(() => {
    if (root) rmSync(root, {recursive: true, force: true})
  })

  it('reports exactly the 16 single-backtick findings of whpx.rst, at their exact spans', () => {
    const text = readFileSync(join(root, WHPX), 'utf8').split('\n')
    const found = result.findings.filter((finding) => finding.ruleId === 'single-backtick')
    expect(found.every((finding) => finding.path === WHPX)).toBe(true)
    expect(found.map((finding) => `${finding.line}:${finding.column}`)).toEqual(EXPECTED.map(([at]) => at))
    for (const [index, finding] of found.entries()) {
      const span = text[finding.line - 1]!.slice(finding.column - 1, finding.endColumn - 1)
      expect(finding.endLine).toBe(finding.line)
      expect(span.startsWith(`\`${EXPECTED[index]![1]}`), span).toBe(true)
      expect(span.endsWith('`')).toBe(true)
    }
  })

  it('reports nothing from the toctree or MAINTAINERS checks about the patch', async () => {
    expect(where(result.findings.filter((finding) => finding.ruleId.startsWith('toctree-')))).toEqual([])
    expect(result.findings.filter((finding) => finding.path === WHPX && finding.ruleId.startsWith('maintainers-'))).toEqual([])
    // The only MAINTAINERS findings are the tree's own stale patterns, none about whpx.
    const maintainers = result.findings.filter((finding) => finding.path === 'MAINTAINERS')
    expect(maintainers.every((finding) => finding.ruleId === 'maintainers-dangling' && !finding.message.includes('whpx'))).toBe(true)
    expect(maintainers).toHaveLength(47)
  })

  it('without its toctree line, whpx.rst is an orphan; pointed at `whpxx`, the entry is missing', async () => {
    const index = readFileSync(join(root, INDEX), 'utf8')
    const lines = index.split('\n')
    const at = lines.indexOf('   whpx')
    expect(at).toBeGreaterThan(0)
    try {
      writeFileSync(join(root, INDEX), [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'))
      const orphan = await lint(root, ['--inventory', INVENTORY])
      expect(where(orphan.findings.filter((finding) => finding.ruleId.startsWith('toctree-')))).toEqual([`${WHPX}:1:1 toctree-orphan`])

      writeFileSync(join(root, INDEX), [...lines.slice(0, at), '   whpxx', ...lines.slice(at + 1)].join('\n'))
      const missing = await lint(root, ['--inventory', INVENTORY])
      const toctree = missing.findings.filter((finding) => finding.ruleId.startsWith('toctree-'))
      expect(where(toctree)).toEqual([`${INDEX}:${at + 1}:4 toctree-missing`, `${WHPX}:1:1 toctree-orphan`])
      expect(toctree[0]!.message).toContain('did you mean `whpx`?')
    } finally {
      writeFileSync(join(root, INDEX), index)
    }
  }, 60_000)
})
