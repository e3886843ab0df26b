// The per-run face of the result cache: look up a file's messages by key,
// remember fresh ones, and write the record back at the end (entries of
// files that no longer exist are dropped, so the file stays bounded).

import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import type {VFileMessage} from 'vfile-message'
import type {RuleSetting} from '../plugin.ts'
import {buildId} from './build-id.ts'
import {storableFacts, type FactsEntry} from './facts.ts'
import {hashOf, hashParts} from './hash.ts'
import {fromPlain, toPlain} from './serialize.ts'
import {loadRecord, saveRecord, type CacheRecord, type FileEntry, type ProjectRecord} from './store.ts'

export class ResultCache {
  hits = 0
  misses = 0
  private readonly record: CacheRecord
  private readonly touched = new Set<string>()

  constructor(readonly file: string) {
    this.record = loadRecord(file, buildId())
  }

  /** The project state the cached messages were computed against, if any. */
  get project(): ProjectRecord | undefined {
    return this.record.project
  }

  set project(value: ProjectRecord | undefined) {
    this.record.project = value
  }

  /** A stable text for a rule configuration (part of every file key). */
  static configKey(settings: ReadonlyMap<string, RuleSetting>): string {
    const entries = [...settings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return hashOf(JSON.stringify(entries))
  }

  static fileKey(path: string, text: string, configKey: string): string {
    return hashParts([buildId(), configKey, path, hashOf(text)])
  }

  /** Cached messages of a file, when key and project state both match. */
  get(path: string, key: string, project: string): VFileMessage[] | undefined {
    const entry = this.record.files.get(path)
    if (!entry || entry.key !== key || entry.project !== project) return undefined
    this.touched.add(path)
    return entry.messages.map(fromPlain)
  }

  put(path: string, key: string, project: string, messages: readonly VFileMessage[]): void {
    const entry: FileEntry = {key, project, messages: messages.map(toPlain)}
    this.record.files.set(path, entry)
    this.touched.add(path)
  }

  /** Re-tag a hit computed against a project state proven identical to `project`. */
  retag(path: string, project: string): void {
    const entry = this.record.files.get(path)
    if (entry) entry.project = project
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

  /** Forget a file (its result is not worth keeping, e.g. after a fix). */
  drop(path: string): void {
    this.record.files.delete(path)
    this.touched.add(path)
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
