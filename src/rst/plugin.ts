// The unified parser plugin: `unified().use(rstParse)` parses with fromRst()
// and turns docutils' system messages into vfile messages (rule id
// `rst-syntax`), keeping docutils' level as an extra `level` field.

import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {fromRst} from './index.ts'
import type {Root} from './types.ts'

export function rstParse(this: Processor): void {
  // unified's typed `parser` slot expects a unist Node; our Root is one.
  const self = this as unknown as {parser: (doc: string, file: VFile) => Root}
  self.parser = (doc, file) => {
    const tree = fromRst(doc)
    for (const problem of tree.data.problems) {
      const message = file.message(problem.text, {place: problem.position, ruleId: 'rst-syntax', source: 'qemu-rst-lint'})
      message.fatal = false
      Object.assign(message, {level: problem.level})
    }
    return tree
  }
}
