// The QEMU corpus and its oracle records in shared/: which files there are,
// the substitutions QEMU's rst_epilog defines, and running our parser on one
// file for comparison. Nothing here is copied into the project; it is read at
// run time.

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Source} from '../../src/rst/source.ts'
import {applyTransforms} from '../../src/rst/transform/index.ts'
import type {Root} from '../../src/rst/types.ts'
import {type FileResult, type OracleFile, compareFile} from './compare.ts'
import {includesOf, toRecords} from './records.ts'

// `QRL_SHARED` first (as the bench): a git worktree elsewhere has no `../shared`.
export const sharedDir = process.env.QRL_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url))
export const treeDir = join(sharedDir, 'qemu-tree')
export const oracleDir = join(sharedDir, 'qemu-oracle')
export const hasCorpus = existsSync(join(treeDir, 'docs')) && existsSync(oracleDir)

export interface CorpusFile {
  /** `docs/system/keys.rst` or `seeds/whpx-v6.rst`. */
  name: string
  path: string
  oraclePath: string
}

export function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.rst') || entry.name.endsWith('.rst.inc')) {
        const name = relative(treeDir, path)
        files.push({name, path, oraclePath: join(oracleDir, `${name}.json`)})
      }
    }
  }
  walk(join(treeDir, 'docs'))
  const seeds = join(oracleDir, 'seeds')
  if (existsSync(seeds)) {
    for (const entry of readdirSync(seeds).sort()) {
      if (entry.endsWith('.rst')) {
        files.push({name: `seeds/${entry}`, path: join(seeds, entry), oraclePath: join(seeds, `${entry}.json`)})
      }
    }
  }
  return files
}

/** Substitutions QEMU's conf.py appends to every document, plus Sphinx's own. */
export function qemuSubstitutions(): string[] {
  const names = ['version', 'release', 'today', 'CONFDIR', 'VER_MACHINE_DEPRECATION_VERSION', 'VER_MACHINE_DELETION_VERSION']
  const defs = join(treeDir, 'docs', 'defs.rst.inc')
  if (existsSync(defs)) {
    for (const line of readFileSync(defs, 'utf8').split('\n')) {
      // `.. |name| replace:: …`
      if (!line.startsWith('.. |')) continue
      const end = line.indexOf('|', 4)
      if (end > 4) names.push(line.slice(4, end))
    }
  }
  return names
}

export type FromRst = (text: string, options?: {knownSubstitutions?: Iterable<string>}) => Root

/** The parser's entry point, or null while it does not exist yet. */
export async function loadParser(): Promise<FromRst | null> {
  const path = '../../src/rst/index.ts'
  try {
    const mod = (await import(/* @vite-ignore */ path)) as {fromRst?: FromRst}
    return typeof mod.fromRst === 'function' ? mod.fromRst : null
  } catch {
    return null
  }
}

/**
 * Whether fromRst already runs the transforms (probe: an unknown reference
 * must give "Unknown target name"); if not, the conformance run applies them.
 */
export function parserAppliesTransforms(fromRst: FromRst): boolean {
  try {
    return fromRst('A dangling_ reference.\n').data.problems.some((p) => p.text.startsWith('Unknown target name'))
  } catch {
    return false
  }
}

export interface RunResult extends FileResult {
  crash?: string
}

export function runFile(file: CorpusFile, fromRst: FromRst, known: readonly string[], transform = false): RunResult {
  const oracle = JSON.parse(readFileSync(file.oraclePath, 'utf8')) as OracleFile
  const text = readFileSync(file.path, 'utf8')
  let root: Root
  try {
    root = fromRst(text, {knownSubstitutions: known})
    if (transform) applyTransforms(root, new Source(text), {knownSubstitutions: known})
  } catch (error) {
    const crash = error instanceof Error ? (error.stack ?? error.message) : String(error)
    const empty = {matched: 0, oracle: 0, ours: 0}
    return {
      file: file.name, text: empty, messageTexts: empty, includes: empty, inlineLines: empty, attributes: empty, blocks: empty, inline: empty,
      directives: empty, messages: empty, agree: false, diffs: [], classes: ['crash'], crash,
    }
  }
  // fromRst turns its own exceptions into SEVERE "Internal ... error" problems: still a crash.
  const internal = root.data.problems.find((problem) => problem.text.startsWith('Internal '))
  if (internal) {
    const empty = {matched: 0, oracle: 0, ours: 0}
    return {
      file: file.name, text: empty, messageTexts: empty, includes: empty, inlineLines: empty, attributes: empty, blocks: empty, inline: empty,
      directives: empty, messages: empty, agree: false, diffs: [], classes: ['crash'], crash: internal.text,
    }
  }
  const knownSet = new Set(known)
  // In case the parser applied the transforms without QEMU's substitutions.
  const problems = root.data.problems.filter((problem) => {
    const match = /^Undefined substitution referenced: "(.*)"\.$/.exec(problem.text)
    return !(match && knownSet.has(match[1] as string))
  })
  const result = compareFile(oracle, toRecords(root, text), problems, includesOf(root))
  return {...result, file: file.name}
}
