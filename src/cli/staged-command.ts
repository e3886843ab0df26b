// `qemu-rst-lint --staged`: the pre-commit check. Lints what the next commit
// would record — the git index, not the working tree — with the toctree,
// targets and MAINTAINERS as the index has them, and reports only what the
// staged change introduces against HEAD (patch mode's fingerprints, so old
// findings that merely moved stay quiet). Same formats and exit codes as the
// main command: 0 clean (or warnings only), 1 errors introduced, 2 usage/input.

import {readFileSync} from 'node:fs'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import type {ConfigFiles} from '../lint/config.ts'
import type {TreeFiles} from '../tree/files.ts'
import {UsageError} from '../lint/errors.ts'
import {applyFixes, safeFixes} from '../lint/fix.ts'
import {VERSION} from '../lint/meta.ts'
import {isTiming, timed, timingReport} from '../lint/timing.ts'
import {discoverRepo} from '../git/repo.ts'
import {readStagedChange, startStagedRead} from '../git/staged.ts'
import {FORMATS, loadFormat} from '../report/index.ts'
import type {FileReport} from '../report/types.ts'
import {parse} from './args.ts'
import type {Command, Io} from './io.ts'
import {LINT_OPTIONS, lintSettings, useColor} from './lint-options.ts'
import {writeAtomic} from './write.ts'

const OPTIONS = {staged: {type: 'boolean'}, ...LINT_OPTIONS} as const

export function stagedHelp(): string {
  return `Usage: qemu-rst-lint --staged [options]

Lint what the next commit would record: the staged content (the git index,
not the working tree), in the tree as the index has it, reporting only what
the staged change introduces against HEAD. Run it from anywhere in the
checkout (worktrees and repositories without commits included); this is what
the hook written by \`qemu-rst-lint install-hook\` runs.

Options:
  --tree DIR            a directory of the checkout to check (default: here)
  --fix                 apply the safe fixes of introduced problems to the working-tree
                        files (only where they match the index); re-stage them yourself
  --format NAME         ${Object.keys(FORMATS).join(', ')} (default: stylish)
  --inventory FILE      a Sphinx objects.inv whose entries count as targets; repeatable
  --config FILE         use this config file instead of looking for .qemu-rst-lint.json
  --rule ID=SEVERITY    set a rule's severity; repeatable
  --quiet               report errors only
  --max-warnings N      exit 1 when more than N warnings are introduced
  --color, --no-color   force colour on or off (stylish)
  --timing              print the time spent per phase and rule on stderr (or TIMING=1)

Exit status: 0 nothing introduced (or only warnings), 1 errors introduced (or
fixes were written and need staging), 2 usage or input error.
`
}

export const stagedCommand: Command = async (argv, io: Io) => {
  const {values, positionals} = parse(argv, OPTIONS)
  if (values.help) {
    io.stdout(stagedHelp())
    return 0
  }
  const {format, maxWarnings} = lintSettings(values, io)
  if (positionals.length > 0) throw new UsageError(`--staged lints the whole staged change; it takes no paths (got ${positionals.join(' ')})`)

  const env = io.env as NodeJS.ProcessEnv
  const where = values.tree === undefined ? io.cwd : resolve(io.cwd, values.tree)
  // Every git call starts now, alongside the repository discovery (one round of
  // git processes in all), and the linter's modules load while git works.
  const started = startStagedRead(where, env)
  const loading = loadLinter()
  loading.catch(() => {}) // awaited below; not an unhandled rejection if git fails first
  const repo = await timed('staged: git repo', () => discoverRepo(where, env))
  if ('error' in repo) {
    started.head.cancel()
    throw new UsageError(`--staged: ${repo.error}`)
  }
  const root = repo.toplevel
  const change = await timed('staged: git read', () => readStagedChange(repo, env, started))
  if ('error' in change) throw new UsageError(`--staged: ${change.error}`)
  const {rules, settingsOf, ConfigResolver, DISK_CONFIG_FILES, blockingProblems, lintIntroduced} = await loading

  const color = useColor(values, io)
  const report = async (files: FileReport[]) => io.stdout((await loadFormat(format))({files, rules, color, version: VERSION}))
  if (change.diff.length === 0) {
    // Nothing staged: nothing introduced.
    await report([])
    return 0
  }

  const {readPatchInput} = await import('../patch/input.ts')
  const input = await readPatchInput(change.diff, 'staged changes')
  if (!input.ok) throw new UsageError(input.error)
  const blocking = blockingProblems(input.problems)
  if (blocking.length > 0) throw new UsageError(blocking.map((problem) => `staged changes: ${problem.message}`).join('\n'))

  const {applySeries} = await import('../patch/apply.ts')
  const applied = timed('staged: apply', () => applySeries(change.base, input))
  const after = applied.files
  if (!after.exists('docs/conf.py') && !after.exists('docs/index.rst')) {
    throw new UsageError(`--staged: ${root} is not a QEMU tree (the index holds no docs/conf.py or docs/index.rst)`)
  }
  // The diff is of the index itself, so it always applies; anything else is worth saying.
  for (const problem of applied.problems) {
    if (problem.kind !== 'binary-patch' && problem.severity !== 'info') io.stderr(`qemu-rst-lint: ${problem.severity}: ${problem.message}\n`)
  }

  const {patchSettings} = await import('./patch-command.ts')
  const configs = new ConfigResolver({
    rules,
    flags: values.rule ?? [],
    base: root,
    files: stagedConfigFiles(root, after, DISK_CONFIG_FILES),
    ...(values.config === undefined ? {} : {explicit: resolve(io.cwd, values.config)}),
  })
  const settings = patchSettings(settingsOf(configs.forDirectory(root)), values.rule ?? [], applied)
  const inventories = (values.inventory ?? []).map((path) => resolve(io.cwd, path))
  const result = await lintIntroduced({base: change.base, applied, rules, settings, inventories})

  let files = result.files
  let fixed = 0
  if (values.fix) {
    const outcome = fixWorkingTree(root, files, io)
    files = outcome.files
    fixed = outcome.fixed
  }
  if (values.quiet) files = files.map((file) => ({...file, messages: file.messages.filter((message) => message.fatal === true)})).filter((file) => file.messages.length > 0)
  await report(files)
  if (isTiming()) io.stderr(timingReport())

  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  if (fixed > 0) {
    io.stderr(`qemu-rst-lint: fixed ${fixed} problem${fixed === 1 ? '' : 's'} in the working tree; review and \`git add\` the files, then commit again\n`)
    return 1
  }
  if (errors > 0) return 1
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`qemu-rst-lint: ${warnings} warnings introduced, more than --max-warnings ${maxWarnings}\n`)
    return 1
  }
  return 0
}

/** The linter proper, loaded on demand so that its start-up overlaps the git calls. */
async function loadLinter() {
  const [{rules}, {settingsOf, DISK_CONFIG_FILES}, {ConfigResolver}, {blockingProblems, lintIntroduced}] = await Promise.all([
    import('../../rules/index.ts'),
    import('../lint/config.ts'),
    import('../lint/config-resolver.ts'),
    import('../lint/introduced.ts'),
  ])
  return {rules, settingsOf, ConfigResolver, DISK_CONFIG_FILES, blockingProblems, lintIntroduced}
}

/**
 * Config files as the commit has them: a config file the index holds is read
 * from the index (an unstaged edit does not change the verdict); one it does
 * not hold — an untracked personal config, or one above the checkout — from the disk.
 */
export function stagedConfigFiles(root: string, staged: TreeFiles, disk: ConfigFiles): ConfigFiles {
  return {
    read(path) {
      const inside = relative(root, path)
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return disk.read(path)
      return staged.read(inside.split(sep).join('/')) ?? disk.read(path)
    },
  }
}

/**
 * `--staged --fix`: apply the safe fixes of the introduced problems to the
 * working-tree file, but only when it still holds exactly the staged text
 * (under the pre-commit framework, which stashes unstaged edits, it does);
 * a file with unstaged edits is left alone, its problems reported as they are.
 * The index is never written: the user reviews and stages the fix.
 */
function fixWorkingTree(root: string, files: readonly FileReport[], io: Io): {files: FileReport[]; fixed: number} {
  let fixed = 0
  const out: FileReport[] = []
  for (const file of files) {
    const fixes = safeFixes(file.messages)
    if (fixes.length === 0) {
      out.push(file)
      continue
    }
    const absolute = join(root, file.path)
    let onDisk: string | undefined
    try {
      onDisk = readFileSync(absolute, 'utf8')
    } catch {
      onDisk = undefined
    }
    if (onDisk !== file.text) {
      io.stderr(`qemu-rst-lint: ${file.path}: not fixed, the working tree differs from the index\n`)
      out.push(file)
      continue
    }
    const result = applyFixes(file.text, fixes)
    try {
      writeAtomic(absolute, result.text)
    } catch (error) {
      io.stderr(`qemu-rst-lint: ${file.path}: cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`)
      out.push(file)
      continue
    }
    fixed += result.applied
    // What is left: every problem when some fix had to wait (overlap), else those without a safe fix.
    const remaining = result.applied === fixes.length ? file.messages.filter((message) => message.fix?.safety !== 'safe') : file.messages
    out.push({...file, messages: remaining})
  }
  return {files: out, fixed}
}
