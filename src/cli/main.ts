// The CLI entry point (bundled to dist/cli.js): run with the process's
// arguments and set the exit status without cutting piped output short.

import {processIo} from './io.ts'
import {run} from './run.ts'

// `qemu-rst-lint | head`: a closed pipe ends the run quietly, not with a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
  throw error
})

process.exitCode = await run(process.argv.slice(2), processIo())
