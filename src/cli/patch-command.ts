// `qemu-rst-lint patch INPUT… | --git A..B`: the CI check on patches. Reads
// diffs, format-patch files, mbox series or Patchwork JSON (by content),
// applies them to the tree in memory (nothing is written), and reports only
// what the series introduces, in any engine format or as a Patchwork check
// body or a review e-mail. Exit 0 clean (or warnings only), 1 errors
// introduced, 2 usage or input errors.

import {readFileSync, statSync} from 'node:fs'
import {resolve} from 'node:path'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../../rules/index.ts'
import {settingsOf} from '../lint/config.ts'
import {ConfigResolver} from '../lint/config-resolver.ts'
import {UsageError} from '../lint/errors.ts'
import {findTreeRoot, isTreeRoot} from '../lint/files.ts'
import {repairDamagedIndent} from '../lint/damaged-indent.ts'
import {blockingProblems, lintIntroduced, type Finding} from '../lint/introduced.ts'
import {VERSION} from '../lint/meta.ts'
import {enableTiming, isTiming, timed, timingReport} from '../lint/timing.ts'
import type {RuleSetting} from '../lint/plugin.ts'
import type {AppliedSeries} from '../patch/apply.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {InputError, PatchInput} from '../patch/types.ts'
import {FORMATS, isFormat, loadFormat} from '../report/index.ts'
import {sortedMessages, type FileReport} from '../report/types.ts'
import {parse} from './args.ts'
import {useColor} from './lint-options.ts'
import type {Command, Io} from './io.ts'

const OPTIONS = {
  tree: {type: 'string'},
  git: {type: 'string'},
  format: {type: 'string'},
  'target-url': {type: 'string'},
  inventory: {type: 'string', multiple: true},
  config: {type: 'string'},
  rule: {type: 'string', multiple: true},
  quiet: {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  timing: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
} as const

/** Formats only patch mode has (they need the patch's mail and the CI's URL). */
const PATCH_FORMATS = ['patchwork', 'email'] as const

/** Rules patch mode turns on at their default severity unless `--rule ID=off` says otherwise. */
const PATCH_RULES = ['maintainers-uncovered', 'spdx-license']

/** An `Io` may bring its own stdin (tests); otherwise the process's is read. */
export interface PatchIo extends Io {
  stdin?: () => Promise<Buffer>
}

export function patchHelp(): string {
  return `Usage: qemu-rst-lint patch [options] INPUT...
       qemu-rst-lint patch [options] --git A..B

Lint what a patch (or series) introduces into QEMU's docs. INPUT is a file or
\`-\` for stdin: a plain diff, a git format-patch file or mbox series, or a
Patchwork API JSON dump (recognised by content). The patch is applied to the
tree in memory; the tree is never written. Only findings on the lines the
patch adds, and cross-file findings that are new (toctree, references,
MAINTAINERS), are reported, each attributed to the patch that introduced it.

Options:
  --tree DIR            the QEMU tree the patch applies to (default: found upward from here)
  --git A..B            lint the commits of a range of the tree's repository instead
  --format NAME         ${[...Object.keys(FORMATS), ...PATCH_FORMATS].join(', ')} (default: stylish)
  --target-url URL      the CI run's URL, for --format patchwork
  --inventory FILE      a Sphinx objects.inv whose entries count as targets; repeatable
  --config FILE         use this config file instead of looking for .qemu-rst-lint.json
  --rule ID=SEVERITY    set a rule's severity; repeatable
  --quiet               report errors only
  --color, --no-color   force colour on or off (stylish)
  --timing              print the time spent per phase and rule on stderr (or TIMING=1)

Exit status: 0 nothing introduced (or only warnings), 1 errors introduced,
2 usage or input error (unreadable or malformed patch).
`
}

export const patchCommand: Command = async (argv, io: PatchIo) => {
  const {values, positionals} = parse(argv, OPTIONS)
  if (values.help) {
    io.stdout(patchHelp())
    return 0
  }
  if (values.timing || io.env['TIMING']) enableTiming()
  const format = values.format ?? 'stylish'
  const patchFormat = (PATCH_FORMATS as readonly string[]).includes(format)
  if (!patchFormat && !isFormat(format)) {
    throw new UsageError(`--format: unknown format "${format}" (expected ${[...Object.keys(FORMATS), ...PATCH_FORMATS].join(', ')})`)
  }
  if (values.git !== undefined && positionals.length > 0) throw new UsageError('patch: give patch files or --git A..B, not both')
  if (values.git === undefined && positionals.length === 0) throw new UsageError('patch: no input (give a patch file, `-` for stdin, or --git A..B; see `qemu-rst-lint patch --help`)')

  const root = treeRoot(io.cwd, values.tree)
  const inventories = (values.inventory ?? []).map((path) => {
    const absolute = resolve(io.cwd, path)
    if (!isFile(absolute)) throw new UsageError(`--inventory ${path}: no such file`)
    return absolute
  })

  const input = await readInputs(io, root, positionals, values.git)
  const blocking = blockingProblems(input.problems)
  if (blocking.length > 0) throw new UsageError(blocking.map((problem) => `${input.name}: ${problem.message}`).join('\n'))

  const {applySeries} = await import('../patch/apply.ts')
  const base = await baseTree(root, values.git)
  let applied = timed('patch: apply', () => applySeries(base, input))
  // A mailer's whitespace damage: lint the added lines at the indentation they were meant to have.
  const repaired = repairDamagedIndent(base, input, applied)
  if (repaired) applied = {...applySeries(base, repaired), problems: applied.problems}

  const configs = new ConfigResolver({rules, flags: values.rule ?? [], base: root, ...(values.config === undefined ? {} : {explicit: resolve(io.cwd, values.config)})})
  const settings = patchSettings(settingsOf(configs.forDirectory(root)), values.rule ?? [], applied)
  const result = await lintIntroduced({base, applied, rules, settings, inventories})

  for (const problem of applied.problems) {
    if (problem.kind !== 'patch-apply' && problem.severity !== 'info') io.stderr(`qemu-rst-lint: ${problem.severity}: ${problem.message}\n`)
  }

  let files = result.files
  if (values.quiet) files = files.map((file) => ({...file, messages: file.messages.filter((message) => message.fatal === true)})).filter((file) => file.messages.length > 0)
  const labels = patchLabels(input)
  const byMessage = new Map<VFileMessage, Finding>(result.findings.map((finding) => [finding.message, finding]))
  const labelOf = (message: VFileMessage): string | undefined => {
    const patch = byMessage.get(message)?.patch
    return patch === undefined ? undefined : labels[patch]
  }
  const series = input.patches.length > 1
  const color = useColor(values, io)
  const context = {files, rules, color, version: VERSION}

  if (format === 'patchwork') {
    const {patchwork} = await import('../report/patchwork.ts')
    io.stdout(patchwork({...context, ...(values['target-url'] ? {targetUrl: values['target-url']} : {})}))
  } else if (format === 'email') {
    const {email} = await import('../report/email.ts')
    const details = new Map([...byMessage].map(([message, finding]) => {
      const label = labelOf(message)
      return [message, {lineText: finding.lineText, added: finding.added, ...(label ? {patchLabel: label} : {}), ...(finding.patch === undefined ? {} : {patchIndex: finding.patch})}] as const
    }))
    io.stdout(email({...context, details, grouped: series, replyTo: replyTarget(input), inputName: input.name}))
  } else if (format === 'json') {
    io.stdout(jsonWithPatches(await (await loadFormat('json'))(context), files, labelOf))
  } else {
    // Text formats: a series names the patch in each message.
    if (series) for (const file of files) for (const message of file.messages) nameThePatch(message, labelOf(message))
    io.stdout(await (await loadFormat(format as keyof typeof FORMATS))(context))
  }
  if (isTiming()) io.stderr(timingReport())
  return files.some((file) => file.messages.some((message) => message.fatal === true)) ? 1 : 0
}

/** The tree the patches apply to: the checkout, or for `--git A..B` commit A from the repository. */
async function baseTree(root: string, range: string | undefined): Promise<TreeFiles> {
  if (range === undefined) return new (await import('../tree/disk-files.ts')).DiskFiles(root)
  const [{gitCommitFiles}, {rangeBase}] = await Promise.all([import('../git/commit-files.ts'), import('../git/range-base.ts')])
  const commit = rangeBase(root, range)
  if (typeof commit !== 'string') throw new UsageError(`--git ${range}: ${commit.error}`)
  return gitCommitFiles(root, commit)
}

function treeRoot(cwd: string, tree: string | undefined): string {
  if (tree !== undefined) {
    const root = resolve(cwd, tree)
    if (!isTreeRoot(root)) throw new UsageError(`--tree ${tree}: not a QEMU tree (no docs/conf.py or docs/index.rst)`)
    return root
  }
  const found = findTreeRoot(cwd)
  if (!found) throw new UsageError('not inside a QEMU tree (no docs/conf.py or docs/index.rst above this directory); pass --tree DIR')
  return found
}

/** Read every input (or the git range) into one series, in the order given. */
async function readInputs(io: PatchIo, root: string, names: readonly string[], range: string | undefined): Promise<PatchInput> {
  const {readPatchInput} = await import('../patch/input.ts')
  const fail = (read: PatchInput | InputError): PatchInput => {
    if (!read.ok) throw new UsageError(read.error)
    return read
  }
  if (range !== undefined) return fail(await (await import('../patch/git.ts')).readGitRange(root, range))
  const all: Array<{name: string; bytes: Buffer}> = []
  for (const name of names) {
    all.push({name: name === '-' ? '<stdin>' : name, bytes: name === '-' ? await (io.stdin ?? readStdin)() : readInputFile(resolve(io.cwd, name), name)})
  }
  // `git format-patch` files (cover letter included) are one mbox: read them
  // together so the series is ordered and its cover letter kept apart.
  if (all.length > 1 && all.every(({bytes}) => bytes.subarray(0, 5).toString('latin1') === 'From ')) {
    // As `cat` joins them; a last line without its newline still ends there.
    const joined = Buffer.concat(all.flatMap(({bytes}) => (bytes.at(-1) === 10 ? [bytes] : [bytes, Buffer.from('\n')])))
    return fail(await readPatchInput(joined, all.map(({name}) => name).join(' ')))
  }
  const inputs: PatchInput[] = []
  for (const {name, bytes} of all) inputs.push(fail(await readPatchInput(bytes, name)))
  return mergeInputs(inputs)
}

function readInputFile(absolute: string, name: string): Buffer {
  try {
    return readFileSync(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`${name}: cannot read the patch (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? String(error))})`)
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Several inputs are one series, patches numbered in the order given. */
export function mergeInputs(inputs: readonly PatchInput[]): PatchInput {
  if (inputs.length === 1) return inputs[0]!
  const patches: PatchInput['patches'] = []
  const problems: PatchInput['problems'] = []
  let cover: PatchInput['cover']
  for (const input of inputs) {
    const offset = patches.length
    for (const patch of input.patches) patches.push({...patch, index: patch.index + offset})
    for (const problem of input.problems) problems.push(problem.patch === undefined ? problem : {...problem, patch: problem.patch + offset})
    cover ??= input.cover
  }
  return {ok: true, kind: inputs[0]!.kind, name: inputs.map((input) => input.name).join(' '), patches, problems, ...(cover ? {cover} : {})}
}

/**
 * The engine's settings plus patch mode's own: `maintainers-uncovered` and
 * `spdx-license` on (unless a `--rule` turns them off), and `spdx-license`
 * told which files the series adds.
 */
export function patchSettings(base: ReadonlyMap<string, RuleSetting>, flags: readonly string[], applied: AppliedSeries): Map<string, RuleSetting> {
  const settings = new Map(base)
  const offByFlag = new Set(flags.filter((flag) => flag.endsWith('=off')).map((flag) => flag.slice(0, -4)))
  for (const id of PATCH_RULES) {
    const rule = rules.find((candidate) => candidate.meta.id === id)
    if (!rule || offByFlag.has(id) || settings.has(id)) continue
    settings.set(id, {severity: rule.meta.severity, options: {}})
  }
  const spdx = settings.get('spdx-license')
  if (spdx) {
    const newFiles = [...applied.changed.values()].filter((change) => change.status === 'added').map((change) => change.path)
    settings.set('spdx-license', {...spdx, options: {...spdx.options, newFiles}})
  }
  return settings
}

/** `[PATCH v6 2/4] docs: add …` per patch index; undefined for a subject-less diff. */
function patchLabels(input: PatchInput): Array<string | undefined> {
  const labels: Array<string | undefined> = []
  for (const patch of input.patches) {
    const subject = patch.subject
    if (!subject.title) continue
    const parts = [subject.tags.length > 0 ? subject.tags.join(' ') : 'PATCH']
    if (subject.version !== undefined) parts.push(`v${subject.version}`)
    if (subject.index !== undefined && subject.total !== undefined) parts.push(`${subject.index}/${subject.total}`)
    labels[patch.index] = `[${parts.join(' ')}] ${subject.title}`
  }
  return labels
}

function nameThePatch(message: VFileMessage, label: string | undefined): void {
  if (!label) return
  message.reason = `${message.reason} (${label})`
  message.message = message.reason
}

/** The engine's JSON with a `patch` key on each message that has one (same order as the formatter's). */
function jsonWithPatches(text: string, files: readonly FileReport[], labelOf: (message: VFileMessage) => string | undefined): string {
  const data = JSON.parse(text) as Array<{path: string; messages: Array<Record<string, unknown>>}>
  const withMessages = files.filter((file) => file.messages.length > 0)
  data.forEach((entry, index) => {
    const messages = sortedMessages(withMessages[index]?.messages ?? [])
    entry.messages.forEach((out, at) => {
      const message = messages[at]
      const label = message && labelOf(message)
      if (label) out['patch'] = label
    })
  })
  return JSON.stringify(data, null, 2) + '\n'
}

/** The mail a review answers: the patch, or for a series its cover letter (else its first patch). */
function replyTarget(input: PatchInput): {subject?: string; messageId?: string; references: readonly string[]} {
  const mail = input.patches.length > 1 ? (input.cover?.mail ?? input.patches[0]?.mail) : input.patches[0]?.mail
  const subject = mail?.subject ?? (input.patches.length === 1 ? patchLabels(input)[0] : undefined)
  return {...(subject ? {subject} : {}), ...(mail?.messageId ? {messageId: mail.messageId} : {}), references: mail?.references ?? []}
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
