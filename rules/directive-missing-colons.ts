// `directive-missing-colons`: `.. note: text` or `.. code-block c` is a
// comment, not a directive: the name must be followed by `::`. Its content
// silently disappears from the output.

import {defineRule} from '../src/lint/define-rule.ts'
import {isKnownDirective} from '../src/lint/helpers/names.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Comment} from '../src/rst/types.ts'

/** Directive names that are not English words, so `.. name text` is no sentence. */
const isCodeName = (name: string): boolean => /[-:]/.test(name) || ['toctree', 'literalinclude', 'sourcecode', 'rubric', 'sectnum'].includes(name.toLowerCase())

export default defineRule({
  meta: {
    id: 'directive-missing-colons',
    description: 'A directive name must be followed by `::`',
    severity: 'error',
    fixable: 'unsafe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      colons: '`.. {{name}}` is a comment, not a directive, because `::` is missing after the name; its content is dropped silently. Write `.. {{name}}::`',
    },
    docs: {
      why: 'docutils treats explicit markup that is not a directive, target or footnote as a comment: nothing is rendered and nothing is reported.',
      instead: 'Write `.. note::` and `.. code-block:: c`.',
    },
    examples: [
      {title: 'a directive and a comment', input: '.. note:: Careful.\n\n.. note to self: fix this\n'},
      {title: 'one colon', input: '.. note: Careful.\n', errors: ['1:1-1:8 colons'], output: '.. note: Careful.\n'},
      {title: 'no colons', input: '.. code-block c\n\n   int x;\n', errors: ['1:1-1:14 colons']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    visit<Comment>(tree, 'comment', (node) => {
      const start = node.position.start.offset ?? 0
      // The head is on the comment's first line (no part of the pattern crosses a newline, and a line end
      // passes for `$` or `\n` alike): slicing that line spares copying long comments.
      const end = node.position.end.offset ?? start
      const newline = file.text.indexOf('\n', start)
      const head = /^\.\.[ \t]+([A-Za-z][\w:.+-]*?)(:?)(?=[ \t]|$|\n)/.exec(file.text.slice(start, newline === -1 || newline > end ? end : newline))
      if (!head) return
      const name = head[1]!
      if (!isKnownDirective(name) || (head[2] !== ':' && !isCodeName(name))) return
      const at = start + head[0].length
      const fix = {title: 'Add `::`', safety: 'unsafe' as const, edits: [{start: at - head[2]!.length, end: at, text: '::'}]}
      context.report({messageId: 'colons', data: {name}, place: {start, end: at - head[2]!.length}, fix})
    })
  },
})
