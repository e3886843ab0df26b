// The per-run face of the result cache: look up a file's messages by key,
// remember fresh ones, and write the record back at the end. Bounded: a few
// configurations per file, a few project set-ups per tree, and entries of
// files that no longer exist are dropped.

import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import type {VFileMessage} from 'vfile-message'
import type {RuleSetting} from '../plugin.ts'
import {buildId} from './build-id.ts'
import {storableFacts, type FactsEntry} from './facts.ts'
import {hashOf, hashParts} from './hash.ts'
import {fromPlain, toPlain} from './serialize.ts'
import {loadRecord, saveRecord, type CacheRecord, type FileEntry, type ProjectRecord} from './store.ts'

/** Entries kept per file (configurations) and project states kept per tree. */
const MAX_VARIANTS = 4

export class ResultCache {
  hits = 0
  misses = 0
  private readonly record: CacheRecord
  private readonly touched = new Set<string>()
  private readonly hit = new Map<string, FileEntry>()

  constructor(readonly file: string) {
    this.record = loadRecord(file, buildId())
  }

  /** Whether no file results are stored (a first run, or the cache of another build). */
  get isEmpty(): boolean {
    return this.record.files.size === 0
  }

  /** A stable text for a rule configuration (part of every file key). */
  static configKey(settings: ReadonlyMap<string, RuleSetting>): string {
    const entries = [...settings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return hashOf(JSON.stringify(entries))
  }

  /** `hash`: the content hash of the file's text. */
  static fileKey(path: string, hash: string, configKey: string): string {
    return hashParts([buildId(), configKey, path, hash])
  }

  /** The project set-up a state belongs to (docs folder, inventories). */
  static projectSetup(parts: readonly string[]): string {
    return hashParts(parts)
  }

  /** The last project state recorded for a project set-up. */
  project(setup: string): ProjectRecord | undefined {
    return this.record.projects.get(setup)
  }

  setProject(setup: string, value: ProjectRecord): void {
    this.record.projects.delete(setup)
    this.record.projects.set(setup, value)
    // Insertion order is recency: the oldest set-ups go first.
    while (this.record.projects.size > MAX_VARIANTS) this.record.projects.delete(this.record.projects.keys().next().value!)
  }

  /** Cached messages of a file, when key and project state both match. */
  get(path: string, key: string, project: string): VFileMessage[] | undefined {
    const entry = this.record.files.get(path)?.find((candidate) => candidate.key === key && candidate.project === project)
    if (!entry) return undefined
    this.touched.add(path)
    this.hit.set(path, entry)
    return entry.messages.map(fromPlain)
  }

  /** Whether some project state has messages for this key: without one, the file is surely linted afresh. */
  mayHold(path: string, key: string): boolean {
    return this.record.files.get(path)?.some((candidate) => candidate.key === key) ?? false
  }

  put(path: string, config: string, key: string, project: string, messages: readonly VFileMessage[]): void {
    const entry: FileEntry = {config, key, project, messages: messages.map(toPlain)}
    // One entry per configuration (its latest content), a few configurations per file.
    const others = (this.record.files.get(path) ?? []).filter((candidate) => candidate.config !== config)
    this.record.files.set(path, [entry, ...others].slice(0, MAX_VARIANTS))
    this.touched.add(path)
  }

  /** Re-tag a hit of this run: it was computed against a project state proven identical to `project`. */
  retag(path: string, project: string): void {
    const entry = this.hit.get(path)
    if (entry) entry.project = project
  }

  /** Forget a file's entry for a configuration (not worth keeping, e.g. after a fix changed the file). */
  drop(path: string, config: string): void {
    const others = (this.record.files.get(path) ?? []).filter((candidate) => candidate.config !== config)
    if (others.length > 0) this.record.files.set(path, others)
    else this.record.files.delete(path)
    this.touched.add(path)
  }

  /** Cached facts of a document whose text and walk inputs are unchanged (`deps` hashes them now). */
  getFacts(path: string, docname: string, content: string, deps: (facts: FactsEntry['facts']['deps']) => string): FactsEntry | undefined {
    const entry = this.record.facts.get(path)
    if (!entry || entry.docname !== docname || entry.content !== content || deps(entry.facts.deps) !== entry.deps) return undefined
    return entry
  }

  putFacts(path: string, entry: FactsEntry): void {
    this.record.facts.set(path, {...entry, facts: storableFacts(entry.facts)})
  }

  /** Write the record; entries of vanished files go. Returns an error text on failure. */
  save(base: string): string | undefined {
    for (const path of [...this.record.files.keys()]) {
      if (!this.touched.has(path) && !existsSync(resolve(base, path))) this.record.files.delete(path)
    }
    for (const path of [...this.record.facts.keys()]) {
      if (!existsSync(resolve(base, path))) this.record.facts.delete(path)
    }
    return saveRecord(this.file, this.record)
  }
}
