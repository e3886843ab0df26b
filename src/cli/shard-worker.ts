// The worker side of a sharded whole-tree run: parse its share of the files,
// walk the documents among them into index facts and send those; then, given
// every other document's facts, build the same project index the main thread
// builds and check its files, sending the findings back as plain data.

import {parentPort} from 'node:worker_threads'
import {rules} from '../../rules/index.ts'
import {toPlain} from '../lint/cache/serialize.ts'
import {Linter, type Prepared} from '../lint/engine.ts'
import {readText} from '../lint/files.ts'
import {fromRst} from '../rst/index.ts'
import {DiskFiles} from '../tree/disk-files.ts'
import {discoverDocuments} from '../tree/documents.ts'
import {buildProjectIndexFromFacts} from '../tree/project.ts'
import {collectDocFacts, type DocumentFacts} from '../tree/walk.ts'
import {resolve} from 'node:path'
import {isIndexedDoc, LazyTrees} from './project.ts'
import type {ShardCheck, ShardJob, ShardReply} from './shard-protocol.ts'

/** Waits for its job: the worker starts before the main thread knows the files. */
export function runShardWorker(): void {
  const port = parentPort
  if (!port) return
  port.once('message', (job: ShardJob) => work(port, job))
}

function work(port: NonNullable<typeof parentPort>, job: ShardJob): void {
  const send = (reply: ShardReply) => port.postMessage(reply)
  try {
    // The main thread's fallback is tested by making the worker fail on purpose.
    if (process.env['QRL_SHARD_FAULT'] === 'start') throw new Error('fault injected for a test (QRL_SHARD_FAULT=start)')
    const linters = job.settings.map((entries) => new Linter({rules, settings: new Map(entries)}))
    const prepared = job.files.map((file) => linters[file.settings]!.parse(file.path, file.text))
    const files = new DiskFiles(job.root)
    const own = new Map<string, Prepared>(job.files.map((file, index) => [file.path, prepared[index]!]))
    // Files a document includes are parsed here too when they are not this worker's.
    const trees = new LazyTrees(
      (path) => isIndexedDoc(path, `${job.docsDir}/`),
      (path) => {
        const mine = own.get(path)
        if (mine) return mine.linted.rst
        const read = readText(resolve(job.root, path))
        return read.ok ? fromRst(read.text) : undefined
      },
    )
    const walked: Array<[string, DocumentFacts]> = []
    if (job.project) {
      const set = discoverDocuments(files, job.docsDir)
      const docnameOf = new Map([...set.documents].map(([docname, path]) => [path, docname]))
      for (const file of job.files) {
        const docname = docnameOf.get(file.path)
        const tree = docname === undefined ? undefined : trees.get(file.path)
        if (docname !== undefined && tree) walked.push([docname, collectDocFacts(files, trees, job.docsDir, docname, file.path, tree)])
      }
      send({kind: 'facts', facts: walked})
    }
    const check = (others: ShardCheck['facts']) => {
      if (job.project) {
        const set = discoverDocuments(files, job.docsDir)
        const project = buildProjectIndexFromFacts(files, set, new Map([...others, ...walked]), {inventories: job.inventories, docsDir: job.docsDir})
        for (const linter of linters) linter.project = project
      }
      const reports = job.files.map((file, index) => ({
        path: file.path,
        messages: linters[file.settings]!.check(prepared[index]!).file.messages.map(toPlain),
      }))
      send({kind: 'reports', reports})
    }
    port.once('message', (message: ShardCheck) => {
      try {
        if (process.env['QRL_SHARD_FAULT'] === 'check') throw new Error('fault injected for a test (QRL_SHARD_FAULT=check)')
        check(message.facts)
      } catch (error) {
        send({kind: 'error', message: String((error as Error)?.stack ?? error)})
      }
    })
  } catch (error) {
    send({kind: 'error', message: String((error as Error)?.stack ?? error)})
  }
}
