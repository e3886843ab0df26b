// The scoped index (only the documents that can matter are parsed, some as
// skeletons) must give exactly what the full index gives. Checked on real
// data: both seeds, and the deletion of a document other documents link to.

import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {patchSettings} from '../../src/cli/patch-command.ts'
import {defaultConfig, settingsOf} from '../../src/lint/config.ts'
import {lintIntroduced} from '../../src/lint/introduced.ts'
import {applySeries} from '../../src/patch/apply.ts'
import {readPatchInput} from '../../src/patch/input.ts'
import {DiskFiles} from '../../src/tree/disk-files.ts'
import {rules} from '../../rules/index.ts'
import {seedPath, SHARED} from './helpers.ts'

const TREE = `${SHARED}qemu-tree`
const INVENTORY = `${SHARED}qemu-tree.objects.inv`
const present = existsSync(`${SHARED}seeds`) && existsSync(TREE) && existsSync(INVENTORY)

async function both(bytes: Buffer): Promise<{scoped: string[]; full: string[]}> {
  const input = await readPatchInput(bytes, 'input')
  if (!input.ok) throw new Error(input.error)
  const out: string[][] = []
  for (const fullIndex of [false, true]) {
    const base = new DiskFiles(TREE)
    const applied = applySeries(base, input)
    const settings = patchSettings(settingsOf(defaultConfig(TREE, rules)), [], applied)
    const result = await lintIntroduced({base, applied, rules, settings, inventories: [INVENTORY], fullIndex})
    out.push(result.findings.map((f) => `${f.path}:${f.message.line}:${f.message.column} ${f.message.ruleId} ${f.message.reason}`).sort())
  }
  return {scoped: out[0]!, full: out[1]!}
}

describe.skipIf(!present)('scoped index = full index', () => {
  test.each(['000_', '001_'])('seed %s', async (prefix) => {
    const {scoped, full} = await both(readFileSync(seedPath(prefix)))
    expect(scoped).toEqual(full)
    expect(scoped.length).toBeGreaterThan(15)
  }, 60_000)

  test('deleting a document others link to', async () => {
    const path = 'docs/system/replay.rst'
    const lines = readFileSync(`${TREE}/${path}`, 'utf8').replace(/\n$/, '').split('\n')
    const diff = [`diff --git a/${path} b/${path}`, 'deleted file mode 100644', `--- a/${path}`, '+++ /dev/null', `@@ -1,${lines.length} +0,0 @@`, ...lines.map((line) => `-${line}`), ''].join('\n')
    const {scoped, full} = await both(Buffer.from(diff))
    expect(scoped).toEqual(full)
    // The toctree entry and the references to its label, in documents the patch never touched.
    expect(scoped.some((line) => line.includes('toctree-missing'))).toBe(true)
    expect(scoped.filter((line) => line.includes('`replay`')).length).toBeGreaterThanOrEqual(2)
  }, 60_000)
})
