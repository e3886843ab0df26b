// The CLI entry point (bundled to dist/cli.cjs, loaded by bin/qemu-rst-lint.js):
// run with the process's arguments and set the exit status without cutting
// piped output short. With QRL_CODE_CACHE_TRAINING set (the build does it),
// it runs the training commands instead, so that the V8 code cache the
// loader writes afterwards holds the functions a real run needs.

import {processIo} from './io.ts'
import {run} from './run.ts'

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

void main().then((code) => {
  process.exitCode = code
})
