// The bars on real data: both versions of the WHPX patch (Patchwork dumps in
// shared/seeds) against the QEMU tree snapshot, and variants of v6 edited in
// memory (no toctree hunk, no MAINTAINERS hunk). Read at run time; skipped
// when ../shared is absent.

import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {flatten, runPatch, seedPath, SHARED} from './helpers.ts'

const TREE = `${SHARED}qemu-tree`
const INVENTORY = `${SHARED}qemu-tree.objects.inv`
const WHPX = 'docs/system/whpx.rst'
const present = existsSync(`${SHARED}seeds`) && existsSync(TREE) && existsSync(INVENTORY)
if (!present) console.warn(`skipping the patch-mode seed tests: ${SHARED} (seeds, qemu-tree, qemu-tree.objects.inv) is absent`)

/** The single-backquoted texts of the added document, by a plain scan of its lines (no role, no `_` after). */
function backquoted(text: string): string[] {
  const out: string[] = []
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(/(?<![`\w:])`([^`]+)`(?![`_])/g)) out.push(match[1]!)
  }
  return out
}

/** The new document's text, from the `+` lines of its diff section. */
function addedDocument(diff: string): string {
  const section = diff.slice(diff.indexOf(`diff --git a/${WHPX}`))
  const body = section.slice(section.indexOf('\n@@'))
  return body
    .split('\n')
    .filter((line) => line.startsWith('+'))
    .map((line) => line.slice(1))
    .join('\n')
}

/** The seed's Patchwork JSON (after the browsable page's text). */
function seedJson(prefix: string): Record<string, unknown> {
  const text = readFileSync(seedPath(prefix), 'utf8')
  return JSON.parse(text.slice(text.indexOf('\n{') + 1)) as Record<string, unknown>
}

/** The diff without the section of one file. */
function withoutFile(diff: string, path: string): string {
  const start = diff.indexOf(`diff --git a/${path} `)
  const next = diff.indexOf('diff --git ', start + 1)
  return diff.slice(0, start) + (next < 0 ? '' : diff.slice(next))
}

const args = ['--tree', TREE, '--inventory', INVENTORY, '--format', 'json']
const ruleCounts = (messages: Array<{ruleId: string}>) => {
  const counts: Record<string, number> = {}
  for (const message of messages) counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1
  return counts
}

describe.skipIf(!present)('the WHPX seeds against the QEMU tree', () => {
  test('v6: exactly the 21 findings on the new document, plus spdx-license', async () => {
    const diff = seedJson('000_')['diff'] as string
    const {code, stdout, stderr} = await runPatch([...args, seedPath('000_')])
    expect(stderr).toBe('')
    expect(code).toBe(1)
    const messages = flatten(stdout)
    expect(new Set(messages.map((m) => m.path))).toEqual(new Set([WHPX]))
    expect(ruleCounts(messages)).toEqual({'single-backtick': 16, 'trailing-whitespace': 4, typo: 1, 'spdx-license': 1})
    const texts = addedDocument(diff)
    const backticks = messages.filter((m) => m.ruleId === 'single-backtick')
    expect(backticks.map((m) => texts.split('\n')[m.line - 1]!.slice(m.column, m.endColumn - 2))).toEqual(backquoted(texts))
    expect(messages.filter((m) => m.ruleId === 'trailing-whitespace').map((m) => m.line)).toEqual([32, 37, 39, 119])
    expect(messages.filter((m) => m.ruleId === 'typo').map((m) => `${m.line}:${m.column}`)).toEqual(['62:12'])
    expect(messages.find((m) => m.ruleId === 'spdx-license')).toMatchObject({line: 1, column: 1, severity: 'warning'})
    // A Patchwork dump of one patch of a series: every finding names it.
    const subject = (seedJson('000_')['headers'] as Record<string, string>)['Subject']!
    expect(subject.startsWith('[PATCH v6 2/4] docs: ')).toBe(true)
    expect(new Set(messages.map((m) => m.patch))).toEqual(new Set([subject]))
  }, 60_000)

  test('v2: its 14 single-backquoted texts, 4 trailing blanks, the typo and spdx-license', async () => {
    const diff = seedJson('001_')['diff'] as string
    const {code, stdout} = await runPatch([...args, seedPath('001_')])
    expect(code).toBe(1)
    const messages = flatten(stdout)
    const texts = addedDocument(diff)
    expect(backquoted(texts)).toHaveLength(14)
    expect(ruleCounts(messages)).toEqual({'single-backtick': 14, 'trailing-whitespace': 4, typo: 1, 'spdx-license': 1})
    const backticks = messages.filter((m) => m.ruleId === 'single-backtick')
    expect(backticks.map((m) => texts.split('\n')[m.line - 1]!.slice(m.column, m.endColumn - 2))).toEqual(backquoted(texts))
  }, 60_000)

  test('v6 without its toctree hunk: the new document is an orphan', async () => {
    const json = seedJson('000_')
    const edited = {...json, diff: withoutFile(json['diff'] as string, 'docs/system/index.rst')}
    const {stdout} = await runPatch([...args, '-'], JSON.stringify(edited))
    const messages = flatten(stdout)
    expect(messages.filter((m) => m.ruleId === 'toctree-orphan').map((m) => `${m.path}:${m.line}`)).toEqual([`${WHPX}:1`])
    expect(messages).toHaveLength(23)
  }, 60_000)

  test('v6 without its MAINTAINERS hunk: the new document is claimed only by the catch-all', async () => {
    const json = seedJson('000_')
    const edited = {...json, diff: withoutFile(json['diff'] as string, 'MAINTAINERS')}
    const {stdout} = await runPatch([...args, '-'], JSON.stringify(edited))
    const messages = flatten(stdout)
    expect(messages.filter((m) => m.ruleId === 'maintainers-uncovered').map((m) => `${m.path}:${m.line}`)).toEqual([`${WHPX}:1`])
    expect(messages).toHaveLength(23)
  }, 60_000)

  test('patchwork and email on v6', async () => {
    const check = await runPatch([...args.slice(0, -1), 'patchwork', seedPath('000_')])
    expect(check.stdout).toBe('{"state":"fail","context":"qemu-rst-lint","description":"20 errors, 2 warnings in docs/system/whpx.rst"}\n')
    const mail = await runPatch([...args.slice(0, -1), 'email', seedPath('000_')])
    const lines = mail.stdout.split('\n')
    const json = seedJson('000_')
    const msgid = json['msgid'] as string
    expect(lines[0]).toBe(`In-Reply-To: ${msgid}`)
    expect(lines[1]!.startsWith('References: <')).toBe(true)
    expect(lines[1]!.endsWith(` ${msgid}`)).toBe(true)
    expect(lines[2]).toBe(`Subject: Re: ${(json['headers'] as Record<string, string>)['Subject']}`)
    expect(lines[3]).toBe('')
    expect(lines.filter((line) => line.startsWith('> +'))).toHaveLength(22)
    expect(lines.at(-2)).toBe('qemu-rst-lint 0.1.0: 20 errors, 2 warnings introduced by this patch.')
  }, 60_000)
})
