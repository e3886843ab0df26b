// What the main thread and the shard worker say to each other in a large
// run (see shards.ts). Everything is plain data, copied by structured clone:
// texts, rule settings, index facts and findings — never trees.

import type {PlainMessage} from '../lint/cache/serialize.ts'
import type {RuleSetting} from '../lint/plugin.ts'
import type {TreeListing} from '../tree/disk-files.ts'
import type {DocumentFacts} from '../tree/walk.ts'

/** The environment variable that tells the worker thread it is one (main.ts). */
export const WORKER_ENV = 'QRL_SHARD_WORKER'

/** Main → worker, once: the run's files, which both threads take from one queue. */
export interface ShardJob {
  kind: 'job'
  root: string
  docsDir: string
  inventories: string[]
  /** Whether the rules need the project index (else no facts are exchanged). */
  project: boolean
  /** Rule settings, one entry per distinct config; files name theirs by index. */
  settings: Array<Array<[string, RuleSetting]>>
  /** The queue, in the order files are taken (largest first). */
  files: Array<{path: string; text: string; settings: number}>
  /** An `Int32Array` of one element: the queue index the next taker gets (`Atomics.add`). */
  next: SharedArrayBuffer
}

/**
 * Main → worker, once the main thread has walked the tree (runs with a
 * project index only): the worker needs the listing after its share of the
 * queue, and walking the tree twice would only take time from both threads.
 */
export interface ShardListing extends TreeListing {
  kind: 'listing'
}

/** Either way: the index facts of the documents a thread walked, by docname. */
export interface ShardFacts {
  kind: 'facts'
  facts: Array<[string, DocumentFacts]>
}

/** Worker → main, last: the findings of every file the worker took. */
export interface ShardReports {
  kind: 'reports'
  reports: Array<{file: number; messages: PlainMessage[]}>
}

/** Worker → main, first: the worker is taking files from the queue. */
export interface ShardStarted {
  kind: 'started'
}

/** Worker → main, instead of anything else: the worker failed. */
export interface ShardError {
  kind: 'error'
  message: string
}

export type ToWorker = ShardJob | ShardListing | ShardFacts
export type FromWorker = ShardStarted | ShardFacts | ShardReports | ShardError

/** Takes the next file index of a queue of `length`, for whichever thread asks; ends once the queue is empty. */
export function* takeFrom(length: number, next: Int32Array): Generator<number> {
  for (;;) {
    const index = Atomics.add(next, 0, 1)
    if (index >= length) return
    yield index
  }
}
