// The result cache: a warm run reports exactly what a cold run does, and
// every input a result depends on (content, config, another document's
// labels, the tree's file list, MAINTAINERS) invalidates it. Runs the lint
// command in-process on a temporary copy of fixtures/trees/mini-qemu.

import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {lintCommand} from '../../src/cli/lint-command.ts'
import {buildId} from '../../src/lint/cache/build-id.ts'
import {loadRecord, saveRecord} from '../../src/lint/cache/store.ts'

const FIXTURE = new URL('../../fixtures/trees/mini-qemu', import.meta.url).pathname

let tree: string
let cacheHome: string

beforeEach(() => {
  const scratch = mkdtempSync(join(tmpdir(), 'qrl-cache-'))
  tree = join(scratch, 'tree')
  cacheHome = join(scratch, 'cache')
  cpSync(FIXTURE, tree, {recursive: true})
})

afterEach(() => {
  rmSync(join(tree, '..'), {recursive: true, force: true})
})

async function run(args: string[] = [], env: Record<string, string> = {XDG_CACHE_HOME: cacheHome}) {
  let stdout = ''
  let stderr = ''
  const io = {cwd: tree, env, isTTY: false, stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text)}
  const code = await lintCommand(args, io)
  return {code, stdout, stderr}
}

/** `path:line:column rule` of every finding of a JSON run. */
function where(stdout: string): string[] {
  const report = JSON.parse(stdout) as Array<{path: string; messages: Array<{line: number; column: number; ruleId: string}>}>
  return report.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))
}

function cacheFiles(): string[] {
  try {
    return readdirSync(join(cacheHome, 'qemu-rst-lint'))
  } catch {
    return []
  }
}

function cachePath(): string {
  const [name] = cacheFiles()
  if (!name) throw new Error('no cache file')
  return join(cacheHome, 'qemu-rst-lint', name)
}

/** Rewrite the cached reason of every message of `path` (proves a run read the cache). */
function tamper(path: string, reason: string): void {
  const record = loadRecord(cachePath(), buildId())
  const entries = record.files.get(path)
  if (!entries) throw new Error(`no entry for ${path}`)
  for (const entry of entries) for (const message of entry.messages) message['reason'] = reason
  saveRecord(cachePath(), record)
}

describe('result cache', () => {
  it('writes one cache file outside the tree and reuses it: identical output in every format', async () => {
    for (const format of ['json', 'stylish', 'sarif', 'github', 'gitlab', 'checkpatch']) {
      const cold = await run(['--format', format, '--no-cache'])
      const first = await run(['--format', format])
      const warm = await run(['--format', format])
      expect(first.stdout).toBe(cold.stdout)
      expect(warm.stdout).toBe(cold.stdout)
      expect(warm.code).toBe(cold.code)
    }
    expect(cacheFiles()).toHaveLength(1)
    expect(readdirSync(tree)).not.toContain('.cache')
  })

  it('serves a hit from the cache and recomputes a file whose content changed', async () => {
    await run(['--format', 'json'])
    tamper('docs/index.rst', 'from the cache')
    const hit = await run(['--format', 'json'])
    expect(hit.stdout).toContain('from the cache')
    const file = join(tree, 'docs/index.rst')
    writeFileSync(file, readFileSync(file, 'utf8') + '\nA new closing paragraph.\n')
    const miss = await run(['--format', 'json'])
    expect(miss.stdout).not.toContain('from the cache')
    expect(miss.stdout).toBe((await run(['--format', 'json', '--no-cache'])).stdout)
  })

  it('keeps results for a few configurations side by side', async () => {
    const other = ['--rule', 'toctree-missing=off', '--inventory', `${FIXTURE}.objects.inv`]
    await run(['--format', 'json'])
    await run(['--format', 'json', ...other])
    tamper('docs/system/dev-backquotes.rst', 'from the cache')
    expect((await run(['--format', 'json'])).stdout).toContain('from the cache')
    expect((await run(['--format', 'json', ...other])).stdout).toContain('from the cache')
  })

  it('invalidates on a config change', async () => {
    const before = where((await run(['--format', 'json'])).stdout)
    expect(before).toContain('docs/index.rst:14:4 toctree-missing')
    writeFileSync(join(tree, '.qemu-rst-lint.json'), JSON.stringify({rules: {'toctree-missing': 'off'}}))
    const after = where((await run(['--format', 'json'])).stdout)
    expect(after).not.toContain('docs/index.rst:14:4 toctree-missing')
    const flagged = where((await run(['--format', 'json', '--rule', 'toctree-missing=error'])).stdout)
    expect(flagged).toContain('docs/index.rst:14:4 toctree-missing')
  })

  it('updates project findings when another document drops a label', async () => {
    const before = where((await run(['--format', 'json'])).stdout)
    expect(before.filter((line) => line.startsWith('docs/devel/widget-api.rst') && line.endsWith('unknown-reference'))).toEqual([])
    const file = join(tree, 'docs/system/invocation.rst')
    writeFileSync(file, readFileSync(file, 'utf8').replace('.. _invocation:', '.. a plain comment now'))
    const after = where((await run(['--format', 'json'])).stdout)
    expect(after).toContain('docs/devel/widget-api.rst:8:45 unknown-reference')
    expect(after).toEqual(where((await run(['--format', 'json', '--no-cache'])).stdout))
  })

  it('keeps other files\' cached findings when an edit changes no index facts', async () => {
    await run(['--format', 'json'])
    tamper('docs/tools/index.rst', 'kept from the cache')
    const file = join(tree, 'docs/glossary.rst')
    // Text moves (offsets shift) but no label, toctree or target changes.
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n', '\n\n'))
    const warm = await run(['--format', 'json'])
    expect(warm.stdout).toContain('kept from the cache')
    writeFileSync(file, readFileSync(file, 'utf8') + '\n.. _a-new-label:\n\nNew section\n===========\n')
    const changed = await run(['--format', 'json'])
    expect(changed.stdout).not.toContain('kept from the cache')
    expect(changed.stdout).toBe((await run(['--format', 'json', '--no-cache'])).stdout)
  })

  it('updates findings when an included file drops a label', async () => {
    const file = join(tree, 'docs/tools/index.rst')
    writeFileSync(file, readFileSync(file, 'utf8') + '\nSee :ref:`shared-steps`.\n')
    const before = where((await run(['--format', 'json'])).stdout)
    expect(before.filter((line) => line.startsWith('docs/tools/index.rst') && line.endsWith('unknown-reference'))).toHaveLength(1)
    const include = join(tree, 'docs/devel/shared-steps.rst.inc')
    writeFileSync(include, readFileSync(include, 'utf8').replace('.. _shared-steps:', '.. just a comment'))
    const after = where((await run(['--format', 'json'])).stdout)
    expect(after.filter((line) => line.startsWith('docs/tools/index.rst') && line.endsWith('unknown-reference'))).toHaveLength(2)
    expect(after).toEqual(where((await run(['--format', 'json', '--no-cache'])).stdout))
  })

  it('updates findings when an .hx file a document reads changes', async () => {
    const cold = async () => (await run(['--format', 'json', '--no-cache'])).stdout
    const before = where((await run(['--format', 'json'])).stdout)
    const hx = join(tree, 'mini-options.hx')
    writeFileSync(hx, readFileSync(hx, 'utf8').replaceAll('widget', 'gizmo'))
    const warm = await run(['--format', 'json'])
    expect(where(warm.stdout).filter((line) => !before.includes(line))).toEqual(['docs/system/dev-backquotes.rst:12:22 single-backtick', 'docs/system/dev-widget.rst:7:7 unknown-reference'])
    expect(warm.stdout).toBe(await cold())
  })

  it('updates MAINTAINERS findings when a file appears in the tree', async () => {
    const before = where((await run(['--format', 'json'])).stdout)
    expect(before).toContain('MAINTAINERS:23:4 maintainers-dangling')
    writeFileSync(join(tree, 'docs/system/widget-old.rst'), ':orphan:\n\nOld widget notes\n================\n')
    const after = where((await run(['--format', 'json'])).stdout)
    expect(after).not.toContain('MAINTAINERS:23:4 maintainers-dangling')
    expect(after).toEqual(where((await run(['--format', 'json', '--no-cache'])).stdout))
  })

  it('ignores a corrupt cache file and replaces it', async () => {
    const cold = await run(['--format', 'json', '--no-cache'])
    await run(['--format', 'json'])
    writeFileSync(cachePath(), 'not a cache at all')
    const warm = await run(['--format', 'json'])
    expect(warm.stdout).toBe(cold.stdout)
    expect(warm.stderr).toBe('')
    expect(loadRecord(cachePath(), buildId()).files.size).toBeGreaterThan(0)
  })

  it('writes nothing with --no-cache, QEMU_RST_LINT_CACHE=0, or without HOME and XDG_CACHE_HOME', async () => {
    await run(['--format', 'json', '--no-cache'])
    await run(['--format', 'json'], {XDG_CACHE_HOME: cacheHome, QEMU_RST_LINT_CACHE: '0'})
    await run(['--format', 'json'], {})
    expect(cacheFiles()).toEqual([])
  })

  it('--cache-dir overrides the location', async () => {
    const dir = join(cacheHome, 'elsewhere')
    await run(['--format', 'json', '--cache-dir', dir])
    expect(readdirSync(dir)).toHaveLength(1)
    expect(readdirSync(cacheHome)).toEqual(['elsewhere'])
  })

  it('keeps linting when the cache cannot be written (a note on stderr)', async () => {
    const cold = await run(['--format', 'json', '--no-cache'])
    writeFileSync(cacheHome, 'a file where the cache directory should be')
    const result = await run(['--format', 'json'])
    expect(result.stdout).toBe(cold.stdout)
    expect(result.code).toBe(cold.code)
    expect(result.stderr).toMatch(/cannot write the cache/)
  })

  it('drops entries of files that no longer exist', async () => {
    await run(['--format', 'json'])
    expect(loadRecord(cachePath(), buildId()).files.has('docs/devel/stray.rst')).toBe(true)
    rmSync(join(tree, 'docs/devel/stray.rst'))
    await run(['--format', 'json'])
    expect(loadRecord(cachePath(), buildId()).files.has('docs/devel/stray.rst')).toBe(false)
  })

  it('--fix applies fixes despite a warm cache, and the next run is clean of them', async () => {
    const file = join(tree, 'docs/glossary.rst')
    writeFileSync(file, readFileSync(file, 'utf8') + '\nTrailing blanks here.   \n')
    const before = where((await run(['--format', 'json'])).stdout)
    expect(before.some((line) => line.startsWith('docs/glossary.rst') && line.endsWith('trailing-whitespace'))).toBe(true)
    await run(['--format', 'json', '--fix'])
    expect(readFileSync(file, 'utf8')).toContain('Trailing blanks here.\n')
    const after = await run(['--format', 'json'])
    expect(where(after.stdout).some((line) => line.endsWith('trailing-whitespace'))).toBe(false)
    expect(after.stdout).toBe((await run(['--format', 'json', '--no-cache'])).stdout)
  })
})
