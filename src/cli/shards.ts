// A whole-tree run on two cores: a worker thread parses, indexes and checks
// part of the rST files while the main thread does the rest. In a cold
// process the parse and the rules are most of the time, and they are per
// file; only the index facts cross over (the worker sends its documents'
// facts, receives the others', and builds the same index itself).
//
// The worker runs the same bundle (dist/cli.cjs, through bin/ and its code
// cache), so sharding happens only when the CLI runs from that bundle: from
// source (the tests) everything stays on one thread. Any worker failure
// falls back to doing its share on the main thread.

import {availableParallelism} from 'node:os'
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {VFileMessage} from 'vfile-message'
import {fromPlain} from '../lint/cache/serialize.ts'
import type {DocumentFacts} from '../tree/walk.ts'
import type {ShardCheck, ShardJob, ShardReply} from './shard-protocol.ts'

/** Below this many files or bytes of rST a second thread costs more than it saves. */
const MIN_FILES = 64
const MIN_BYTES = 400_000
/** The worker's share of the bytes: the main thread also reads, reports and checks MAINTAINERS. */
const WORKER_SHARE = 0.5

/** The bundle's loader, when this code runs from the bundle (a worker can run it too). */
function bundledLoader(): string | undefined {
  const self = fileURLToPath(import.meta.url)
  return self.endsWith('.cjs') ? resolve(dirname(self), '../bin/qemu-rst-lint.js') : undefined
}

/**
 * Whether a run over `count` files may start a worker. `QRL_JOBS=1` turns
 * sharding off; any other value forces it on whatever the size (the tests do
 * that on small trees).
 */
export function wantShard(count: number, env: Record<string, string | undefined>): boolean {
  const jobs = env['QRL_JOBS']
  if (jobs === '1' || bundledLoader() === undefined) return false
  if (jobs !== undefined) return count >= 2
  return count >= MIN_FILES && availableParallelism() >= 2
}

/** Whether the files, once read, are worth a worker. */
export function worthShard(bytes: number, env: Record<string, string | undefined>): boolean {
  return env['QRL_JOBS'] !== undefined || bytes >= MIN_BYTES
}

/** Split files between the main thread and the worker, balancing bytes (largest first). */
export function partition<T extends {text: string}>(items: readonly T[]): {main: T[]; worker: T[]} {
  const main: T[] = []
  const worker: T[] = []
  let mainBytes = 0
  let workerBytes = 0
  const ratio = WORKER_SHARE / (1 - WORKER_SHARE)
  for (const item of [...items].sort((a, b) => b.text.length - a.text.length)) {
    if (workerBytes <= mainBytes * ratio) {
      worker.push(item)
      workerBytes += item.text.length
    } else {
      main.push(item)
      mainBytes += item.text.length
    }
  }
  return {main, worker}
}

export class Shard {
  private readonly worker: Worker
  private readonly replies: ShardReply[] = []
  private waiting: ((reply: ShardReply) => void) | undefined
  private failure: string | undefined

  /** Starts the worker now; its job follows with `start`. */
  constructor() {
    this.worker = new Worker(bundledLoader()!, {workerData: {qrlShard: true}, stdout: false, stderr: false})
    this.worker.on('message', (reply: ShardReply) => this.deliver(reply))
    this.worker.on('error', (error) => this.deliver({kind: 'error', message: String(error?.stack ?? error)}))
    this.worker.on('exit', (code) => this.deliver({kind: 'error', message: `the worker exited (${code})`}))
    // The worker keeps the process alive only while the main thread waits for it.
    this.worker.unref()
  }

  start(job: ShardJob): void {
    this.worker.postMessage(job)
  }

  /** The facts of the worker's documents, by docname; rejects if the worker failed. */
  async facts(): Promise<Map<string, DocumentFacts>> {
    const reply = await this.next()
    if (reply.kind !== 'facts') throw new Error(reply.kind === 'error' ? reply.message : 'unexpected reply')
    return new Map(reply.facts)
  }

  /** Hand over the other documents' facts; resolves to the findings per path. */
  async check(facts: ShardCheck['facts']): Promise<Map<string, VFileMessage[]>> {
    this.worker.postMessage({kind: 'check', facts} satisfies ShardCheck)
    const reply = await this.next()
    if (reply.kind !== 'reports') throw new Error(reply.kind === 'error' ? reply.message : 'unexpected reply')
    return new Map(reply.reports.map(({path, messages}) => [path, messages.map(fromPlain)]))
  }

  close(): void {
    void this.worker.terminate()
  }

  private deliver(reply: ShardReply): void {
    if (reply.kind === 'error') this.failure ??= reply.message
    const waiting = this.waiting
    if (waiting) {
      this.waiting = undefined
      this.worker.unref()
      waiting(reply)
    } else {
      this.replies.push(reply)
    }
  }

  private next(): Promise<ShardReply> {
    const queued = this.replies.shift()
    if (queued) return Promise.resolve(queued)
    if (this.failure !== undefined) return Promise.resolve({kind: 'error', message: this.failure})
    this.worker.ref()
    return new Promise((resolve) => (this.waiting = resolve))
  }
}
