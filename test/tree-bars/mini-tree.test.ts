// The miniature tree (fixtures/trees/mini-qemu) linted end to end through the
// lint command, every rule on: each tree rule and each resolution source
// (labels, documents, options from rST and .hx, glossary terms, QAPI,
// kernel-doc, D-Bus, an --inventory) shows up, at its exact place.

import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint, where} from './run-lint.ts'

const ROOT = join(import.meta.dirname, '../../fixtures/trees/mini-qemu')
const INVENTORY = join(ROOT, '../mini-qemu.objects.inv')

/** The findings with the inventory; without it, two more (below). */
const WITH_INVENTORY = [
  'docs/devel/stray.rst:1:1 toctree-orphan',
  'docs/devel/widget-api.rst:6:17 include-missing',
  'docs/index.rst:14:4 toctree-missing',
  'docs/system/dev-backquotes.rst:13:1 single-backtick',
  'docs/system/dev-backquotes.rst:13:23 single-backtick',
  'docs/system/dev-backquotes.rst:14:17 single-backtick',
  'docs/system/dev-backquotes.rst:14:30 single-backtick',
  'docs/system/dev-backquotes.rst:15:6 single-backtick',
  'docs/system/dev-widget.rst:6:35 unknown-reference',
  'docs/system/index.rst:9:4 toctree-missing',
  'docs/system/index.rst:10:4 toctree-missing',
  'docs/system/index.rst:11:4 toctree-duplicate',
  'docs/tools/index.rst:18:62 unknown-reference',
  'docs/tools/widget-img.rst:6:39 unknown-reference',
  'MAINTAINERS:23:4 maintainers-dangling',
  'MAINTAINERS:25:4 maintainers-dangling',
  'MAINTAINERS:34:4 maintainers-dangling',
  'MAINTAINERS:39:4 maintainers-syntax',
]

describe('fixtures/trees/mini-qemu through the lint command', () => {
  it('reports exactly the planted defects, with the inventory', async () => {
    const {code, findings} = await lint(ROOT, ['--inventory', INVENTORY])
    expect(code).toBe(1)
    expect(where(findings)).toEqual(WITH_INVENTORY)
    const messages = new Map(findings.map((finding) => [`${finding.line}:${finding.column} ${finding.path}`, finding.message]))
    expect(messages.get('13:1 docs/system/dev-backquotes.rst')).toContain('starts with `-`')
    expect(messages.get('13:23 docs/system/dev-backquotes.rst')).toContain('no trailing `_`')
    expect(messages.get('14:30 docs/system/dev-backquotes.rst')).toContain("'any' reference target not found")
    expect(messages.get('15:6 docs/system/dev-backquotes.rst')).toContain('the document system/dev-widget or the label dev-widget')
    expect(messages.get('10:4 docs/system/index.rst')).toContain('did you mean `invocation`?')
  })

  it('without the inventory, the C and D-Bus names only it defines are unresolved', async () => {
    const {findings} = await lint(ROOT, [])
    const extra = where(findings).filter((entry) => !WITH_INVENTORY.includes(entry))
    expect(extra).toEqual(['docs/system/dev-backquotes.rst:10:1 single-backtick', 'docs/system/dev-backquotes.rst:10:20 single-backtick'])
  })

  it('resolves across the tree even when every project rule is off', async () => {
    const off = ['toctree-missing', 'toctree-orphan', 'toctree-duplicate', 'unknown-reference', 'include-missing', 'maintainers-dangling', 'maintainers-syntax'].flatMap((id) => ['--rule', `${id}=off`])
    const {findings} = await lint(ROOT, ['--inventory', INVENTORY, ...off])
    expect(where(findings)).toEqual(WITH_INVENTORY.filter((entry) => entry.endsWith('single-backtick')))
  })

  it('finds the same tree from a subdirectory, and takes --tree', async () => {
    const from = await lint(join(ROOT, 'docs/system'), ['--inventory', INVENTORY])
    expect(where(from.findings)).toEqual(WITH_INVENTORY)
    const explicit = await lint(import.meta.dirname, ['--tree', ROOT, '--inventory', INVENTORY])
    expect(where(explicit.findings)).toEqual(WITH_INVENTORY)
  })

  it('documents --inventory in --help', async () => {
    let help = ''
    const {lintCommand} = await import('../../src/cli/lint-command.ts')
    await lintCommand(['--help'], {cwd: ROOT, env: {}, isTTY: false, stdout: (text) => void (help += text), stderr: () => {}})
    expect(help).toMatch(/--inventory FILE +a Sphinx objects\.inv/)
    expect(help).toContain('build/docs/manual/objects.inv')
  })

  it('rejects an inventory that does not exist', async () => {
    await expect(lint(ROOT, ['--inventory', 'no-such.inv'])).rejects.toThrow(/--inventory: no such file: no-such.inv/)
  })
})
