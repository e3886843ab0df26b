// `missing-space-in-hyperlink`: `` `text<https://...>`_ `` needs whitespace
// before `<`, or docutils takes the whole thing as a reference name and the
// URL is lost ("Unknown target name").

import {defineRule} from '../src/lint/define-rule.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Reference} from '../src/rst/types.ts'

export default defineRule({
  meta: {
    id: 'missing-space-in-hyperlink',
    description: 'An embedded URL must be separated from the link text by a space',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      space: 'No space before `<` in this hyperlink, so docutils reads the URL as part of the link name and finds no target (Sphinx -W fails). Add a space before `<`',
    },
    docs: {
      why: 'docutils recognizes an embedded URI only after whitespace; without it the reference points to a target named after the whole text, which does not exist.',
      instead: 'Write `` `QEMU <https://www.qemu.org>`_ ``.',
    },
    examples: [
      {title: 'spaced', input: 'See `QEMU <https://example.org>`_.\n'},
      {
        title: 'glued',
        input: 'See `QEMU<https://example.org>`_.\n',
        errors: ['1:5-1:33 space'],
        output: 'See `QEMU <https://example.org>`_.\n',
      },
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    visit<Reference>(tree, 'reference', (node) => {
      const start = node.position.start.offset ?? 0
      const raw = file.text.slice(start, node.position.end.offset ?? start)
      const glued = /[^\s`]<(?:https?|ftp|mailto):[^<>`\s]*>`__?$/.exec(raw)
      if (!raw.startsWith('`') || !glued) return
      const at = start + glued.index + 1
      context.report({messageId: 'space', place: node.position, fix: {title: 'Insert a space', safety: 'safe', edits: [{start: at, end: at, text: ' '}]}})
    })
  },
})
