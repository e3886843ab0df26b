// `missing-space-before-default-role`: backquoted text glued to the word
// before it (``the`foo` ``). A start-string after a letter is not markup, so
// the backquotes are printed as is.

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'

/**
 * The pattern's opening backquote after a letter or digit, and the character
 * after it: letters and digits are ASCII ones or beyond ASCII. The lookbehind
 * follows the backquote, which a native scan skips to.
 */
const GLUED_OPENING = /`(?<=[A-Za-z0-9\u0080-\uffff]`)[^`\s]/g

export default defineRule({
  meta: {
    id: 'missing-space-before-default-role',
    description: 'Backquoted text must not be glued to the word before it',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      glued: 'Backquoted `{{text}}` is glued to the word before it, so docutils prints the backquotes as text. Add a space before it, and use double backquotes for code',
    },
    docs: {
      why: 'Inline markup must start after whitespace or punctuation; glued to a word, the backquotes are printed literally.',
      instead: 'Write ``the ``foo`` `` for code (QEMU\'s default role is `any`, a cross-reference).',
    },
    examples: [
      {title: 'spaced', input: 'Set the ``foo`` flag.\n'},
      {title: 'glued', input: 'Set the`foo` flag.\n', errors: ['1:8-1:13 glued']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    // The lookbehind follows the first character: a native scan then skips to that character (one leading lookbehind, tried at every position, cost twice as much).
    // The Unicode pattern is made only for a container the ASCII prefilter picks: compiling it cost more than searching.
    for (const {match, start} of freeMatches(tree, file.source, () => /`(?<=[\p{L}\p{N}]`)([^`\s\0][^`\0]*?)(?<=\S)`(?![\p{L}\p{N}`_])/gu, ['`'], GLUED_OPENING)) {
      context.report({messageId: 'glued', data: {text: match[1]!.replace(/\s+/g, ' ')}, place: {start, end: start + match[0].length}})
    }
  },
})
