// `spdx-license`: a new `.rst` file without an `SPDX-License-Identifier`
// comment, as QEMU's checkpatch.pl asks of every file a patch adds. Only patch
// mode knows which files are new: it passes them as the `newFiles` option, so
// the rule is silent in whole-tree runs (its default list is empty).

import {defineRule} from '../src/lint/define-rule.ts'
import {firstLinePlace} from '../src/tree/places.ts'

interface Options {
  /** Root-relative paths of the files the checked patch adds. */
  newFiles: string[]
}

const TAG = 'SPDX-License-Identifier:'

export default defineRule<Options>({
  meta: {
    id: 'spdx-license',
    description: 'New `.rst` files start with an `SPDX-License-Identifier` comment',
    severity: 'warning',
    fixable: 'unsafe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      missing:
        'New file `{{path}}` has no `SPDX-License-Identifier` comment; checkpatch.pl asks for one in every new file. Start it with `.. SPDX-License-Identifier: GPL-2.0-or-later` (or the licence that applies)',
    },
    docs: {
      why: 'QEMU records the licence of every new file in a machine-readable SPDX tag, and checkpatch.pl warns about new files without one. Patch mode (`qemu-rst-lint patch`) passes the files a patch adds; whole-tree runs never report.',
      instead: 'Put `.. SPDX-License-Identifier: GPL-2.0-or-later` (an rST comment, invisible in the output) on the first line, followed by a blank line. The fix inserts exactly that; it is unsafe because the licence is the author\'s choice.',
      options: '`newFiles` (default `[]`): root-relative paths of the files the patch adds; set by `qemu-rst-lint patch`.',
    },
    defaultOptions: {newFiles: []},
    examples: [
      {title: 'an existing file is never checked', path: 'docs/devices/crank.rst', input: 'Crank\n=====\n'},
      {
        title: 'a new file with the tag',
        path: 'docs/devices/crank.rst',
        options: {newFiles: ['docs/devices/crank.rst']},
        input: '.. SPDX-License-Identifier: GPL-2.0-or-later\n\nCrank\n=====\n',
      },
      {
        title: 'a new file without it',
        path: 'docs/devices/crank.rst',
        options: {newFiles: ['docs/devices/crank.rst']},
        input: 'Crank\n=====\n',
        errors: ['1:1-1:6 missing'],
        // The fix is unsafe (the licence is the author's call): `--fix` leaves the file alone.
        output: 'Crank\n=====\n',
      },
    ],
  },

  check(context) {
    const {path, text, source} = context.file
    const newFiles = context.options.newFiles ?? []
    if (!path.endsWith('.rst') || !newFiles.includes(path) || hasTag(text)) return
    context.report({
      messageId: 'missing',
      data: {path},
      place: firstLinePlace(source),
      fix: {title: 'Add a GPL-2.0-or-later SPDX tag', safety: 'unsafe', edits: [{start: 0, end: 0, text: `.. ${TAG} GPL-2.0-or-later\n\n`}]},
    })
  },
})

/** A comment line `.. SPDX-License-Identifier: <licence>` anywhere in the file's first lines. */
function hasTag(text: string): boolean {
  let start = 0
  // checkpatch looks near the top; a few lines leave room for `:orphan:` and labels.
  for (let line = 0; line < 10 && start < text.length; line++) {
    const end = text.indexOf('\n', start)
    const row = text.slice(start, end < 0 ? text.length : end).trim()
    if (row.startsWith('..') && row.slice(2).trimStart().startsWith(TAG) && row.slice(row.indexOf(TAG) + TAG.length).trim() !== '') return true
    if (end < 0) break
    start = end + 1
  }
  return false
}
