// `role-with-double-backticks`: ``:ref:``x`` `` is the text `:ref:` followed
// by an inline literal, not a role: roles take single backquotes.

import {defineRule} from '../src/lint/define-rule.ts'
import {inlineContainers} from '../src/lint/helpers/free-text.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {RstNode} from '../src/rst/types.ts'

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
    visit(tree, [...inlineContainers, 'emphasis', 'strong'], (container) => {
      if (!('children' in container)) return
      const children = container.children as RstNode[]
      children.forEach((node, index) => {
        const next = children[index + 1]
        if (node.type !== 'text' || next?.type !== 'literal') return
        const end = node.position.end.offset ?? 0
        if (next.position.start.offset !== end) return
        const role = /(?:^|[\s(\[{'"/-]):([A-Za-z][\w:.+-]*):$/.exec(file.text.slice(node.position.start.offset ?? 0, end))
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
      })
    })
  },
})
