// `missing-underscore-after-hyperlink`: `` `text <https://...>` `` without the
// trailing `_` is interpreted text, not a link; with QEMU's `any` default
// role it is an unresolvable cross-reference.

import {defineRule} from '../src/lint/define-rule.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {InterpretedText} from '../src/rst/types.ts'

export default defineRule({
  meta: {
    id: 'missing-underscore-after-hyperlink',
    description: 'A hyperlink with an embedded URL must end with `_`',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      missing: 'Hyperlink to `{{uri}}` lacks the `_` after its closing backquote, so it is an `any` cross-reference that cannot resolve (Sphinx -W fails). Add `_` (or `__` for an anonymous link)',
    },
    docs: {
      why: 'Only `` `text <url>`_ `` is a link. Without the underscore it is interpreted text with the default role, `any` in QEMU, which fails to resolve.',
      instead: 'Write `` `QEMU <https://www.qemu.org>`_ ``, or `__` for an anonymous link.',
    },
    examples: [
      {title: 'a link', input: 'See `the wiki <https://example.org/wiki>`_.\n'},
      {
        title: 'no underscore',
        input: 'See `the wiki <https://example.org/wiki>`.\n',
        errors: ['1:5-1:42 missing'],
        output: 'See `the wiki <https://example.org/wiki>`_.\n',
      },
    ],
  },

  check(context) {
    const tree = context.file.rst
    if (!tree) return
    visit<InterpretedText>(tree, 'interpreted_text', (node) => {
      if (node.role !== null) return
      const link = /<((?:https?|ftp|mailto):[^<>\s]*)>$/.exec(node.value)
      if (!link) return
      const end = node.position.end.offset ?? 0
      const fix = {title: 'Add the missing `_`', safety: 'safe' as const, edits: [{start: end, end, text: '_'}]}
      context.report({messageId: 'missing', data: {uri: link[1]!}, place: node.position, fix})
    })
  },
})
