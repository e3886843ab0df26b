// What the main thread and a shard worker say to each other in a whole-tree
// run (see shards.ts). Everything is plain data, copied by structured clone:
// texts, rule settings, index facts and findings — never trees.

import type {RuleSetting} from '../lint/plugin.ts'
import type {PlainMessage} from '../lint/cache/serialize.ts'
import type {DocumentFacts} from '../tree/walk.ts'

/** The worker's share of the run. */
export interface ShardJob {
  root: string
  docsDir: string
  inventories: string[]
  /** Whether the rules need the project index (else no facts are exchanged). */
  project: boolean
  /** Rule settings, one entry per distinct config; files name theirs by index. */
  settings: Array<Array<[string, RuleSetting]>>
  /** The rST files this worker parses, indexes and checks (paths relative to the root). */
  files: Array<{path: string; text: string; settings: number}>
}

/** Main → worker, after the index: the facts of every document the worker did not walk. */
export interface ShardCheck {
  kind: 'check'
  facts: Array<[string, DocumentFacts]>
}

/** Worker → main. */
export type ShardReply =
  | {kind: 'facts'; facts: Array<[string, DocumentFacts]>}
  | {kind: 'reports'; reports: Array<{path: string; messages: PlainMessage[]}>}
  | {kind: 'error'; message: string}
