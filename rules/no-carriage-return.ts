// `no-carriage-return`: carriage returns (CRLF or lone CR line endings). QEMU's
// sources use LF only; git and checkpatch.pl treat CRs as noise or errors.

import {defineRule} from '../src/lint/define-rule.ts'

export default defineRule({
  meta: {
    id: 'no-carriage-return',
    description: 'Lines must end in LF, not CRLF or CR',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst', 'markdown'],
    messages: {found: 'Carriage return: use Unix line endings (LF only)'},
    docs: {
      why: 'QEMU files use Unix line endings; a CR shows up in every diff line and `checkpatch.pl` complains about DOS line endings.',
      instead: 'Save the file with LF line endings; the fix removes each `\\r` (a lone one becomes a newline).',
    },
    examples: [
      {title: 'LF line endings', input: 'One.\nTwo.\n'},
      {
        title: 'CRLF line endings',
        input: 'One.\r\nTwo.\r\n',
        errors: ['1:5-1:6 found', '2:5-2:6 found'],
        output: 'One.\nTwo.\n',
      },
      {title: 'a lone CR becomes LF', input: 'One.\rTwo.\n', errors: ['1:5-2:1 found'], output: 'One.\nTwo.\n'},
    ],
  },
  check({file, report}) {
    const text = file.text
    let at = text.indexOf('\r')
    while (at !== -1) {
      // A lone CR is a line break of its own: it becomes LF, not nothing.
      const lone = text.charCodeAt(at + 1) !== 10
      report({
        messageId: 'found',
        place: {start: at, end: at + 1},
        fix: {title: 'Use LF', safety: 'safe', edits: [{start: at, end: at + 1, text: lone ? '\n' : ''}]},
      })
      at = text.indexOf('\r', at + 1)
    }
  },
})
