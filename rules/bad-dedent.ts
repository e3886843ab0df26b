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
    // Lines ending in `::` hold `::`: one native search per occurrence in the file finds them all.
    let colons: number[] | undefined
    let searched = 0
    visit<LiteralBlock>(tree, 'literal_block', (node) => {
      if (node.form !== 'indented') return
      const first = node.position.start.line - 1
      const last = node.position.end.line - 1
      const indentOf = (line: string): number => line.length - line.trimStart().length
      const firstIndent = indentOf(source.lines[first] ?? '')
      if (!colons) {
        colons = []
        for (let at = source.text.indexOf('::'); at !== -1; at = source.text.indexOf('::', at + 2)) colons.push(at)
      }
      // Blocks come in document order: resume where the last one stopped.
      const from = source.lineEnds[first] ?? 0
      if (searched > 0 && colons[searched - 1]! >= from) searched = 0
      while (searched < colons.length && colons[searched]! < from) searched++
      const blockEnd = source.lineEnds[last] ?? 0
      let previous = -1
      for (let index = searched; index < colons.length && colons[index]! < blockEnd; index++) {
        const line = source.lineOfOffset(colons[index]!)
        if (line === previous || line <= first || line > last) continue
        previous = line
        const text = source.lines[line] ?? ''
        if (!text.endsWith('::') || indentOf(text) >= firstIndent || (source.lines[line - 1] ?? '') !== '') continue
        const start = (source.lineStarts[line] ?? 0) + indentOf(text)
        context.report({messageId: 'dedent', place: {start, end: (source.lineStarts[line] ?? 0) + text.length}})
      }
    })
  },
})
