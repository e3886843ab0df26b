// `no-tabs`: tab characters in indentation or prose. docutils expands tabs to
// 8 columns, editors often show 4, so structure that looks aligned is not;
// QEMU's style is spaces. Literal content (code) keeps its tabs.

import {defineRule} from '../src/lint/define-rule.ts'
import {inRanges, literalRanges, tableRanges} from '../src/lint/literal.ts'

export default defineRule({
  meta: {
    id: 'no-tabs',
    description: 'Indentation and text must use spaces, not tabs',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst', 'markdown'],
    messages: {
      indent: 'Tab in indentation: indent with spaces (docutils expands a tab to the next multiple of 8 columns)',
      prose: 'Tab in text: use a space',
    },
    docs: {
      why: 'docutils expands tabs to multiples of 8 columns while editors often show 4, so indentation that looks right can nest blocks differently; QEMU writes spaces.',
      instead: 'Indent with spaces. The fix expands an indenting tab to the next multiple of 8 columns (4 in Markdown), which docutils reads the same way, and turns a tab in text into one space (or into its columns inside a table). Tabs in literal blocks, raw directive content such as `code-block`, and inline literals are left alone.',
    },
    examples: [
      {title: 'spaces only', input: 'Text.\n\n  Quoted.\n'},
      {title: 'tabs in a literal block stay', input: 'Code::\n\n\tint x;\n'},
      {title: 'tabs in a code-block stay', input: '.. code-block:: c\n\n   if (x) {\n   \treturn;\n   }\n'},
      {title: 'tabs in an inline literal stay', input: 'Use ``a\tb`` here.\n'},
      {
        title: 'a tab indenting a block quote',
        input: 'Text.\n\n\tQuoted.\n',
        errors: ['3:1-3:2 indent'],
        output: 'Text.\n\n        Quoted.\n',
      },
      {
        title: 'spaces then a tab',
        input: 'Text.\n\n  \tQuoted.\n',
        errors: ['3:3-3:4 indent'],
        output: 'Text.\n\n        Quoted.\n',
      },
      {title: 'tabs in prose', input: 'One\t\ttwo.\n', errors: ['1:4-1:6 prose'], output: 'One two.\n'},
      {
        title: 'tab, space, tab',
        input: 'Text.\n\n\t \tQuoted.\n',
        errors: ['3:1-3:2 indent', '3:3-3:4 indent'],
        output: 'Text.\n\n                Quoted.\n',
      },
      {
        title: 'in a simple table a tab keeps its columns',
        input: '=====  =====\nA      B\nC\tD\n=====  =====\n',
        errors: ['3:2-3:3 prose'],
        output: '=====  =====\nA      B\nC       D\n=====  =====\n',
      },
      {title: 'Markdown code spans stay', path: 'notes.md', input: 'A\tb `c\td`\n', errors: ['1:2-1:3 prose'], output: 'A b `c\td`\n'},
    ],
  },
  check({file, report}) {
    const {text, source} = file
    if (!text.includes('\t')) return
    const literal = literalRanges(file)
    const tabStop = file.language === 'markdown' ? 4 : 8
    // Only lines holding a tab, found by native searches.
    for (let tab = text.indexOf('\t'); tab !== -1; tab = text.indexOf('\t', source.lineEnds[source.lineOfOffset(tab)]! + 1)) {
      const line = source.lineOfOffset(tab)
      const start = source.lineStarts[line]!
      const end = source.lineEnds[line]!
      let column = 0
      let indent = true
      for (let at = start; at < end; at++) {
        const code = text.charCodeAt(at)
        if (code !== 9) {
          if (code !== 32) indent = false
          column++
          continue
        }
        // A run of tabs; its columns are computed on the original line, so
        // the fixes of several runs on one line can be applied together.
        let runEnd = at
        let endColumn = column
        while (runEnd < end && text.charCodeAt(runEnd) === 9) {
          endColumn += tabStop - (endColumn % tabStop)
          runEnd++
        }
        // Trailing tabs belong to trailing-whitespace.
        let rest = runEnd
        while (rest < end && (text.charCodeAt(rest) === 32 || text.charCodeAt(rest) === 9)) rest++
        if (rest < end && !inRanges(literal, at)) {
          // Keep columns where they matter: indentation and table rows.
          const keepColumns = indent || inRanges(tableRanges(file), at)
          const replacement = keepColumns ? ' '.repeat(endColumn - column) : ' '
          report({
            messageId: indent ? 'indent' : 'prose',
            place: {start: at, end: runEnd},
            fix: {title: 'Replace tabs with spaces', safety: 'safe', edits: [{start: at, end: runEnd, text: replacement}]},
          })
        }
        column = endColumn
        at = runEnd - 1
      }
    }
  },
})
