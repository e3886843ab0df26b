// The worker side of a shared run (see shards.ts): take files from the queue
// both threads share and parse them; walk the documents among them into
// index facts and trade facts with the main thread; build the same project
// index it builds; check the files taken and send the findings back.

import {resolve} from 'node:path'
import {parentPort, type MessagePort} from 'node:worker_threads'
import {rules} from '../../rules/index.ts'
import {toPlain} from '../lint/cache/serialize.ts'
import {Linter, type Prepared} from '../lint/engine.ts'
import {readText} from '../lint/files.ts'
import {fromRst} from '../rst/index.ts'
import {DiskFiles} from '../tree/disk-files.ts'
import {discoverDocuments} from '../tree/documents.ts'
import {buildProjectIndexFromFacts} from '../tree/project.ts'
import {inDocumentOrder, isIndexedDoc, LazyTrees, walkFacts} from './project.ts'
import {takeFrom, type FromWorker, type ShardJob, type ToWorker} from './shard-protocol.ts'
import {whileWaiting} from './while-waiting.ts'

/** Waits for its job: the worker starts before the main thread has read the files. */
export function runShardWorker(): void {
  const port = parentPort
  if (!port) return
  const send = (message: FromWorker) => port.postMessage(message)
  const next = inbox(port)
  void next()
    .then((job) => work(send, next, job as ShardJob))
    .catch((error: unknown) => send({kind: 'error', message: String((error as Error)?.stack ?? error)}))
    // Nothing more will come: let the thread end.
    .finally(() => port.unref())
}

async function work(send: (message: FromWorker) => void, next: () => Promise<ToWorker>, job: ShardJob): Promise<void> {
  // The main thread's fallback is tested by making the worker fail on purpose.
  fault('start')
  const linters = job.settings.map((entries) => new Linter({rules, settings: new Map(entries)}))
  const files = new DiskFiles(job.root)
  const prepared = new Map<string, Prepared>()
  const taken: number[] = []
  // The main thread's walk of the tree comes while this thread takes files.
  const listing = job.project ? next().then((message) => files.adoptListing(expect(message, 'listing'))) : Promise.resolve()
  send({kind: 'started'})
  await whileWaiting(listing, takeFrom(job.files.length, new Int32Array(job.next)), (index) => {
    const file = job.files[index]!
    taken.push(index)
    const linter = linters[file.settings]!
    const parsed = linter.parse(file.path, file.text)
    // The rules that need no index run at once, while the tree is fresh.
    if (job.project) linter.checkEarly(parsed)
    prepared.set(file.path, parsed)
  })
  if (job.project && taken.length > 0) {
    const prefix = `${job.docsDir}/`
    // Files a document includes are parsed here too when another thread took them.
    const trees = new LazyTrees(new Set(files.list().filter((path) => isIndexedDoc(path, prefix))), (path) => {
      const mine = prepared.get(path)
      if (mine) return mine.linted.rst
      const read = readText(resolve(job.root, path))
      return read.ok ? fromRst(read.text) : undefined
    })
    const set = discoverDocuments(files, job.docsDir)
    const own = await walkFacts(files, trees, set, job.docsDir, new Set(prepared.keys()))
    send({kind: 'facts', facts: own})
    const theirs = expect(await next(), 'facts')
    const facts = inDocumentOrder(set, [theirs.facts, own])
    const project = buildProjectIndexFromFacts(files, set, facts, {inventories: job.inventories, docsDir: job.docsDir})
    for (const linter of linters) linter.project = project
  } else if (job.project) {
    send({kind: 'facts', facts: []})
  }
  fault('check')
  const reports = taken.map((index) => {
    const file = job.files[index]!
    return {file: index, messages: linters[file.settings]!.check(prepared.get(file.path)!).file.messages.map(toPlain)}
  })
  send({kind: 'reports', reports})
}

/** `message`, which must be of `kind` (the main thread sends the job, the listing and its facts in that order). */
function expect<K extends ToWorker['kind']>(message: ToWorker, kind: K): Extract<ToWorker, {kind: K}> {
  if (message.kind !== kind) throw new Error(`expected the main thread's ${kind}, got ${message.kind}`)
  return message as Extract<ToWorker, {kind: K}>
}

/** The port's messages, one awaited at a time. */
function inbox(port: MessagePort): () => Promise<ToWorker> {
  const queued: ToWorker[] = []
  let waiting: ((message: ToWorker) => void) | undefined
  port.on('message', (message: ToWorker) => {
    if (waiting) {
      const resume = waiting
      waiting = undefined
      resume(message)
    } else {
      queued.push(message)
    }
  })
  return () => (queued.length > 0 ? Promise.resolve(queued.shift()!) : new Promise((resume) => (waiting = resume)))
}

function fault(stage: string): void {
  if (process.env['QRL_SHARD_FAULT'] === stage) throw new Error(`fault injected for a test (QRL_SHARD_FAULT=${stage})`)
}
