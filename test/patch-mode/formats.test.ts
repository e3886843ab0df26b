// The two patch-only formats on a fixed context, to the character: the
// Patchwork check body and the review e-mail (headers, quoted added line,
// caret line, `path:line:col`, summary).

import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, test} from 'vitest'
import {email, type EmailFinding} from '../../src/report/email.ts'
import {patchwork} from '../../src/report/patchwork.ts'
import type {FileReport, ReportContext} from '../../src/report/types.ts'
import {Source} from '../../src/rst/source.ts'
import {rules} from '../../rules/index.ts'

const TEXT = 'Pulleys\n=======\n\nUse `-p 2` to pull\ttwice.  \n'

function context(): {context: ReportContext; details: Map<VFileMessage, EmailFinding>} {
  const source = new Source(TEXT)
  const file = new VFile({path: 'docs/tools/pulley.rst'})
  const literal = file.message('`-p 2` is an option: use double backquotes', {place: source.position(21, 29), ruleId: 'single-backtick'})
  literal.fatal = true
  const trailing = file.message('Trailing whitespace', {place: source.position(42, 44), ruleId: 'trailing-whitespace'})
  trailing.fatal = true
  const spdx = file.message('No SPDX tag', {place: source.position(0, 7), ruleId: 'spdx-license'})
  spdx.fatal = false
  const reports: FileReport[] = [
    {path: 'docs/tools/pulley.rst', text: TEXT, source, messages: file.messages},
    {path: 'docs/tools/index.rst', text: 'Tools\n', source: new Source('Tools\n'), messages: []},
  ]
  const line4 = 'Use `-p 2` to pull\ttwice.  '
  const details = new Map<VFileMessage, EmailFinding>([
    [literal, {lineText: line4, added: true, patchLabel: '[PATCH v3 2/2] docs: pulleys', patchIndex: 1}],
    [trailing, {lineText: line4, added: true, patchLabel: '[PATCH v3 2/2] docs: pulleys', patchIndex: 1}],
    [spdx, {lineText: 'Pulleys', added: true, patchLabel: '[PATCH v3 1/2] docs: add a page', patchIndex: 0}],
  ])
  return {context: {files: reports, rules, color: false, version: '0.1.0'}, details}
}

describe('patchwork', () => {
  test('fail, with counts, files and the target URL', () => {
    expect(patchwork({...context().context, targetUrl: 'https://ci.example.org/42'})).toBe(
      '{"state":"fail","context":"qemu-rst-lint","description":"2 errors, 1 warning in docs/tools/pulley.rst","target_url":"https://ci.example.org/42"}\n',
    )
  })

  test('warning only, and success without findings', () => {
    const {context: base} = context()
    const warningsOnly = base.files.map((file) => ({...file, messages: file.messages.filter((message) => message.fatal === false)}))
    expect(patchwork({...base, files: warningsOnly})).toBe('{"state":"warning","context":"qemu-rst-lint","description":"1 warning in docs/tools/pulley.rst"}\n')
    expect(patchwork({...base, files: []})).toBe('{"state":"success","context":"qemu-rst-lint","description":"no new reStructuredText problems"}\n')
  })

  test('many files are summarised', () => {
    const {context: base} = context()
    const file = base.files[0]!
    const files = ['docs/a.rst', 'docs/b.rst', 'docs/c.rst', 'docs/d.rst'].map((path) => ({...file, path}))
    expect(JSON.parse(patchwork({...base, files})).description).toBe('8 errors, 4 warnings in docs/a.rst, docs/b.rst and 2 more files')
  })
})

describe('email', () => {
  test('a reply to one patch', () => {
    const {context: base, details} = context()
    const out = email({...base, details, replyTo: {subject: '[PATCH v3 2/2] docs: pulleys', messageId: '<p2@example.org>', references: ['<p0@example.org>']}})
    expect(out).toBe(
      [
        'In-Reply-To: <p2@example.org>',
        'References: <p0@example.org> <p2@example.org>',
        'Subject: Re: [PATCH v3 2/2] docs: pulleys',
        '',
        '> +Pulleys',
        '   ^^^^^^^',
        'docs/tools/pulley.rst:1:1: warning: No SPDX tag [spdx-license]',
        '',
        '> +Use `-p 2` to pull\ttwice.  ',
        '       ^^^^^^^^',
        'docs/tools/pulley.rst:4:5: error: `-p 2` is an option: use double backquotes [single-backtick]',
        '',
        '> +Use `-p 2` to pull\ttwice.  ',
        '                     \t      ^^',
        'docs/tools/pulley.rst:4:26: error: Trailing whitespace [trailing-whitespace]',
        '',
        'qemu-rst-lint 0.1.0: 2 errors, 1 warning introduced by this patch.',
        '',
      ].join('\n'),
    )
  })

  test('a series answered on its cover letter, grouped by patch in series order', () => {
    const {context: base, details} = context()
    const out = email({...base, details, grouped: true, replyTo: {subject: 'Re: [PATCH v3 0/2] docs: pulleys', messageId: '<p0@example.org>', references: []}})
    expect(out.split('\n').slice(0, 5)).toEqual(['In-Reply-To: <p0@example.org>', 'References: <p0@example.org>', 'Subject: Re: [PATCH v3 0/2] docs: pulleys', '', '[PATCH v3 1/2] docs: add a page:'])
    expect(out.indexOf('[PATCH v3 2/2] docs: pulleys:')).toBeGreaterThan(out.indexOf('[spdx-license]'))
    expect(out.endsWith('qemu-rst-lint 0.1.0: 2 errors, 1 warning introduced by this series.\n')).toBe(true)
  })

  test('no headers to thread on, nothing found', () => {
    const {context: base} = context()
    expect(email({...base, files: [], details: new Map(), inputName: 'fix.diff'})).toBe(
      'Subject: Re: qemu-rst-lint report on fix.diff\n\nqemu-rst-lint 0.1.0: no new reStructuredText problems in this patch.\n',
    )
  })
})
