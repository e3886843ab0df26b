// `missing-space-before-role`: a role glued to the word before it
// (``the:ref:`x` ``) or missing its opening colon (``ref:`x` ``). Both parse
// as the text `the:ref:` plus default-role interpreted text.

import {defineRule} from '../src/lint/define-rule.ts'
import {isKnownRole} from '../src/lint/helpers/names.ts'
import {textsBefore} from '../src/lint/helpers/text-before.ts'
import type {InterpretedText} from '../src/rst/types.ts'

export default defineRule({
  meta: {
    id: 'missing-space-before-role',
    description: 'A role must be preceded by a space and start with a colon',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      glued: 'Role `:{{role}}:` is glued to `{{word}}`: docutils reads `{{word}}:{{role}}:` as text and the rest as default-role text. Add a space before `:{{role}}:`',
      colon: 'Role `{{role}}:` lacks its opening colon: docutils reads `{{role}}:` as text and the rest as default-role text. Write `:{{role}}:`',
    },
    docs: {
      why: 'A role starts with a colon after whitespace or punctuation; otherwise the name is printed and the backquoted part becomes an `any` reference, which usually fails to resolve (Sphinx -W).',
      instead: 'Write ``the :ref:`boot` `` and ``:ref:`boot` ``.',
    },
    examples: [
      {title: 'spaced', input: 'See the :ref:`boot` page.\n'},
      {title: 'glued', input: 'See the:ref:`boot` page.\n', errors: ['1:5-1:19 glued'], output: 'See the :ref:`boot` page.\n'},
      {title: 'no opening colon', input: 'See ref:`boot` page.\n', errors: ['1:5-1:15 colon'], output: 'See :ref:`boot` page.\n'},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    // The pattern ends in `:`: only texts ending in a colon are looked at.
    textsBefore<InterpretedText>(tree, file.text, 'interpreted_text', ({next, text, end}) => {
      if (next.role !== null) return
      const head = /(?:^|\s)([A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*):$/.exec(text)
      if (!head) return
      const name = head[1]!
      const start = end - name.length - 1
      const place = {start, end: next.position.end.offset ?? end}
      const colon = name.indexOf(':')
      if (isKnownRole(name) || colon < 0) {
        const fix = {title: 'Add the opening colon', safety: isKnownRole(name) ? ('safe' as const) : ('unsafe' as const), edits: [{start, end: start, text: ':'}]}
        context.report({messageId: 'colon', data: {role: name}, place, fix})
      } else {
        const fix = {title: 'Insert a space', safety: 'safe' as const, edits: [{start: start + colon, end: start + colon, text: ' '}]}
        context.report({messageId: 'glued', data: {word: name.slice(0, colon), role: name.slice(colon + 1)}, place, fix})
      }
    }, ':')
  },
})
