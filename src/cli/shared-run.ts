// This thread's side of a run shared with a worker (shards.ts): the queue of
// rST files both threads take from, which files each took, the index facts
// they trade and the worker's findings. When the worker fails at any point,
// its files are handed back: this thread parses and checks them itself.

import type {Linter, Prepared} from '../lint/engine.ts'
import type {VFileMessage} from 'vfile-message'
import {languageOf} from '../lint/parsers.ts'
import type {Root} from '../rst/types.ts'
import type {DiskFiles} from '../tree/disk-files.ts'
import type {DocumentSet} from '../tree/documents.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {DocumentFacts} from '../tree/walk.ts'
import {inDocumentOrder, walkFacts} from './project.ts'
import {takeFrom} from './shard-protocol.ts'
import type {Shard} from './shards.ts'

export interface QueueItem {
  path: string
  text: string
  linter: Linter
  prepared?: Prepared
}

export class SharedRun<T extends QueueItem> {
  /** The rST files both threads take from, largest first: the last ones taken are small, so neither thread waits long for the other. */
  readonly queue: readonly T[]
  private readonly mine = new Set<T>()
  private theirs = new Set<T>()

  /**
   * `shard`: the worker, or undefined for a run on this thread alone (then
   * `shareOf` simply yields what it is given). `log` reports what happened, when timing.
   */
  constructor(
    private shard: Shard | undefined,
    items: readonly T[],
    private readonly log: ((line: string) => void) | undefined,
  ) {
    this.queue = shard ? items.filter((item) => languageOf(item.path) === 'rst').sort((a, b) => b.text.length - a.text.length) : []
  }

  /** The characters of text in the queue. */
  get size(): number {
    return this.queue.reduce((sum, item) => sum + item.text.length, 0)
  }

  /** Hand the worker its job (the queue and how to check each file). */
  start(job: {root: string; docsDir: string; inventories: string[]; project: boolean}): void {
    if (!this.shard) return
    const linters = [...new Set(this.queue.map((item) => item.linter))]
    this.shard.start({
      ...job,
      settings: linters.map((linter) => [...linter.settings]),
      files: this.queue.map((item) => ({path: item.path, text: item.text, settings: linters.indexOf(item.linter)})),
    })
  }

  /** Hand the worker this thread's walk of the tree, once made (the worker needs it after its share of the queue). */
  shareListing(files: DiskFiles): void {
    const shard = this.shard
    if (shard) void files.prefetch().then(() => shard.sendListing(files.listing()))
  }

  /** Whether a worker shares the run (until it fails). */
  get active(): boolean {
    return this.shard !== undefined
  }

  /** Whether the worker took the file (and checks it). */
  isTheirs(item: T): boolean {
    return this.theirs.has(item)
  }

  /** `own`'s files that are not in the queue, then this thread's share of the queue. */
  *shareOf(own: Iterable<T>): Generator<T> {
    const queued = new Set(this.queue)
    for (const item of own) if (!queued.has(item)) yield item
    if (!this.shard) return
    for (const index of takeFrom(this.queue.length, this.shard.next)) {
      this.mine.add(this.queue[index]!)
      yield this.queue[index]!
    }
    // (Once the worker has failed, every file is this thread's.)
    if (this.shard) this.theirs = new Set(this.queue.filter((item) => !this.mine.has(item)))
  }

  /**
   * Trade index facts once the queue is empty: this thread walks every
   * document but the worker's, the worker its own. Without a worker (or once
   * it failed), the result holds this thread's facts only, and the caller
   * walks the rest.
   */
  async tradeFacts(files: TreeFiles, trees: ReadonlyMap<string, Root>, set: DocumentSet, docsDir: string): Promise<Map<string, DocumentFacts>> {
    const theirPaths = new Set([...this.theirs].map((item) => item.path))
    const own = await walkFacts(files, trees, set, docsDir, new Set([...set.documents.values()].filter((path) => !theirPaths.has(path))))
    if (!this.shard) return inDocumentOrder(set, [own])
    this.shard.sendFacts(own)
    const started = performance.now()
    const theirs = await this.shard.facts().catch((error: unknown) => (this.reclaim(error), []))
    this.log?.(`shard: the worker took ${this.theirs.size} of ${this.queue.length} files; its facts came ${(performance.now() - started).toFixed(1)} ms later`)
    return inDocumentOrder(set, [own, theirs])
  }

  /**
   * The worker's findings, `found(item, messages)` for each file it took;
   * if it failed, `checkHere(item)` instead. Then the worker is let go.
   */
  async collect(found: (item: T, messages: VFileMessage[]) => void, checkHere: (item: T) => void): Promise<void> {
    if (this.shard && this.theirs.size > 0) {
      const started = performance.now()
      const reports = await this.shard.reports().catch((error: unknown) => void this.reclaim(error))
      this.log?.(`shard: the worker's findings came ${(performance.now() - started).toFixed(1)} ms after this thread's`)
      this.queue.forEach((item, index) => {
        if (this.mine.has(item)) return
        const messages = reports?.get(index)
        if (messages) found(item, messages)
        else checkHere(item)
      })
    }
    this.shard?.close()
    this.shard = undefined
  }

  /** The worker failed: its files are this thread's again. */
  private reclaim(error: unknown): void {
    this.log?.(`shard: the worker failed, its files are checked here: ${String(error)}`)
    this.shard?.close()
    this.shard = undefined
    this.theirs = new Set()
  }
}
