// The CLI end to end: build once, then spawn `node bin/qemu-rst-lint.js` on a
// copy of fixtures/lint/tree. Assertions are on this project's line rules
// (other rules' findings are filtered out, so their evolution does not matter
// here), exit statuses, fixing in place, and usage errors.

import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'

const ROOT = new URL('../../', import.meta.url).pathname
const BIN = join(ROOT, 'bin', 'qemu-rst-lint.js')
const MINE = new Set(['trailing-whitespace', 'no-tabs', 'no-carriage-return', 'final-newline', 'unused-suppression', 'input-error'])

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build.js'], {cwd: ROOT, encoding: 'utf8'})
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`)
})

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qrl-cli-'))
  cpSync(join(ROOT, 'fixtures', 'lint', 'tree'), dir, {recursive: true})
  return dir
}

/** A config with only this project's line rules on (others change as they grow). */
function lineRulesConfig(dir: string): string {
  const all = JSON.parse(cli(['rules', '--format', 'json'], ROOT).stdout) as Array<{id: string}>
  const path = join(dir, 'line-rules.json')
  writeFileSync(path, JSON.stringify({rules: Object.fromEntries(all.filter((rule) => !MINE.has(rule.id)).map((rule) => [rule.id, 'off']))}))
  return path
}

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

interface JsonFile {
  path: string
  messages: Array<{ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string}>
}

/** `path line:col-endLine:endCol ruleId` for this project's line rules. */
function mine(stdout: string): string[] {
  const files = JSON.parse(stdout) as JsonFile[]
  return files.flatMap((file) =>
    file.messages
      .filter((message) => MINE.has(message.ruleId))
      .map((message) => `${file.path} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId}`),
  )
}

const EXPECTED = [
  'docs/guide/crlf.rst.inc 1:8-1:9 no-carriage-return',
  'docs/guide/crlf.rst.inc 2:8-2:9 no-carriage-return',
  'docs/guide/crlf.rst.inc 3:1-3:2 no-carriage-return',
  'docs/guide/crlf.rst.inc 4:22-4:23 no-carriage-return',
  'docs/guide/notes.rst 4:23-4:23 final-newline',
  'docs/guide/setup.rst 4:28-4:30 trailing-whitespace',
  'docs/guide/setup.rst 5:8-5:9 no-tabs',
  'docs/guide/setup.rst 7:1-7:2 no-tabs',
  'docs/guide/setup.rst 17:37-17:44 unused-suppression',
  'docs/readme.md 3:30-3:31 trailing-whitespace',
]

describe('lint', () => {
  test('in a tree: lints docs/, paths relative to the root, exit 1', () => {
    const dir = tree()
    const result = cli(['--format', 'json'], dir)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    expect(mine(result.stdout)).toEqual(EXPECTED)
  })

  test('from a subdirectory, and with --tree', () => {
    const dir = tree()
    expect(mine(cli(['--format', 'json'], join(dir, 'docs', 'guide')).stdout)).toEqual(EXPECTED)
    expect(mine(cli(['--format', 'json', '--tree', dir], tmpdir()).stdout)).toEqual(EXPECTED)
  })

  test('files as arguments', () => {
    const dir = tree()
    const result = cli(['--format', 'json', 'docs/guide/notes.rst'], dir)
    expect(mine(result.stdout)).toEqual(['docs/guide/notes.rst 4:23-4:23 final-newline'])
  })

  test('project rules see the whole tree even when one file is linted', () => {
    const dir = tree()
    const files = JSON.parse(cli(['--format', 'json', 'docs/guide/notes.rst'], dir).stdout) as JsonFile[]
    const ids = files.flatMap((file) => file.messages.map((message) => message.ruleId))
    expect(ids).toContain('final-newline')
    // docs/index.rst lists guide/notes in its toctree.
    expect(ids).not.toContain('toctree-orphan')
  })

  test('a clean file: exit 0, nothing printed', () => {
    const dir = tree()
    const result = cli(['--config', lineRulesConfig(dir), 'docs/index.rst'], dir)
    expect(result).toMatchObject({status: 0, stdout: '', stderr: ''})
  })

  test('stylish (default) names file:line:column', () => {
    const dir = tree()
    const result = cli(['docs/guide/notes.rst'], dir)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('docs/guide/notes.rst')
    expect(result.stdout).toMatch(/4:23\s+error\s+Missing newline at the end of the file\s+final-newline/)
  })

  test('--rule, --quiet and --max-warnings', () => {
    const dir = tree()
    const args = ['--format', 'json', 'docs/guide/notes.rst', '--config', lineRulesConfig(dir)]
    expect(cli([...args, '--rule', 'final-newline=warning'], dir).status).toBe(0)
    expect(cli([...args, '--rule', 'final-newline=warning', '--max-warnings', '0'], dir).status).toBe(1)
    const quiet = cli([...args, '--rule', 'final-newline=warning', '--quiet'], dir)
    expect(mine(quiet.stdout)).toEqual([])
  })

  test('config file: rules and ignore', () => {
    const dir = tree()
    writeFileSync(join(dir, '.qemu-rst-lint.json'), JSON.stringify({rules: {'no-carriage-return': 'off'}, ignore: ['docs/*.md']}))
    const out = mine(cli(['--format', 'json'], dir).stdout)
    expect(out).toEqual(EXPECTED.filter((line) => !line.includes('no-carriage-return') && !line.includes('readme.md')))
    const printed = JSON.parse(cli(['--print-config'], dir).stdout)
    expect(printed.rules['no-carriage-return']).toBe('off')
    expect(printed.rules['no-tabs']).toBe('error')
    expect(printed.ignore).toEqual(['docs/*.md'])
  })

  test('invalid UTF-8 is reported with its place, exit 2', () => {
    const dir = tree()
    writeFileSync(join(dir, 'docs', 'bad.rst'), Buffer.from([0x4f, 0x6b, 0x0a, 0x61, 0xe9, 0x0a]))
    const result = cli(['--format', 'json'], dir)
    expect(result.status).toBe(2)
    expect(mine(result.stdout)).toContain('docs/bad.rst 2:2-2:2 input-error')
    expect(result.stdout).toContain('Invalid UTF-8')
  })
})

describe('formats', () => {
  test('github, checkpatch, gitlab, sarif', () => {
    const dir = tree()
    const args = ['docs/guide/notes.rst', '--format']
    expect(cli([...args, 'github'], dir).stdout).toContain(
      '::error file=docs/guide/notes.rst,line=4,col=23,endLine=4,endColumn=23,title=final-newline::Missing newline at the end of the file',
    )
    const checkpatch = cli([...args, 'checkpatch'], dir).stdout
    expect(checkpatch).toContain('ERROR: Missing newline at the end of the file\n#4: FILE: docs/guide/notes.rst:4:\n+No final newline here.\n                       ^\n')
    expect(checkpatch).toMatch(/total: \d+ errors, \d+ warnings, 4 lines checked\n$/)
    expect(JSON.parse(cli([...args, 'gitlab'], dir).stdout)[0]).toMatchObject({check_name: expect.any(String), location: {path: 'docs/guide/notes.rst'}})
    expect(JSON.parse(cli([...args, 'sarif'], dir).stdout).version).toBe('2.1.0')
  })
})

describe('fix', () => {
  test('--fix-dry-run prints a diff and writes nothing', () => {
    const dir = tree()
    const before = readFileSync(join(dir, 'docs/guide/notes.rst'), 'utf8')
    const result = cli(['--fix-dry-run', 'docs/guide/notes.rst', '--rule', 'typo=off'], dir)
    expect(result.stdout).toContain('--- a/docs/guide/notes.rst')
    expect(result.stdout).toContain('+++ b/docs/guide/notes.rst')
    expect(result.stdout).toContain('-No final newline here.\n\\ No newline at end of file\n+No final newline here.\n')
    expect(readFileSync(join(dir, 'docs/guide/notes.rst'), 'utf8')).toBe(before)
  })

  test('--fix writes in place, keeps the mode, and a second run changes nothing', () => {
    const dir = tree()
    const setup = join(dir, 'docs/guide/setup.rst')
    chmodSync(setup, 0o640)
    const first = cli(['--fix', '--format', 'json'], dir)
    expect(mine(first.stdout)).toEqual(['docs/guide/setup.rst 17:37-17:44 unused-suppression'])
    expect(statSync(setup).mode & 0o777).toBe(0o640)
    const text = readFileSync(setup, 'utf8')
    expect(text).toContain('The board boots from flash.\nIt then loads the kernel.\n\n        Indented by a tab.\n')
    expect(text).toContain('\tkeep\tthese tabs\n')
    expect(text).toContain('This line ends in a space. \n')
    expect(readFileSync(join(dir, 'docs/guide/crlf.rst.inc'), 'utf8')).toBe('Section\n=======\n\nWindows line endings.\n')
    expect(readFileSync(join(dir, 'docs/guide/notes.rst'), 'utf8')).toBe('Notes\n=====\n\nNo final newline here.\n')
    const snapshot = ['docs/guide/setup.rst', 'docs/readme.md', 'docs/guide/notes.rst'].map((path) => readFileSync(join(dir, path), 'utf8'))
    cli(['--fix'], dir)
    expect(['docs/guide/setup.rst', 'docs/readme.md', 'docs/guide/notes.rst'].map((path) => readFileSync(join(dir, path), 'utf8'))).toEqual(snapshot)
  })

  test('--fix keeps CRLF line endings when CRs are allowed', () => {
    const dir = tree()
    const path = join(dir, 'docs/guide/dos.rst')
    writeFileSync(path, 'Title\r\n=====\r\n\r\nText.  \r\nEnd.')
    cli(['--fix', '--rule', 'no-carriage-return=off', '--config', lineRulesConfig(dir), 'docs/guide/dos.rst'], dir)
    expect(readFileSync(path, 'utf8')).toBe('Title\r\n=====\r\n\r\nText.\r\nEnd.\r\n')
  })
})

describe('commands and usage', () => {
  test('rules', () => {
    const result = cli(['rules'], ROOT)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^id\s+severity\s+fixable\s+description\n/)
    expect(result.stdout).toMatch(/\nno-tabs\s+error\s+safe\s+Indentation and text must use spaces, not tabs\n/)
    const json = JSON.parse(cli(['rules', '--format', 'json'], ROOT).stdout)
    expect(json.find((rule: {id: string}) => rule.id === 'unused-suppression')).toMatchObject({severity: 'warning', fixable: false})
  })

  test('ast', () => {
    const dir = tree()
    const result = cli(['ast', 'docs/index.rst'], dir)
    expect(result.status).toBe(0)
    const root = JSON.parse(result.stdout)
    expect(root.type).toBe('document')
    expect(root.position.start).toEqual({line: 1, column: 1, offset: 0})
  })

  test('--timing reports rules and phases on stderr', () => {
    const dir = tree()
    const result = cli(['--timing', '--format', 'json', 'docs/guide/notes.rst'], dir)
    expect(result.stderr).toMatch(/^what\s+time \(ms\)\s+share$/m)
    expect(result.stderr).toMatch(/^parse rst\s+\d/m)
    expect(result.stderr).toMatch(/^rule final-newline\s+\d/m)
    // The build's code cache matches the bundle and the V8 flags bin/ sets (else a cold run compiles everything).
    expect(result.stderr).toMatch(/^code cache: used \(/m)
    expect(() => JSON.parse(result.stdout)).not.toThrow()
  })

  test('the bundle is pure ASCII (bin/ reads it as latin1)', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'))
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1)
    // vfile-reporter measures text through our shortcut (scripts/build.js).
    expect(bundle.toString('latin1')).toContain('// src/report/string-width.ts')
  })

  test('--help and --version', () => {
    expect(cli(['--help'], ROOT).stdout).toMatch(/Usage: qemu-rst-lint[\s\S]*--fix-dry-run[\s\S]*Exit status/)
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(cli(['--version'], ROOT).stdout).toBe(`${pkg.version}\n`)
  })

  test.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--format', 'xml'], /--format: unknown format "xml"/],
    [['--rule', 'nope=off'], /unknown rule `nope`/],
    [['--max-warnings', 'many'], /--max-warnings expects a non-negative integer/],
    [['docs/missing.rst'], /no such file or directory: docs\/missing.rst/],
    [['--config', 'none.json'], /cannot read config/],
    [['ast'], /ast: expected exactly one FILE/],
  ])('usage error %j: exit 2, one line, no stack', (args, pattern) => {
    const result = cli(args, tree())
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(pattern)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  test('outside a tree without paths', () => {
    const result = cli([], tmpdir())
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/not inside a QEMU tree/)
  })
})

// A large cold run shares its files with a worker thread (src/cli/shards.ts):
// QRL_JOBS=2 forces that on a small tree, QRL_JOBS=1 keeps one thread, and
// QRL_SHARD_FAULT makes the worker fail at a stage, so that this thread must
// take its files back. The findings must not change in any of these.
describe('two threads', () => {
  const mini = join(ROOT, 'fixtures', 'trees', 'mini-qemu')
  const inventory = ['--inventory', join(ROOT, 'fixtures', 'trees', 'mini-qemu.objects.inv')]
  const indexRulesOff = ['single-backtick', 'toctree-missing', 'toctree-orphan', 'toctree-duplicate', 'unknown-reference', 'include-missing', 'maintainers-dangling', 'maintainers-syntax', 'maintainers-uncovered'].flatMap((id) => ['--rule', `${id}=off`])
  const run = (args: string[], cwd: string, env: Record<string, string>) => cli(['--no-cache', '--format', 'json', ...args], cwd, env)

  test.each([
    ['all rules', inventory, {QRL_JOBS: '2'}, /shard: the worker's findings came/],
    ['all rules, the worker fails at once', inventory, {QRL_JOBS: '2', QRL_SHARD_FAULT: 'start'}, /shard: the worker failed, its files are checked here/],
    ['all rules, the worker fails before checking', inventory, {QRL_JOBS: '2', QRL_SHARD_FAULT: 'check'}, /shard: the worker failed, its files are checked here/],
    ['no index rules', indexRulesOff, {QRL_JOBS: '2'}, /shard: the worker's findings came/],
    ['no index rules, the worker fails before checking', indexRulesOff, {QRL_JOBS: '2', QRL_SHARD_FAULT: 'check'}, /shard: the worker failed, its files are checked here/],
  ])('%s: the same findings as one thread', (_, args, env, said) => {
    // The mini tree has index findings; the lint tree has findings of the other rules.
    const at = args === inventory ? mini : tree()
    const single = run(args, at, {QRL_JOBS: '1'})
    expect(JSON.parse(single.stdout).flatMap((file: JsonFile) => file.messages).length).toBeGreaterThan(5)
    const shared = run([...args, '--timing'], at, env)
    expect(shared.stderr).toMatch(said)
    expect(shared.stdout).toBe(single.stdout)
    expect(shared.status).toBe(single.status)
  })

  test('a first run fills the result cache from both threads; the next run reads it', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'qrl-cli-cache-'))
    const cached = (env: Record<string, string>) => cli(['--cache-dir', cacheDir, '--format', 'json', '--timing', ...inventory], mini, env)
    const single = run(inventory, mini, {QRL_JOBS: '1'})
    const first = cached({QRL_JOBS: '2'})
    expect(first.stderr).toMatch(/shard: the worker's findings came/)
    expect(first.stdout).toBe(single.stdout)
    // The cache is no longer empty: one thread, every file from the cache.
    const second = cached({QRL_JOBS: '2'})
    expect(second.stderr).not.toMatch(/shard:/)
    expect(second.stdout).toBe(single.stdout)
  })

  const qemuTree = join(ROOT, '..', 'shared', 'qemu-tree')
  test.skipIf(!existsSync(join(qemuTree, 'docs')))('the QEMU tree is shared by default, with the same findings as one thread (needs ../shared)', () => {
    const shared = run(['--timing', ...inventory.slice(0, 1), join(ROOT, '..', 'shared', 'qemu-tree.objects.inv')], qemuTree, {})
    expect(shared.stderr).toMatch(/shard: the worker took [1-9]\d* of \d+ files/)
    const single = run([...inventory.slice(0, 1), join(ROOT, '..', 'shared', 'qemu-tree.objects.inv')], qemuTree, {QRL_JOBS: '1'})
    expect(shared.stdout).toBe(single.stdout)
    expect(shared.status).toBe(single.status)
  })
})
