// The unified plugin: parsing through a processor yields the same tree and
// turns each parse problem into a non-fatal vfile message with rule id
// `rst-syntax`, source `qemu-rst-lint` and docutils' level.

import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {rstParse} from '../../../src/rst/plugin.ts'
import type {Root} from '../../../src/rst/types.ts'

describe('rstParse', () => {
  it('parses and reports problems as vfile messages', () => {
    const file = new VFile({path: 'a.rst', value: 'Titles\n====\n\n- item\ntext\n'})
    const tree = unified().use(rstParse).parse(file) as unknown as Root
    expect(tree.type).toBe('document')
    const messages = file.messages.map((message) => ({
      reason: message.reason,
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
      level: (message as unknown as {level: number}).level,
      line: message.line,
      column: message.column,
    }))
    expect(messages).toEqual([
      {reason: 'Title underline too short.', ruleId: 'rst-syntax', source: 'qemu-rst-lint', fatal: false, level: 2, line: 2, column: 1},
      {
        reason: 'Bullet list ends without a blank line; unexpected unindent.',
        ruleId: 'rst-syntax',
        source: 'qemu-rst-lint',
        fatal: false,
        level: 2,
        line: 5,
        column: 1,
      },
    ])
  })
})
