// Where the result cache lives: outside the linted tree, one file per tree
// root under `$XDG_CACHE_HOME/qemu-rst-lint/` (else `$HOME/.cache/…`).
// Without either variable (or with QEMU_RST_LINT_CACHE=0) there is no cache.

import {join} from 'node:path'
import {hashOf} from './hash.ts'

export interface CacheLocationOptions {
  env: Record<string, string | undefined>
  /** `--cache-dir`: overrides the environment. */
  dir?: string
  /** `--no-cache`. */
  disabled?: boolean
}

/** The cache file of a tree root, or undefined when caching is off. */
export function cacheFileFor(root: string, options: CacheLocationOptions): string | undefined {
  if (options.disabled) return undefined
  const flag = options.env['QEMU_RST_LINT_CACHE']
  if (flag === '0' || flag === 'false' || flag === 'off') return undefined
  let dir = options.dir
  if (dir === undefined) {
    const xdg = options.env['XDG_CACHE_HOME']
    const home = options.env['HOME']
    if (xdg) dir = join(xdg, 'qemu-rst-lint')
    else if (home) dir = join(home, '.cache', 'qemu-rst-lint')
    else return undefined
  }
  return join(dir, `${hashOf(root).slice(0, 20)}.bin`)
}
