// The CLI entry point (bundled to dist/cli.cjs, loaded by bin/qemu-rst-lint.js):
// run with the process's arguments and set the exit status without cutting
// piped output short. With QRL_CODE_CACHE_TRAINING set (the build does it),
// it runs the training commands instead, so that the V8 code cache the
// loader writes afterwards holds the functions a real run needs. In the
// worker thread of a large run (shards.ts) it runs the worker's side instead.

import {processIo} from './io.ts'
import {run} from './run.ts'
import {WORKER_ENV} from './shard-protocol.ts'

// `qemu-rst-lint | head`: a closed pipe ends the run quietly, not with a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
  throw error
})

async function main(): Promise<number> {
  const training = process.env['QRL_CODE_CACHE_TRAINING']
  if (training) return (await import('./code-cache-training.ts')).train(training)
  return run(process.argv.slice(2), processIo())
}

// The worker is told by its environment (no module to load on every run); a
// stray variable in a user's shell is not enough, as that is no worker thread.
if (process.env[WORKER_ENV] && !(require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread) {
  void import('./shard-worker.ts').then(({runShardWorker}) => runShardWorker())
} else {
  void main().then((code) => {
    process.exitCode = code
  })
}
