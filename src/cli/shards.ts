// A large run on two cores: a worker thread takes files from the same queue
// as the main thread (largest first, one at a time, so a slower thread simply
// takes fewer), parses them, walks their index facts, trades facts with the
// main thread, builds the same project index and checks its files. In a cold
// process parsing and the rules are most of the time, and they are per file;
// only plain data crosses over (texts, facts and findings, never trees).
//
// The worker runs the same bundle (dist/cli.cjs, through bin/ and its code
// cache), so a run shares its files only when the CLI runs from that bundle:
// from source (the unit tests) everything stays on one thread. If the worker
// fails at any point, the main thread does its share itself.

import {availableParallelism} from 'node:os'
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {VFileMessage} from 'vfile-message'
import {fromPlain} from '../lint/cache/serialize.ts'
import type {TreeListing} from '../tree/disk-files.ts'
import type {DocumentFacts} from '../tree/walk.ts'
import {WORKER_ENV, type FromWorker, type ShardFacts, type ShardJob, type ShardListing} from './shard-protocol.ts'

/**
 * Below these a second thread costs more than it saves: the worker needs
 * ~40 ms to start and load the bundle, and duplicates the project index.
 */
const MIN_FILES = 64
const MIN_BYTES = 400_000

/** The bundle's loader, when this code runs from the bundle (a worker can load it too). */
function bundledLoader(): string | undefined {
  const self = fileURLToPath(import.meta.url)
  return self.endsWith('.cjs') ? resolve(dirname(self), '../bin/qemu-rst-lint.js') : undefined
}

/**
 * Whether a run over `count` files may start a worker. `QRL_JOBS=1` keeps one
 * thread; any other value forces a worker whatever the size (the tests use
 * it on small trees).
 */
export function wantShard(count: number, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['QRL_JOBS'] === '1' || bundledLoader() === undefined) return false
  if (forced(env)) return count >= 2
  return count >= MIN_FILES && availableParallelism() >= 2
}

/** Whether the files, once read, are worth the worker. */
export function worthShard(bytes: number, env: Readonly<Record<string, string | undefined>>): boolean {
  return forced(env) || bytes >= MIN_BYTES
}

/**
 * Whether the environment forces a worker (`QRL_JOBS=2`): then the main
 * thread also lets it start taking files before it takes any itself, so
 * that even a small tree is shared (the tests rely on that).
 */
export function forced(env: Readonly<Record<string, string | undefined>>): boolean {
  return env['QRL_JOBS'] !== undefined && env['QRL_JOBS'] !== '1'
}

export class Shard {
  /** Where the next file index of the shared queue is taken. */
  readonly next = new Int32Array(new SharedArrayBuffer(4))
  private readonly worker: Worker
  private readonly replies: FromWorker[] = []
  private waiting: ((reply: FromWorker) => void) | undefined
  private failure: string | undefined
  private markStarted: () => void = () => {}
  private readonly starting = new Promise<void>((resolve) => (this.markStarted = resolve))

  /** Starts the worker now, so that it loads while this thread reads the files; the job follows. */
  constructor() {
    this.worker = new Worker(bundledLoader()!, {env: {...process.env, [WORKER_ENV]: '1'}, stdout: false, stderr: false})
    this.worker.on('message', (reply: FromWorker) => this.deliver(reply))
    this.worker.on('error', (error) => this.deliver({kind: 'error', message: String(error?.stack ?? error)}))
    this.worker.on('exit', (code) => this.deliver({kind: 'error', message: `the worker exited (${code})`}))
    // The worker keeps the process alive only while this thread waits for it.
    this.worker.unref()
  }

  /** Settles once the worker takes files from the queue, or has failed. */
  async started(): Promise<void> {
    this.worker.ref()
    await this.starting
    this.worker.unref()
  }

  start(job: Omit<ShardJob, 'kind' | 'next'>): void {
    this.worker.postMessage({kind: 'job', ...job, next: this.next.buffer as SharedArrayBuffer} satisfies ShardJob)
  }

  /** Hand over this thread's walk of the tree. */
  sendListing(listing: TreeListing): void {
    this.worker.postMessage({kind: 'listing', ...listing} satisfies ShardListing)
  }

  /** Hand over the facts of the documents this thread walked. */
  sendFacts(facts: ShardFacts['facts']): void {
    this.worker.postMessage({kind: 'facts', facts} satisfies ShardFacts)
  }

  /** The facts of the documents the worker walked; rejects if the worker failed. */
  async facts(): Promise<Array<[string, DocumentFacts]>> {
    const reply = await this.reply()
    if (reply.kind !== 'facts') throw new Error(reply.kind === 'error' ? reply.message : `unexpected reply: ${reply.kind}`)
    return reply.facts
  }

  /** The findings of the files the worker took, by queue index; rejects if the worker failed. */
  async reports(): Promise<Map<number, VFileMessage[]>> {
    const reply = await this.reply()
    if (reply.kind !== 'reports') throw new Error(reply.kind === 'error' ? reply.message : `unexpected reply: ${reply.kind}`)
    return new Map(reply.reports.map(({file, messages}) => [file, messages.map(fromPlain)]))
  }

  close(): void {
    void this.worker.terminate()
  }

  private deliver(reply: FromWorker): void {
    if (reply.kind === 'started') return this.markStarted()
    this.markStarted()
    if (reply.kind === 'error') {
      // Only the first failure counts (an exit follows an error).
      if (this.failure !== undefined) return
      this.failure = reply.message
    }
    const waiting = this.waiting
    if (waiting) {
      this.waiting = undefined
      this.worker.unref()
      waiting(reply)
    } else {
      this.replies.push(reply)
    }
  }

  private reply(): Promise<FromWorker> {
    const queued = this.replies.shift()
    if (queued) return Promise.resolve(queued)
    if (this.failure !== undefined) return Promise.resolve({kind: 'error', message: this.failure})
    this.worker.ref()
    return new Promise((resolve) => (this.waiting = resolve))
  }
}
