// The build's training run for the V8 code cache (see bin/qemu-rst-lint.js):
// the commands a user runs most, in-process, on the package's own fixtures,
// output discarded. Whatever they compile is in the cache afterwards, so a
// cold run starts from bytecode instead of compiling every function it calls.

import {join} from 'node:path'
import type {Io} from './io.ts'
import {run} from './run.ts'

/** `packageRoot` holds fixtures/; returns 0 when every command ran (findings are expected). */
export async function train(packageRoot: string): Promise<number> {
  const fixture = (path: string) => join(packageRoot, 'fixtures', path)
  const mini = fixture('trees/mini-qemu')
  const runs = [
    ['--tree', mini, '--no-cache', '--inventory', fixture('trees/mini-qemu.objects.inv')],
    ['--tree', mini, '--no-cache', '--format', 'json'],
    ['patch', fixture('patch-mode/lever-series-v2.mbox'), '--tree', fixture('patch-mode/tree')],
  ]
  let failed = 0
  for (const argv of runs) {
    const errors: string[] = []
    const io: Io = {cwd: packageRoot, env: {}, stdout: () => {}, stderr: (text) => void errors.push(text), isTTY: false}
    const status = await run(argv, io)
    if (status === 2) {
      failed++
      process.stderr.write(`code cache training: ${argv.join(' ')}: ${errors.join('')}`)
    }
  }
  return failed === 0 ? 0 : 2
}
