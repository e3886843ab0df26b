// The cache file: a versioned v8-serialised record per tree root, read once
// at the start of a run and written once at the end (temp file + rename, so
// readers never see half a file). Any problem reading it means "no cache";
// any problem writing it is a note on stderr, never a failed run.

import {mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {deserialize, serialize} from 'node:v8'
import type {FactsEntry} from './facts.ts'
import type {PlainMessage} from './serialize.ts'

/** Bumped whenever the record's shape changes. */
export const CACHE_FORMAT = 3

export interface FileEntry {
  /** Hash of the rule configuration (a file keeps one entry per configuration). */
  config: string
  /** Hash of build, config, path and content. */
  key: string
  /** The project state the messages were computed against ('' when the run had no project index). */
  project: string
  messages: PlainMessage[]
}

/** What the project index read, so a later run can tell whether it would read the same. */
export interface ProjectDeps {
  /** Paths read through the tree's files (including ones that did not exist). */
  reads: string[]
  exists: string[]
  directories: string[]
}

export interface ProjectRecord {
  hash: string
  deps: ProjectDeps
}

export interface CacheRecord {
  format: number
  build: string
  /** Per path, the latest entries, one per configuration, newest first. */
  files: Map<string, FileEntry[]>
  /** Index facts per document path. */
  facts: Map<string, FactsEntry>
  /** Per project set-up (docs folder, inventories), the last project state seen. */
  projects: Map<string, ProjectRecord>
}

export function emptyRecord(build: string): CacheRecord {
  return {format: CACHE_FORMAT, build, files: new Map(), facts: new Map(), projects: new Map()}
}

/** The record in `file`, or an empty one when absent, corrupt or from another build. */
export function loadRecord(file: string, build: string): CacheRecord {
  let data: Buffer
  try {
    data = readFileSync(file)
  } catch {
    return emptyRecord(build)
  }
  try {
    const record = deserialize(data) as CacheRecord
    if (record === null || typeof record !== 'object' || record.format !== CACHE_FORMAT || record.build !== build || !(record.files instanceof Map) || !(record.facts instanceof Map) || !(record.projects instanceof Map)) {
      return emptyRecord(build)
    }
    return record
  } catch {
    return emptyRecord(build)
  }
}

/** Write atomically; returns an error text instead of throwing. */
export function saveRecord(file: string, record: CacheRecord): string | undefined {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`
  try {
    mkdirSync(dirname(file), {recursive: true})
    writeFileSync(temp, serialize(record))
    renameSync(temp, file)
    return undefined
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // nothing written
    }
    return (error as NodeJS.ErrnoException).code ?? String(error)
  }
}
