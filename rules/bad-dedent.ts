// `bad-dedent`: a paragraph after a literal block that is dedented, but not
// back to the left margin, stays inside the literal block: it is shown as
// code. The telltale is a less indented line ending in `::` inside the block.

import {defineRule} from '../src/lint/define-rule.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {LiteralBlock} from '../src/rst/types.ts'

export default defineRule({
  meta: {
    id: 'bad-dedent',
    description: 'Text after a literal block must be dedented to the surrounding margin',
    severity: 'warning',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      dedent: 'This line is less indented than the literal block above but more than the text before it, so it is still part of the literal block and shown as code. Indent it like the text before the block',
    },
    docs: {
      why: 'A literal block ends at the first line indented no more than the paragraph before it; a partially dedented paragraph is swallowed into the block.',
      instead: 'Align the following paragraph with the paragraph that introduced the block.',
    },
    examples: [
      {title: 'aligned', input: 'Example::\n\n    code\n\nNext example::\n\n    more\n'},
      {title: 'partially dedented', input: 'Example::\n\n    code\n\n Next example::\n\n    more\n', errors: ['5:2-5:16 dedent']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    const {source} = file
    visit<LiteralBlock>(tree, 'literal_block', (node) => {
      if (node.form !== 'indented') return
      const first = node.position.start.line - 1
      const last = node.position.end.line - 1
      const indentOf = (line: string): number => line.length - line.trimStart().length
      const firstIndent = indentOf(source.lines[first] ?? '')
      for (let line = first + 1; line <= last; line++) {
        const text = source.lines[line] ?? ''
        if (!text.endsWith('::') || indentOf(text) >= firstIndent || (source.lines[line - 1] ?? '') !== '') continue
        const start = (source.lineStarts[line] ?? 0) + indentOf(text)
        context.report({messageId: 'dedent', place: {start, end: (source.lineStarts[line] ?? 0) + text.length}})
      }
    })
  },
})
