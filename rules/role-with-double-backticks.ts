// `role-with-double-backticks`: ``:ref:``x`` `` is the text `:ref:` followed
// by an inline literal, not a role: roles take single backquotes.

import {defineRule} from '../src/lint/define-rule.ts'
import {textsBefore} from '../src/lint/helpers/text-before.ts'
import type {Literal} from '../src/rst/types.ts'

export default defineRule({
  meta: {
    id: 'role-with-double-backticks',
    description: 'Roles take single backquotes',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      double: 'Role `:{{role}}:` is written with double backquotes: docutils reads `:{{role}}:` as text and an inline literal. Use single backquotes',
    },
    docs: {
      why: 'With double backquotes the role name is printed as text and its content as code; no cross-reference is made.',
      instead: 'Write ``:ref:`boot` `` with single backquotes.',
    },
    examples: [
      {title: 'single backquotes', input: 'See :ref:`boot` and ``code``.\n'},
      {
        title: 'double backquotes',
        input: 'See :ref:``boot``.\n',
        errors: ['1:5-1:18 double'],
        output: 'See :ref:`boot`.\n',
      },
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    // The pattern ends in `:`: only texts ending in a colon are looked at.
    textsBefore<Literal>(tree, file.text, 'literal', ({next, text, end}) => {
      const role = /(?:^|[\s(\[{'"/-]):([A-Za-z][\w:.+-]*):$/.exec(text)
      if (!role) return
      const start = end - role[1]!.length - 2
      const literalEnd = next.position.end.offset ?? end
      const safe = !next.value.includes('`') && !next.value.includes('\\')
      context.report({
        messageId: 'double',
        data: {role: role[1]!},
        place: {start, end: literalEnd},
        fix: {title: 'Use single backquotes', safety: safe ? 'safe' : 'unsafe', edits: [{start: end, end: end + 1, text: ''}, {start: literalEnd - 1, end: literalEnd, text: ''}]},
      })
    }, ':')
  },
})
