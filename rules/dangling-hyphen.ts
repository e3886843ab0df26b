// `dangling-hyphen`: a paragraph line ending in `word-`. rST joins lines with
// a space, so a word hyphenated across lines renders as "word- rest".

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'

export default defineRule({
  meta: {
    id: 'dangling-hyphen',
    description: 'Prose lines must not end in a hyphen',
    severity: 'warning',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      hyphen: 'Line ends with a hyphen after `{{word}}`: rST joins lines with a space, so this renders as "{{word}}- {{next}}". Keep the hyphenated word on one line',
    },
    docs: {
      why: 'Line breaks inside a paragraph become spaces, so a word split with a hyphen at the end of a line is rendered with a stray space.',
      instead: 'Move the whole hyphenated word to one line.',
    },
    examples: [
      {title: 'whole words', input: 'A well-known\nfact.\n'},
      {title: 'split word', input: 'A well-\nknown fact.\n', errors: ['1:7-1:8 hyphen']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    // The word is read back by a lookbehind from the `-`: a native scan then skips to the hyphens, and the match starts at the `-`.
    for (const {match, start} of freeMatches(tree, file.source, /(?<=(?<![\w-])([A-Za-z]+))-\r?\n[ \t]*([^\s\0]*)/g, ['-\n', '-\r\n'])) {
      if (!/[a-z]$/.test(match[1]!)) continue
      const at = start
      context.report({messageId: 'hyphen', data: {word: match[1]!, next: match[2]!}, place: {start: at, end: at + 1}})
    }
  },
})
