// The CLI entry point (bundled to dist/cli.js): run with the process's
// arguments and set the exit status without cutting piped output short.

import {processIo} from './io.ts'
import {run} from './run.ts'

process.exitCode = await run(process.argv.slice(2), processIo())
