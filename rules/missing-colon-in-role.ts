// `missing-colon-in-role`: ``:ref`boot` `` lacks the colon between the role
// name and the backquote, so it is plain text.

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'

/** `pattern` below up to its first backquote, without its lookbehind: it matches the raw source wherever that matches a free text. */
const ROLE_WITHOUT_COLON = /:[A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*`(?!`)/g

export default defineRule({
  meta: {
    id: 'missing-colon-in-role',
    description: 'A role name must end with a colon before its backquote',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      colon: 'Role `:{{role}}` lacks its second colon, so docutils prints it as text. Write `:{{role}}:` before the backquote',
    },
    docs: {
      why: 'Without the colon after the name docutils sees no role: the markup is printed as is.',
      instead: 'Write ``:ref:`boot` ``.',
    },
    examples: [
      {title: 'complete', input: 'See :ref:`boot`.\n'},
      {title: 'missing colon', input: 'See :ref`boot`.\n', errors: ['1:5-1:15 colon'], output: 'See :ref:`boot`.\n'},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    // The lookbehind follows the first character: a native scan then skips to that character (one leading lookbehind, tried at every position, cost twice as much).
    // Most backquotes are those of roles and literals: the pattern without its lookbehind, run over the raw source, picks the few containers worth a free text.
    for (const {match, start} of freeMatches(tree, file.source, /:(?<=(?:^|\s):)([A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*)`(?!`)[^`\0]*`/g, undefined, ROLE_WITHOUT_COLON)) {
      const colon = start + 1 + match[1]!.length
      context.report({
        messageId: 'colon',
        data: {role: match[1]!},
        place: {start, end: start + match[0].length},
        fix: {title: 'Add the colon', safety: 'safe', edits: [{start: colon, end: colon, text: ':'}]},
      })
    }
  },
})
