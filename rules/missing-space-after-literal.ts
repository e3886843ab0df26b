// `missing-space-after-literal`: an inline literal whose end-string is glued
// to a word (``` ``pentium3``or ```). docutils does not end a literal at a
// ``` `` ``` followed by a letter, so the literal runs on to a later one.

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'
import {reportGluedEnd} from '../src/lint/helpers/glued-end.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Literal} from '../src/rst/types.ts'

/**
 * An end-string glued to a letter or digit (an ASCII one, or any character
 * beyond ASCII): a cheap test before the Unicode patterns, which cost more
 * to compile than most documents take to search. The lookbehind follows
 * the backquotes, which a native scan skips to.
 */
const GLUED_END = /``(?<=[^\s`]``)[A-Za-z0-9\u0080-\uffff]/
const GLUED_ENDS = new RegExp(GLUED_END.source, 'g')

export default defineRule({
  meta: {
    id: 'missing-space-after-literal',
    description: 'An inline literal\'s closing backquotes must not be glued to a word',
    severity: 'error',
    fixable: 'unsafe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      glued: 'Inline literal end-string is glued to `{{word}}`: docutils does not end the literal here, so it runs on (or is never closed). Add a space, or `\\ ` to attach a suffix',
    },
    docs: {
      why: 'An end-string must be followed by whitespace or punctuation. Otherwise docutils keeps looking, so the literal swallows the following text up to the next closing backquotes, or stays unclosed (a warning, and Sphinx -W fails).',
      instead: 'Write ``` ``pentium3`` or ```, or ``` ``item``\\ s ``` to glue a suffix.',
    },
    examples: [
      {title: 'separated', input: 'Use ``a`` or ``b``, and ``item``\\ s.\n'},
      {
        title: 'glued end-string, literal runs on',
        input: 'Models ``a``, ``b``or ``c`` exist.\n',
        errors: ['1:18-1:22 glued'],
      },
      {title: 'glued end-string, never closed', input: 'Some ``item``s here.\n', errors: ['1:12-1:15 glued'], output: 'Some ``item``s here.\n'},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    const report = (start: number, word: string): void => reportGluedEnd(context, start, word, '``', {title: 'Insert a space', separator: ' '})
    // The literal ran on: its value holds the glued end-string and a later opening.
    visit<Literal>(tree, 'literal', (node) => {
      // Most literals hold no inner glued end-string: an ASCII regex spares the Unicode one.
      if (!GLUED_END.test(node.value)) return
      const glued = /(?<=[^\s`])``(?=[\p{L}\p{N}])([\p{L}\p{N}_-]*)/u.exec(node.value)
      if (glued && /\s``/.test(node.value.slice(glued.index))) report((node.position.start.offset ?? 0) + 2 + glued.index, glued[1]!)
    })
    // The literal was never closed: the markup is left in the text.
    for (const {match, start} of freeMatches(tree, file.source, () => /``[^`\s\0][^`\0]*?(?<=[^\s`])``([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu, ['``'], GLUED_ENDS)) {
      report(start + match[0].length - match[1]!.length - 2, match[1]!)
    }
  },
})
