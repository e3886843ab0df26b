// `role-without-backticks`: `:ref:boot` is plain text; a role's content must
// be in backquotes.

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'
import {isKnownRole} from '../src/lint/helpers/names.ts'

/** `pattern` below without its lookbehind: it matches the raw source wherever that matches a free text. */
const ROLE_WITHOUT_BACKQUOTES = /:[A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*:[^`:\s]/g

export default defineRule({
  meta: {
    id: 'role-without-backticks',
    description: 'A role\'s content must be in backquotes',
    severity: 'error',
    fixable: 'unsafe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      bare: 'Role `:{{role}}:` has no backquotes, so docutils prints it as text. Write `:{{role}}:` followed by the content in backquotes',
    },
    docs: {
      why: 'Without backquotes there is no role at all: the colons and name are printed and no cross-reference is made.',
      instead: 'Write ``:ref:`boot` `` instead of `:ref:boot`.',
    },
    examples: [
      {title: 'with backquotes', input: 'See :ref:`boot`; the time is 10:30:00.\n'},
      {
        title: 'without backquotes',
        input: 'See :ref:boot-order.\n',
        errors: ['1:5-1:20 bare'],
        output: 'See :ref:boot-order.\n',
      },
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    // The lookbehind follows the first character: a native scan then skips to that character (one leading lookbehind, tried at every position, cost twice as much).
    // Colons are everywhere (times, URLs, roles): the pattern without its lookbehind, run over the raw source, picks the few containers worth a free text.
    for (const {match, start} of freeMatches(tree, file.source, /:(?<=(?:^|\s):)([A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*):(?![`:\s\0])([^\s`\0]+)/g, undefined, ROLE_WITHOUT_BACKQUOTES)) {
      const role = match[1]!
      if (!isKnownRole(role)) continue
      const content = match[2]!.replace(/[.,;:!?)]+$/, '')
      const contentStart = start + role.length + 2
      context.report({
        messageId: 'bare',
        data: {role},
        place: {start, end: contentStart + content.length},
        fix: {title: 'Add the backquotes', safety: 'unsafe', edits: [{start: contentStart, end: contentStart, text: '`'}, {start: contentStart + content.length, end: contentStart + content.length, text: '`'}]},
      })
    }
  },
})
