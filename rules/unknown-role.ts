// `unknown-role`: an interpreted-text role that neither docutils, Sphinx nor
// QEMU's Sphinx extensions define. Sphinx reports "Unknown interpreted text
// role" and QEMU's `-W` build fails; usually it is a typo.

import {defineRule} from '../src/lint/define-rule.ts'
import {isKnownRole, knownRoles} from '../src/lint/helpers/names.ts'
import {closest} from '../src/lint/helpers/suggest.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {InterpretedText} from '../src/rst/types.ts'

interface Options {
  /** More role names the project defines. */
  extra: string[]
}

export default defineRule<Options>({
  meta: {
    id: 'unknown-role',
    description: 'Roles must be defined by docutils, Sphinx or QEMU\'s extensions',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      unknown: 'Unknown role `{{name}}` — Sphinx -W fails. Use a role docutils, Sphinx or QEMU defines',
      suggest: 'Unknown role `{{name}}` — Sphinx -W fails; did you mean `{{suggestion}}`?',
    },
    docs: {
      why: 'Sphinx reports an unknown role as an error and renders the text as a problem; QEMU builds docs with `-W`.',
      instead: 'Use the intended role: `:ref:`, `:doc:`, `:option:`, `:kbd:`, `:c:func:`, `:qapi:cmd:`, ...',
      options: '`extra` (default `[]`): more role names to accept (also those a `.. role::` directive declares).',
    },
    defaultOptions: {extra: []},
    examples: [
      {title: 'known roles', input: 'See :ref:`boot`, :c:func:`main` and :qapi:cmd:`query-status`.\n'},
      {title: 'a typo', input: 'See :rfe:`boot`.\n', errors: ['1:5-1:10 suggest']},
      {title: 'a made-up role', input: 'Press :frobnicate:`x`.\n', errors: ['1:7-1:19 unknown']},
      {title: 'a role declared in the file', input: '.. role:: red\n\nA :red:`warning`.\n'},
    ],
  },

  check(context) {
    const tree = context.file.rst
    if (!tree) return
    const extra = [...(context.options.extra ?? [])]
    visit(tree, 'directive', (node) => {
      // docutils reads the `role` directive's arguments from its first content line.
      if (node.type === 'directive' && node.name.toLowerCase() === 'role') extra.push((node.argument || node.content).trim().split(/[\s(]/)[0] ?? '')
    })
    visit<InterpretedText>(tree, 'interpreted_text', (node) => {
      if (node.role === null || isKnownRole(node.role, extra)) return
      const suggestion = closest(node.role, knownRoles)
      const data: Record<string, string> = suggestion ? {name: node.role, suggestion} : {name: node.role}
      context.report({messageId: suggestion ? 'suggest' : 'unknown', data, place: node.rolePosition ?? node.position})
    })
  },
})
