// Writing a fixed file atomically: a temporary file in the same directory,
// given the original's mode, then renamed over it (through symlinks), so a
// crash never leaves a half-written document.

import {chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

export function writeAtomic(path: string, text: string): void {
  const target = realpathSync(path)
  const mode = statSync(target).mode & 0o7777
  const temp = join(dirname(target), `.${basename(target)}.qemu-rst-lint-${process.pid}-${Date.now()}.tmp`)
  try {
    writeFileSync(temp, text, {mode})
    chmodSync(temp, mode)
    renameSync(temp, target)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // Nothing was written.
    }
    throw error
  }
}
