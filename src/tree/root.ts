// Finding the QEMU tree a path belongs to: the nearest ancestor directory
// holding `docs/conf.py` or `docs/index.rst` together with `MAINTAINERS`, so
// the linter works from any subdirectory of a checkout (a `docs/` folder deep
// inside a tree is not mistaken for the root). Small trees without
// MAINTAINERS (fixtures, a docs-only copy) fall back to the nearest `docs/`.

import {statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

/** Whether `dir` holds `docs/conf.py` or `docs/index.rst`. */
export function isTreeRoot(dir: string): boolean {
  return isFile(join(dir, 'docs', 'conf.py')) || isFile(join(dir, 'docs', 'index.rst'))
}

/** The tree root at or above `start`, or undefined outside any tree. */
export function findTreeRoot(start: string): string | undefined {
  let nearest: string | undefined
  let directory = resolve(start)
  for (;;) {
    if (isTreeRoot(directory)) {
      if (isFile(join(directory, 'MAINTAINERS'))) return directory
      nearest ??= directory
    }
    const parent = dirname(directory)
    if (parent === directory) return nearest
    directory = parent
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
