// `final-newline`: a file ends with exactly one newline. A missing one makes
// git print "No newline at end of file" and the next patch touch that line;
// blank lines at the end are noise `checkpatch.pl` rejects.

import {defineRule} from '../src/lint/define-rule.ts'

export default defineRule({
  meta: {
    id: 'final-newline',
    description: 'Files must end with exactly one newline',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst', 'markdown'],
    messages: {
      missing: 'Missing newline at the end of the file',
      extra: 'Blank lines at the end of the file: end it with exactly one newline',
    },
    docs: {
      why: 'Without a final newline git reports "No newline at end of file" and the next change to the last line drags it along; blank lines at the end add noise that `checkpatch.pl` rejects.',
      instead: 'End the last line with one newline and nothing after it.',
    },
    examples: [
      {title: 'one final newline', input: 'Text.\n'},
      {title: 'an empty file', input: ''},
      {title: 'no final newline', input: 'Text.', errors: ['1:6-1:6 missing'], output: 'Text.\n'},
      {title: 'CRLF files get CRLF', input: 'A.\r\nText.', errors: ['2:6-2:6 missing'], output: 'A.\r\nText.\r\n'},
      {title: 'blank lines at the end', input: 'Text.\n\n\n', errors: ['2:1-3:2 extra'], output: 'Text.\n'},
      {title: 'whitespace-only lines at the end', input: 'Text.\n  \n', errors: ['2:1-2:4 extra'], output: 'Text.\n'},
    ],
  },
  check({file, report}) {
    const text = file.text
    // The last character that is not whitespace, then the line break after it.
    let last = text.length - 1
    while (last >= 0 && isSpace(text.charCodeAt(last))) last--
    if (last < 0 && text.length === 0) return
    let lineEnd = last + 1
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++
    if (lineEnd >= text.length) {
      const newline = text.includes('\r\n') ? '\r\n' : '\n'
      report({
        messageId: 'missing',
        place: {start: text.length, end: text.length},
        fix: {title: 'Add a final newline', safety: 'safe', edits: [{start: text.length, end: text.length, text: newline}]},
      })
      return
    }
    const after = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1
    // A file of blank lines only: all of it is extra.
    const start = last < 0 ? 0 : after
    if (start < text.length) {
      report({
        messageId: 'extra',
        place: {start, end: text.length},
        fix: {title: 'Delete the blank lines at the end', safety: 'safe', edits: [{start, end: text.length, text: ''}]},
      })
    }
  },
})

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12
}
