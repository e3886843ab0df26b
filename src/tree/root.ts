// Finding the QEMU tree a path belongs to: the nearest ancestor directory
// holding `docs/conf.py` or `docs/index.rst` together with `MAINTAINERS`, so
// the linter works from any subdirectory of a checkout.

import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

export function findTreeRoot(start: string): string | undefined {
  let directory = resolve(start)
  for (;;) {
    const docs = join(directory, 'docs')
    if ((existsSync(join(docs, 'conf.py')) || existsSync(join(docs, 'index.rst'))) && existsSync(join(directory, 'MAINTAINERS'))) {
      return directory
    }
    const parent = dirname(directory)
    if (parent === directory) return undefined
    directory = parent
  }
}
