// A fixed report context for format tests: two files, an error with a fix,
// a warning and an info message, with exact positions.

import {VFile} from 'vfile'
import {Source} from '../../src/rst/source.ts'
import type {ReportContext} from '../../src/report/types.ts'
import {rules} from '../../rules/index.ts'

export function sampleContext(): ReportContext {
  const textA = 'Title\n=====\n\nSome text.  \nA\tline, with: 100%\n'
  const a = new VFile({path: 'docs/a.rst'})
  const source = new Source(textA)
  const trailing = a.message('Trailing whitespace: delete it', {place: source.position(23, 25), ruleId: 'trailing-whitespace', source: 'qemu-rst-lint'})
  trailing.fatal = true
  trailing.fix = {title: 'Delete trailing whitespace', safety: 'safe', edits: [{start: 23, end: 25, text: ''}]}
  const tab = a.message('Tab in text: use a space', {place: source.position(27, 28), ruleId: 'no-tabs', source: 'qemu-rst-lint'})
  tab.fatal = false
  const textB = 'Other.\n'
  const b = new VFile({path: 'docs/sub dir/b.rst'})
  const sourceB = new Source(textB)
  const info = b.message('Note: a, b\nsecond line', {place: sourceB.position(0, 5), ruleId: 'typo', source: 'qemu-rst-lint'})
  info.fatal = undefined
  const c = new VFile({path: 'docs/clean.rst'})
  return {
    files: [
      {path: 'docs/a.rst', text: textA, source, messages: a.messages},
      {path: 'docs/clean.rst', text: 'Fine.\n', source: new Source('Fine.\n'), messages: c.messages},
      {path: 'docs/sub dir/b.rst', text: textB, source: sourceB, messages: b.messages},
    ],
    rules,
    color: false,
    version: '0.1.0',
  }
}
