// `directive-with-three-dots`: `... note::` starts with three dots, so it is
// an ordinary paragraph, not a directive.

import {defineRule} from '../src/lint/define-rule.ts'
import {freeMatches} from '../src/lint/helpers/free-text.ts'
import {isKnownDirective} from '../src/lint/helpers/names.ts'

export default defineRule({
  meta: {
    id: 'directive-with-three-dots',
    description: 'Directives start with two dots',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      dots: 'Directive `{{name}}` starts with three dots, so docutils prints it as a paragraph. Use two dots: `.. {{name}}::`',
    },
    docs: {
      why: 'Explicit markup starts with exactly `.. `; with three dots the directive is lost and its text printed.',
      instead: 'Write `.. note::`.',
    },
    examples: [
      {title: 'two dots', input: '.. note:: Careful.\n'},
      {title: 'three dots', input: '... note:: Careful.\n', errors: ['1:1-1:11 dots'], output: '.. note:: Careful.\n'},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    for (const {match, start} of freeMatches(tree, file.source, /(?<=^|\n[ \t]*)\.\.\. ([A-Za-z][\w:.+-]*)::/g, ['... '])) {
      if (!isKnownDirective(match[1]!)) continue
      context.report({messageId: 'dots', data: {name: match[1]!}, place: {start, end: start + match[0].length}, fix: {title: 'Remove a dot', safety: 'safe', edits: [{start, end: start + 1, text: ''}]}})
    }
  },
})
