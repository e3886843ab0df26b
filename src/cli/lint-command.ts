// The default command: find the tree and the files, resolve each file's
// config, lint (or fix) every file once, then report in the chosen format.
// Exit 0 without errors, 1 with errors or too many warnings, 2 on usage or
// input errors (unreadable or non-UTF-8 files are reported, then exit 2).

import {statSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {rules} from '../../rules/index.ts'
import {printableConfig, settingsOf, type ResolvedConfig} from '../lint/config.ts'
import {ConfigResolver} from '../lint/config-resolver.ts'
import {Linter, type Prepared} from '../lint/engine.ts'
import {UsageError} from '../lint/errors.ts'
import {collectFiles, findTreeRoot, isTreeRoot, readText, relativePath} from '../lint/files.ts'
import {fixText} from '../lint/fix.ts'
import {SOURCE, VERSION} from '../lint/meta.ts'
import {languageOf, loadMarkdown} from '../lint/parsers.ts'
import {Source} from '../rst/source.ts'
import type {Root} from '../rst/types.ts'
import {VFile} from 'vfile'
import {loadFormat} from '../report/index.ts'
import type {FileReport} from '../report/types.ts'
import {parse} from './args.ts'
import {helpText} from './help.ts'
import type {Command} from './io.ts'
import {LINT_OPTIONS, lintSettings, useColor} from './lint-options.ts'
import {gatherFacts, isIndexedDoc, LazyTrees, type GatheredFacts} from './project.ts'
import {SharedRun} from './shared-run.ts'
import type {Shard} from './shards.ts'
import {fromRst} from '../rst/index.ts'
import {ResultCache} from '../lint/cache/result-cache.ts'
import type {ProjectDeps} from '../lint/cache/store.ts'
import {cacheFileFor} from '../lint/cache/location.ts'
import {RecordingFiles} from '../lint/cache/recording-files.ts'
import {projectStateHash, type ProjectInputs} from '../lint/cache/project-state.ts'
import {hashOf} from '../lint/cache/hash.ts'
import {writeAtomic} from './write.ts'
import {isTiming, timed, timingReport} from '../lint/timing.ts'
import {tierForInput} from './tiering.ts'
import {whileWaiting} from './while-waiting.ts'

const OPTIONS = {
  ...LINT_OPTIONS,
  'fix-dry-run': {type: 'boolean'},
  'print-config': {type: 'boolean'},
  'no-cache': {type: 'boolean'},
  'cache-dir': {type: 'string'},
  version: {type: 'boolean', short: 'v'},
} as const

export const lintCommand: Command = async (argv, io) => {
  const {values, positionals} = parse(argv, OPTIONS)
  if (values.help) {
    io.stdout(helpText())
    return 0
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  const {format, maxWarnings} = lintSettings(values, io)
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other')

  // The tree root: explicit, or found upward from the first path (or here).
  const cwd = io.cwd
  let root: string | undefined
  if (values.tree !== undefined) {
    root = resolve(cwd, values.tree)
    if (!isTreeRoot(root)) {
      throw new UsageError(`--tree ${values.tree}: not a QEMU tree (no docs/conf.py or docs/index.rst)`)
    }
  } else {
    root = findTreeRoot(positionals[0] === undefined ? cwd : dirname(resolve(cwd, positionals[0])))
  }
  if (positionals.length === 0 && !root) {
    throw new UsageError('not inside a QEMU tree (no docs/conf.py or docs/index.rst above this directory); pass --tree DIR or files')
  }
  // Sphinx inventories whose entries count as reference targets.
  const inventories = (values.inventory ?? []).map((path) => resolve(cwd, path))
  const absentInventories = (values.inventory ?? []).filter((_, index) => !isFile(inventories[index]!))
  if (absentInventories.length > 0) throw new UsageError(`--inventory: no such file: ${absentInventories.join(', ')}`)
  const targets = positionals.length > 0 ? positionals.map((path) => resolve(cwd, path)) : [resolve(root!, 'docs')]
  const base = root ?? cwd

  // Configs: one --config for everything, or the nearest file per directory.
  const configs = new ConfigResolver({
    rules,
    flags: values.rule ?? [],
    base,
    ...(values.config === undefined ? {} : {explicit: resolve(cwd, values.config)}),
  })
  const configFor = (dir: string) => configs.forDirectory(dir)

  if (values['print-config']) {
    const first = targets[0]!
    io.stdout(JSON.stringify(printableConfig(configFor(isDirectoryLike(first) ? first : dirname(first))), null, 2) + '\n')
    return 0
  }

  const {files, missing} = collectFiles(targets)
  // A whole-tree run also checks MAINTAINERS when a rule reads it.
  if (positionals.length === 0 && root) {
    const maintainers = resolve(root, 'MAINTAINERS')
    const settings = settingsOf(configFor(root))
    const wanted = rules.some((rule) => rule.meta.languages.includes('maintainers') && settings.has(rule.meta.id))
    if (wanted && isFile(maintainers)) files.push(maintainers)
  }
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.map((path) => relativePath(cwd, path)).join(', ')}`)

  if (files.some((file) => languageOf(file) === 'markdown')) await loadMarkdown()

  // The result cache (outside the tree): a file's messages are reused while
  // its content, its config, the linter build and — when the run has a
  // project index — everything the index is built from are unchanged.
  const fixing = values.fix === true || values['fix-dry-run'] === true
  const cacheFile = cacheFileFor(base, {
    env: io.env,
    ...(values['cache-dir'] === undefined ? {} : {dir: resolve(cwd, values['cache-dir'])}),
    disabled: values['no-cache'] === true,
  })
  const cache = cacheFile === undefined ? undefined : new ResultCache(cacheFile)
  const configKeys = new Map<Linter, string>()
  // A large cold run shares its files with a worker thread (shards.ts), started
  // now so that it loads while this thread reads the files.
  let shard: Shard | undefined
  if (root !== undefined && !fixing && (!cache || cache.isEmpty) && files.length >= 2) {
    const {Shard, wantShard} = await import('./shards.ts')
    if (wantShard(files.length, io.env)) shard = new Shard()
  }

  // 1. Read every file once (parsing waits: cached files are not parsed).
  const linters = new Map<ResolvedConfig, Linter>()
  const reports: FileReport[] = []
  const pending: Array<{absolute: string; path: string; text: string; linter: Linter; prepared?: Prepared; index: number; config: string; key: string; hash: string}> = []
  let inputErrors = 0
  for (const absolute of files) {
    const config = configFor(dirname(absolute))
    if (await configs.isIgnored(config, absolute)) continue
    const path = relativePath(base, absolute)
    const read = readText(absolute)
    if (!read.ok) {
      inputErrors++
      const file = new VFile({path})
      const message = file.message(read.reason, {place: {line: read.line, column: read.column}, ruleId: 'input-error', source: SOURCE})
      message.fatal = true
      reports.push({path, text: '', source: new Source(''), messages: file.messages})
      continue
    }
    let linter = linters.get(config)
    if (!linter) {
      linter = new Linter({rules, settings: settingsOf(config)})
      linters.set(config, linter)
    }
    let configKey = ''
    let key = ''
    let hash = ''
    if (cache) {
      configKey = configKeys.get(linter) ?? ResultCache.configKey(linter.settings)
      configKeys.set(linter, configKey)
      hash = hashOf(read.text)
      key = ResultCache.fileKey(path, hash, configKey)
    }
    pending.push({absolute, path, text: read.text, linter, index: reports.length, config: configKey, key, hash})
    reports.push(lazyReport(path, read.text, []))
  }

  tierForInput(pending.reduce((sum, item) => sum + item.text.length, 0))

  // 2. The documents' index facts (cached, or walked from trees parsed on demand),
  //    and the project state they make. With a project index, a cache hit also
  //    needs the same project state.
  const wantsProject = root !== undefined && [...linters.values()].some((linter) => linter.needsProject())

  // A worker's share of the files (shared-run.ts); too little text is not worth one.
  const log = isTiming() ? (line: string) => io.stderr(`${line}\n`) : undefined
  let shared = new SharedRun(shard, pending, log)
  if (shard) {
    const {forced, worthShard} = await import('./shards.ts')
    if (worthShard(shared.size, io.env)) {
      shared.start({root: root!, docsDir: 'docs', inventories, project: wantsProject})
      if (forced(io.env)) await shard.started()
    } else {
      shard.close()
      shard = undefined
      shared = new SharedRun(undefined, pending, log)
    }
  }
  let projectInputs: ProjectInputs | undefined
  const projectSetup = cache ? ResultCache.projectSetup(['docs', ...inventories]) : ''
  let projectState: string | undefined
  let recorder: RecordingFiles | undefined
  let gathered: GatheredFacts | undefined
  if (wantsProject) {
    const start = performance.now()
    const {DiskFiles} = await import('../tree/disk-files.ts')
    const treeFiles = new DiskFiles(root!)
    // Listing the tree is mostly system calls: done in the background while
    // the files that need parsing anyway (no cached result can match) are parsed.
    const fresh = pending.filter((item) => !cache?.mayHold(item.path, item.key))
    shared.shareListing(treeFiles)
    // Each file is checked by the rules that need no index right away, while its tree is fresh.
    const waited = await whileWaiting(treeFiles.prefetch(), shared.shareOf(fresh), (item) => {
      item.prepared ??= item.linter.parse(item.path, item.text)
      if (!fixing) item.linter.checkEarly(item.prepared)
    })
    if (isTiming()) io.stderr(`tree listing: ${waited.toFixed(1)} ms waited after parsing ${fresh.length} files\n`)
    recorder = new RecordingFiles(treeFiles)
    // What the index parses: the linted rST files and every docs rST file.
    const linted = new Map(pending.map((item) => [item.path, item]))
    const known = new Set<string>()
    const hashes = new Map<string, string>()
    for (const {path, hash} of pending) if (languageOf(path) === 'rst') known.add(path), hashes.set(path, hash)
    for (const path of treeFiles.list()) {
      if (!isIndexedDoc(path) || known.has(path)) continue
      known.add(path)
      if (cache) {
        const text = treeFiles.read(path)
        hashes.set(path, text === undefined ? '-' : hashOf(text))
      }
    }
    const trees = new LazyTrees(known, (path) => {
      const item = linted.get(path)
      if (item) return (item.prepared ??= item.linter.parse(item.path, item.text)).linted.rst
      const read = readText(resolve(root!, path))
      return read.ok ? fromRst(read.text) : undefined
    })
    // With a worker: this thread walks its documents, the worker its own, and they trade facts.
    const walked = shared.active ? await shared.tradeFacts(treeFiles, trees, (await import('../tree/documents.ts')).discoverDocuments(treeFiles), 'docs') : undefined
    gathered = await gatherFacts(recorder, treeFiles, trees, cache ? {cache, hashes} : undefined, 'docs', walked)
    if (cache) {
      projectInputs = {files: treeFiles, documents: gathered.stripped, inventories, options: ['docs']}
      const record = cache.project(projectSetup)
      if (record && timed('cache: project state', () => projectStateHash(projectInputs!, record.deps)) === record.hash) projectState = record.hash
    }
    if (isTiming()) io.stderr(`project facts: ${(performance.now() - start).toFixed(1)} ms\n`)
  }
  const misses: typeof pending = []
  for (const item of pending) {
    const cached = cache?.get(item.path, item.key, wantsProject ? (projectState ?? '\0none') : '')
    // A fix run must recompute files with fixes to apply.
    if (cached && !(fixing && cached.some((message) => message.fix !== undefined))) {
      reports[item.index] = lazyReport(item.path, item.text, cached)
      cache!.hits++
    } else {
      if (cache) cache.misses++
      misses.push(item)
    }
  }

  // This thread's files (its share of the queue, if the worker has not taken it yet).
  for (const item of shared.shareOf(misses)) item.prepared ??= item.linter.parse(item.path, item.text)
  for (const item of misses) if (!shared.isTheirs(item)) item.prepared ??= item.linter.parse(item.path, item.text)

  // 3. The cross-file index, only when a project-level rule is on and a file needs checking.
  if (wantsProject && misses.length > 0) {
    const start = performance.now()
    const {buildProjectIndexFromFacts} = await import('../tree/project.ts')
    const project = buildProjectIndexFromFacts(recorder!, gathered!.set, gathered!.facts, {inventories})
    if (isTiming()) io.stderr(`project index: ${(performance.now() - start).toFixed(1)} ms\n`)
    for (const linter of linters.values()) linter.project = project
  }

  // 4. Check (and fix) each file not taken from the cache.
  const diffs: string[] = []
  const changed = new Set<string>()
  for (const item of misses) {
    if (shared.isTheirs(item)) continue
    const {absolute, path, text, linter, index} = item
    const prepared = item.prepared!
    if (values.fix || values['fix-dry-run']) {
      const outcome = fixText(linter, path, text, prepared)
      let messages = outcome.result.file.messages
      if (outcome.text !== text) {
        changed.add(path)
        if (values['fix-dry-run']) diffs.push(await unifiedDiff(path, text, outcome.text))
        else {
          try {
            writeAtomic(absolute, outcome.text)
          } catch (error) {
            // The file keeps its old text: report where it stands, and why.
            inputErrors++
            messages = linter.check(linter.parse(path, text)).file.messages
            const file = new VFile({path})
            const code = (error as NodeJS.ErrnoException).code ?? String(error)
            const message = file.message(`Cannot write the fixed file (${code})`, {place: {line: 1, column: 1}, ruleId: 'input-error', source: SOURCE})
            message.fatal = true
            messages.push(message)
            reports[index] = toReport(path, text, prepared.linted.source, messages)
            continue
          }
        }
      }
      reports[index] = toReport(path, outcome.result.linted.text, outcome.result.linted.source, messages)
    } else {
      const result = linter.check(prepared)
      reports[index] = toReport(path, text, result.linted.source, result.file.messages)
    }
  }

  // The worker's findings; if it failed, its files are checked here.
  await shared.collect(
    (item, messages) => (reports[item.index] = lazyReport(item.path, item.text, messages)),
    (item) => {
      const result = item.linter.check((item.prepared ??= item.linter.parse(item.path, item.text)))
      reports[item.index] = toReport(item.path, item.text, result.linted.source, result.file.messages)
    },
  )

  if (cache) saveCache(cache, base, io, {pending, misses, reports, changed, wantsProject, projectSetup, projectInputs, projectState, recorder, fresh: gathered?.fresh ?? []})

  let errors = 0
  let warnings = 0
  for (const report of reports) {
    if (values.quiet) report.messages = report.messages.filter((message) => message.fatal === true)
    for (const message of report.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }

  if (values['fix-dry-run']) {
    io.stdout(diffs.join(''))
  } else {
    const formatter = await loadFormat(format)
    io.stdout(formatter({files: reports, rules, color: useColor(values, io), version: VERSION}))
  }
  if (isTiming()) {
    if (cache) io.stderr(`cache: ${cache.hits} hits, ${cache.misses} misses (${cache.file})\n`)
    io.stderr(timingReport())
  }
  if (inputErrors > 0) return 2
  if (errors > 0) return 1
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`qemu-rst-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
    return 1
  }
  return 0
}

function toReport(path: string, text: string, source: Source, messages: FileReport['messages']): FileReport {
  return {path, text, source, messages}
}

/** A report whose line table is built only if a reporter reads it (cached files are not parsed). */
function lazyReport(path: string, text: string, messages: FileReport['messages']): FileReport {
  let source: Source | undefined
  const report = {path, text, messages} as FileReport
  Object.defineProperty(report, 'source', {get: () => (source ??= new Source(text)), enumerable: true, configurable: true})
  return report
}

interface CacheRun {
  pending: ReadonlyArray<{path: string; config: string; key: string; index: number}>
  misses: ReadonlyArray<{path: string; config: string; key: string; index: number}>
  reports: readonly FileReport[]
  /** Files a fix changed: their results are not kept. */
  changed: ReadonlySet<string>
  wantsProject: boolean
  projectSetup: string
  projectInputs: ProjectInputs | undefined
  projectState: string | undefined
  recorder: RecordingFiles | undefined
  /** Index facts collected in this run. */
  fresh: GatheredFacts['fresh']
}

function sameDeps(a: ProjectDeps, b: ProjectDeps): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((value, index) => value === y[index])
  return same(a.reads, b.reads) && same(a.exists, b.exists) && same(a.directories, b.directories)
}

/** Store the fresh results and write the cache; never fails the run. */
function saveCache(cache: ResultCache, base: string, io: {stderr(text: string): void}, run: CacheRun): void {
  if (run.misses.length === 0 && run.fresh.length === 0) return
  // Facts depend only on the texts hashed at read time: valid even if a fix then changed a file.
  for (const {path, entry} of run.fresh) cache.putFacts(path, entry)
  let project = ''
  // Fixed files changed what the index was built from: keep no findings of this run.
  const keepFindings = run.misses.length > 0 && !(run.wantsProject && run.changed.size > 0)
  if (keepFindings && run.wantsProject) {
    const known = run.projectState === undefined ? undefined : cache.project(run.projectSetup)?.deps
    const deps = run.recorder!.deps(known)
    // Nothing new asked of an unchanged state: its hash is the one checked at the start.
    const same = known !== undefined && sameDeps(known, deps)
    project = same ? run.projectState! : timed('cache: project state', () => projectStateHash(run.projectInputs!, deps))
    cache.setProject(run.projectSetup, {hash: project, deps})
  }
  if (!keepFindings) {
    const error = cache.save(base)
    if (error !== undefined) io.stderr(`qemu-rst-lint: note: cannot write the cache ${cache.file} (${error}); continuing without\n`)
    return
  }
  if (run.projectState !== undefined && project !== run.projectState) {
    // Same state, more questions recorded: the hits stay valid under the new hash.
    const missed = new Set(run.misses.map((item) => item.path))
    for (const {path} of run.pending) if (!missed.has(path)) cache.retag(path, project)
  }
  for (const {path, config, key, index} of run.misses) {
    if (run.changed.has(path)) cache.drop(path, config)
    else cache.put(path, config, key, project, run.reports[index]!.messages)
  }
  const error = cache.save(base)
  if (error !== undefined) io.stderr(`qemu-rst-lint: note: cannot write the cache ${cache.file} (${error}); continuing without\n`)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function isDirectoryLike(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

async function unifiedDiff(path: string, before: string, after: string): Promise<string> {
  const {createTwoFilesPatch} = await import('diff')
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after)
}
