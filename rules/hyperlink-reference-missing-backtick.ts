// `hyperlink-reference-missing-backtick`: `text <https://...>`_` with no
// opening backquote. The link text, URL and `` `_ `` are printed as is.

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'

export default defineRule({
  meta: {
    id: 'hyperlink-reference-missing-backtick',
    description: 'A hyperlink with an embedded URL must start with a backquote',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      missing: 'Hyperlink to `{{uri}}` has no opening backquote, so docutils prints the markup as text. Add a backquote before the link text',
    },
    docs: {
      why: 'Without the opening backquote there is no hyperlink: the reader sees the angle brackets and `` `_ ``.',
      instead: 'Write `` `release notes <https://example.org/notes>`_ ``.',
    },
    examples: [
      {title: 'complete', input: 'See `notes <https://example.org/n>`_.\n'},
      {title: 'missing backquote', input: 'See notes <https://example.org/n>`_ now.\n', errors: ['1:5-1:36 missing']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    for (const {match, start} of freeMatches(tree, file.source, /([^\s\0`]+)\s+<((?:https?|ftp|mailto):[^\s<>\0`]+)>`__?/g, ['>`_'])) {
      context.report({messageId: 'missing', data: {uri: match[2]!}, place: {start, end: start + match[0].length}})
    }
  },
})
