// `missing-space-after-role`: a role whose closing backquote is glued to a
// word (``:exc:`Error`s``). docutils does not end interpreted text there, so
// the role runs on to a later backquote or is never closed.

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'
import {reportGluedEnd} from '../src/lint/helpers/glued-end.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {InterpretedText} from '../src/rst/types.ts'

/**
 * An end-string glued to a letter or digit (an ASCII one, or any character
 * beyond ASCII): a cheap test before the Unicode patterns, which cost more
 * to compile than most documents take to search. The lookbehind follows
 * the backquote, which a native scan skips to.
 */
const GLUED_END = /`(?<=[^\s`\\]`)[A-Za-z0-9\u0080-\uffff]/
/** The same for free text, where the character before is anything but a space. */
const GLUED_ENDS = /`(?<=\S`)[A-Za-z0-9\u0080-\uffff]/g

export default defineRule({
  meta: {
    id: 'missing-space-after-role',
    description: 'A role\'s closing backquote must not be glued to a word',
    severity: 'error',
    fixable: 'unsafe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      glued: 'Role end-string is glued to `{{word}}`: docutils does not end the role here, so it runs on (or is never closed). Add a space, or `\\ ` to attach a suffix',
    },
    docs: {
      why: 'An end-string must be followed by whitespace or punctuation, or docutils keeps looking: the role swallows the following text or stays unclosed (a warning, and Sphinx -W fails).',
      instead: 'Write ``:ref:`boot` s`` or ``:ref:`boot`\\ s``.',
    },
    examples: [
      {title: 'separated', input: 'See :ref:`boot`\\ s and :ref:`x`.\n'},
      {title: 'glued, runs on', input: 'See :ref:`boot`s and :ref:`x`.\n', errors: ['1:15-1:17 glued']},
      {title: 'glued, never closed', input: 'See :ref:`boot`s here.\n', errors: ['1:15-1:17 glued'], output: 'See :ref:`boot`s here.\n'},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    const report = (start: number, word: string): void => reportGluedEnd(context, start, word, '`', {title: 'Insert `\\ `', separator: '\\ '})
    visit<InterpretedText>(tree, 'interpreted_text', (node) => {
      // The pattern needs a backquote, which few role contents hold: a native search spares compiling and running the Unicode regex.
      if (node.role === null || !node.value.includes('`') || !GLUED_END.test(node.value)) return
      const glued = /(?<=[^\s`\\])`([\p{L}\p{N}][\p{L}\p{N}_-]*)/u.exec(node.value)
      if (glued) report((node.valuePosition.start.offset ?? 0) + glued.index, glued[1]!)
    })
    for (const {match, start} of freeMatches(tree, file.source, () => /:[A-Za-z][\w:.+-]*:`[^`\s\0][^`\0]*?(?<=[^\s])`([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu, [':`'], GLUED_ENDS)) {
      report(start + match[0].length - match[1]!.length - 1, match[1]!)
    }
  },
})
