// `unused-suppression`: an inline `qemu-rst-lint: disable…` comment that
// silenced nothing. The engine produces these findings while applying
// suppressions (src/lint/suppress.ts); this file holds the rule's metadata.

import {defineRule} from '../src/lint/define-rule.ts'

export default defineRule({
  meta: {
    id: 'unused-suppression',
    description: 'Inline suppressions must suppress something',
    severity: 'warning',
    fixable: false,
    scope: 'file',
    languages: ['rst', 'markdown'],
    messages: {
      unused: 'Unused suppression: no `{{id}}` problem here; delete it',
      unusedAll: 'Unused suppression: no problem here; delete it',
      unknown: 'Unknown rule `{{id}}` in suppression',
      invalid: 'Unknown suppression command `{{command}}`: use `disable-next-line`, `disable` or `enable`',
    },
    docs: {
      why: 'A suppression that no longer silences anything hides the next real problem on that line and misleads readers; a misspelt rule id silences nothing at all.',
      instead: 'Delete stale suppressions; name rules by their exact id (`qemu-rst-lint rules` lists them).',
    },
    examples: [
      {
        title: 'a suppression in use',
        input: '.. qemu-rst-lint: disable-next-line trailing-whitespace\n\nText. \n',
      },
      {
        title: 'a range in use',
        input: '.. qemu-rst-lint: disable trailing-whitespace\n\nOne. \n\n.. qemu-rst-lint: enable trailing-whitespace\n',
      },
      {
        title: 'the named rule has nothing here',
        input: '.. qemu-rst-lint: disable-next-line trailing-whitespace\n\nText.\n',
        errors: ['1:37-1:56 unused'],
      },
      {title: 'nothing to suppress', input: '.. qemu-rst-lint: disable-next-line\n\nClean text.\n', errors: ['1:1-1:36 unusedAll']},
      {title: 'a misspelt rule id', input: '.. qemu-rst-lint: disable-next-line no-tab\n\nText.\n', errors: ['1:37-1:43 unknown']},
      {title: 'an unknown command', input: '.. qemu-rst-lint: silence\n\nText.\n', errors: ['1:19-1:26 invalid']},
      {title: 'a range that silences nothing', input: '.. qemu-rst-lint: disable\n\nText.\n\n.. qemu-rst-lint: enable\n', errors: ['1:1-1:26 unusedAll']},
      {title: 'Markdown comment', path: 'a.md', input: '<!-- qemu-rst-lint: disable-next-line -->\nText.\n', errors: ['1:1-1:42 unusedAll']},
    ],
  },
  check() {
    // Reported by the engine after every other rule ran.
  },
})
