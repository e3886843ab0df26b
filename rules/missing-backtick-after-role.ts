// `missing-backtick-after-role`: a role whose content is never closed
// (``:ref:`boot`` with no closing backquote in the paragraph).

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'

export default defineRule({
  meta: {
    id: 'missing-backtick-after-role',
    description: 'A role\'s content must end with a backquote',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      unclosed: 'Role `:{{role}}:` has no closing backquote: docutils reports an error and prints the markup as text (Sphinx -W fails). Add the closing backquote',
    },
    docs: {
      why: 'An interpreted-text start-string without an end-string is a docutils warning; the role is lost and `-W` fails.',
      instead: 'Close the role: ``:ref:`boot` ``.',
    },
    examples: [
      {title: 'closed', input: 'See :ref:`boot`.\n'},
      {title: 'not closed', input: 'See :ref:`boot for details.\n', errors: ['1:5-1:15 unclosed']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    for (const {match, start} of freeMatches(tree, file.source, /(?<=^|[\s(\[{'"/-]):([A-Za-z][\w:.+-]*):`(?!`)([^`\s\0]*)(?=[^`]*$)/g, [':`'])) {
      context.report({messageId: 'unclosed', data: {role: match[1]!}, place: {start, end: start + match[0].length}})
    }
  },
})
