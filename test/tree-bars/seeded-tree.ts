// A temporary copy of the shared QEMU tree with the v6 WHPX seed applied
// through the patch layer (`readPatchInput` + `applySeries`), for the bars
// that lint a patched tree the way a developer would after `git am`.

import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {applySeries, readPatchInput} from '../../src/patch/index.ts'
import {DiskFiles} from '../../src/tree/disk-files.ts'
import {QEMU_TREE, SHARED} from './run-lint.ts'

export const SEEDS = `${SHARED}seeds`

export function seedV6(): string | undefined {
  try {
    const name = readdirSync(SEEDS).find((file) => file.startsWith('000_') && file.endsWith('.txt'))
    return name === undefined ? undefined : join(SEEDS, name)
  } catch {
    return undefined
  }
}

/** Copy the tree, apply the seed, write the changed files; returns the copy's root. */
export async function seededCopy(seed: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'qrl-seeded-'))
  try {
    await copyAndApply(root, seed)
  } catch (error) {
    rmSync(root, {recursive: true, force: true})
    throw error
  }
  return root
}

async function copyAndApply(root: string, seed: string): Promise<void> {
  cpSync(QEMU_TREE, root, {recursive: true})
  const input = await readPatchInput(readFileSync(seed), seed)
  if (!input.ok) throw new Error(input.error)
  const applied = applySeries(new DiskFiles(root), input)
  // Fuzz and offsets are fine (the seed was written against an older tree); a rejected hunk is not.
  const rejected = applied.problems.filter((problem) => problem.severity !== 'info')
  if (rejected.length > 0) throw new Error(`seed did not apply: ${JSON.stringify(rejected)}`)
  for (const [path, change] of applied.changed) {
    if (change.status === 'deleted') rmSync(join(root, path), {force: true})
    else writeFileSync(join(root, path), applied.files.read(path) ?? '')
    if (change.status === 'renamed' && change.oldPath) rmSync(join(root, change.oldPath), {force: true})
  }
}
