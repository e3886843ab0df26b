// Patch mode end to end on a small tree of our own (fixtures/patch-mode):
// a three-patch series whose last patch fixes the first one's mistake, the
// tree's own pre-existing problems, cross-file consequences of a change, and
// every output format's view of the result.

import {mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {flatten, runPatch, SERIES, TREE} from './helpers.ts'

const P1 = '[PATCH v2 1/3] docs/tools: document the lever tool'
const P2 = '[PATCH v2 2/3] docs/tools/crank: mention the turns option'

/** Every file of a directory with its text (to prove nothing was written). */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(join(dir, prefix))) {
    const path = prefix ? `${prefix}/${name}` : name
    if (statSync(join(dir, path)).isDirectory()) Object.assign(out, snapshot(dir, path))
    else out[path] = readFileSync(join(dir, path), 'utf8')
  }
  return out
}

const summary = (stdout: string) => flatten(stdout).map((m) => `${m.path}:${m.line}:${m.column} ${m.ruleId} ${m.patch ?? '-'}`)

describe('a three-patch series', () => {
  test('only what remains after the whole series, attributed to the patch that introduced it', async () => {
    const before = snapshot(TREE)
    const {code, stdout, stderr} = await runPatch(['--tree', TREE, '--format', 'json', SERIES])
    expect(stderr).toBe('')
    expect(code).toBe(1)
    // Patch 1's `-l` reference is fixed by patch 3; the tree's own "teh" and
    // trailing blanks in about.rst were there before and are not reported.
    expect(summary(stdout)).toEqual([
      `docs/tools/crank.rst:10:6 single-backtick ${P2}`,
      `docs/tools/crank.rst:10:41 trailing-whitespace ${P2}`,
      `docs/tools/lever.rst:7:16 typo ${P1}`,
    ])
    expect(snapshot(TREE)).toEqual(before)
  })

  test('stylish names the patch in each message of a series', async () => {
    const {stdout} = await runPatch(['--tree', TREE, SERIES])
    expect(stdout).toContain(`Write \`receive\` (${P1})`)
    expect(stdout).toContain(`end of the line (${P2})`)
  })

  test('stdin and several files give the same answer as the mbox', async () => {
    const text = readFileSync(SERIES, 'utf8')
    const fromStdin = await runPatch(['--tree', TREE, '--format', 'json', '-'], text)
    expect(summary(fromStdin.stdout)).toEqual(summary((await runPatch(['--tree', TREE, '--format', 'json', SERIES])).stdout))
    // One file per mail, as `git format-patch` writes them (cover letter first).
    const dir = mkdtempSync(join(tmpdir(), 'qrl-series-'))
    const mails = text.split(/\n(?=From [0-9a-f]{40} )/)
    expect(mails).toHaveLength(4)
    const files = mails.map((mail, index) => {
      const path = join(dir, `000${index}.patch`)
      writeFileSync(path, mail.endsWith('\n') ? mail : `${mail}\n`)
      return path
    })
    const split = await runPatch(['--tree', TREE, '--format', 'json', ...files])
    expect(summary(split.stdout)).toEqual(summary(fromStdin.stdout))
  })

  test('the first patch alone: its reference is reported, and no patch leaves the tree dirty', async () => {
    const first = readFileSync(SERIES, 'utf8').split(/\n(?=From [0-9a-f]{40} )/)[1]!
    const {code, stdout} = await runPatch(['--tree', TREE, '--format', 'json', '-'], first)
    expect(code).toBe(1)
    expect(summary(stdout)).toEqual([`docs/tools/lever.rst:6:47 single-backtick ${P1}`, `docs/tools/lever.rst:7:16 typo ${P1}`])
  })

  test('patchwork: one line for the checks API', async () => {
    const {code, stdout} = await runPatch(['--tree', TREE, '--format', 'patchwork', '--target-url', 'https://ci.example.org/run/7', SERIES])
    expect(code).toBe(1)
    expect(stdout).toBe(
      '{"state":"fail","context":"qemu-rst-lint","description":"2 errors, 1 warning in docs/tools/crank.rst and docs/tools/lever.rst","target_url":"https://ci.example.org/run/7"}\n',
    )
  })

  test('email: a reply to the cover letter, grouped by patch', async () => {
    const messages = flatten((await runPatch(['--tree', TREE, '--format', 'json', SERIES])).stdout).map((m) => m.message)
    const {stdout} = await runPatch(['--tree', TREE, '--format', 'email', SERIES])
    expect(stdout).toBe(
      [
        'In-Reply-To: <lever-v2-0@example.org>',
        'References: <lever-v2-0@example.org>',
        'Subject: Re: [PATCH v2 0/3] docs: the lever tool',
        '',
        `${P1}:`,
        '',
        '> +lever; it will recieve an answer from the crank tool.',
        '                  ^^^^^^^',
        `docs/tools/lever.rst:7:16: warning: ${messages[2]} [typo]`,
        '',
        `${P2}:`,
        '',
        '> +Pass `--turns=3` to turn it three times, ',
        '        ^^^^^^^^^^^',
        `docs/tools/crank.rst:10:6: error: ${messages[0]} [single-backtick]`,
        '',
        '> +Pass `--turns=3` to turn it three times, ',
        '                                           ^',
        `docs/tools/crank.rst:10:41: error: ${messages[1]} [trailing-whitespace]`,
        '',
        'qemu-rst-lint 0.1.0: 2 errors, 1 warning introduced by this series.',
        '',
      ].join('\n'),
    )
  })
})

describe('cross-file consequences', () => {
  test('a removed label still referenced elsewhere, and a MAINTAINERS pattern left dangling', async () => {
    const diff = [
      'diff --git a/docs/about.rst b/docs/about.rst',
      '--- a/docs/about.rst',
      '+++ b/docs/about.rst',
      '@@ -1,5 +1,3 @@',
      '-.. _about-toolbox:',
      '-',
      ' About the toolbox',
      ' =================',
      ' ',
      'diff --git a/tools/crank/crank.c b/tools/crank/crank.c',
      'deleted file mode 100644',
      '--- a/tools/crank/crank.c',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-int main(void) { return 0; }',
      '',
    ].join('\n')
    const {code, stdout} = await runPatch(['--tree', TREE, '--format', 'json', '-'], diff)
    expect(code).toBe(1)
    // about.rst keeps its pre-existing problems (uncovered, trailing blanks) unreported.
    expect(summary(stdout)).toEqual(['MAINTAINERS:7:4 maintainers-dangling -', 'docs/tools/crank.rst:5:7 unknown-reference -'])
  })

  test('a toctree entry to a missing document orphans the one it replaced', async () => {
    const diff = [
      'diff --git a/docs/tools/index.rst b/docs/tools/index.rst',
      '--- a/docs/tools/index.rst',
      '+++ b/docs/tools/index.rst',
      '@@ -3,4 +3,4 @@ Tools',
      ' ',
      ' .. toctree::',
      ' ',
      '-   crank',
      '+   crankk',
      '',
    ].join('\n')
    const {stdout} = await runPatch(['--tree', TREE, '--format', 'json', '-'], diff)
    expect(summary(stdout)).toEqual(['docs/tools/crank.rst:1:1 toctree-orphan -', 'docs/tools/index.rst:6:4 toctree-missing -'])
  })
})

describe('--git A..B', () => {
  test('the commits of a range, against commit A (the checkout already holds B)', async () => {
    const {cpSync} = await import('node:fs')
    const {execFileSync} = await import('node:child_process')
    const dir = mkdtempSync(join(tmpdir(), 'qrl-git-'))
    cpSync(TREE, dir, {recursive: true})
    const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'pipe', env: {...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org'}})
    git('init', '-q', '.')
    git('add', '-A')
    git('commit', '-qm', 'base')
    // The mbox starts with the cover letter, which `git am` stops at (it has no diff): skip it.
    try {
      git('am', '-q', SERIES)
    } catch {
      git('am', '-q', '--skip')
    }
    expect(git('rev-list', '--count', 'HEAD').toString().trim()).toBe('4')
    const {code, stdout} = await runPatch(['--tree', dir, '--git', 'HEAD~3..HEAD', '--format', 'json'])
    expect(code).toBe(1)
    expect(summary(stdout)).toEqual([
      'docs/tools/crank.rst:10:6 single-backtick [PATCH 2/3] docs/tools/crank: mention the turns option',
      'docs/tools/crank.rst:10:41 trailing-whitespace [PATCH 2/3] docs/tools/crank: mention the turns option',
      'docs/tools/lever.rst:7:16 typo [PATCH 1/3] docs/tools: document the lever tool',
    ])
    const bad = await runPatch(['--tree', dir, '--git', 'nowhere..HEAD'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--git nowhere..HEAD')
  })
})
