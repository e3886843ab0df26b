// Output formats on a fixed sample: exact JSON contract, GitHub annotation
// escaping, GitLab Code Quality fields, checkpatch layout, stylish text.

import {describe, expect, test} from 'vitest'
import {checkpatch} from '../../src/report/checkpatch.ts'
import {escapeData, escapeProperty, github} from '../../src/report/github.ts'
import {gitlab} from '../../src/report/gitlab.ts'
import {FORMATS, isFormat, loadFormat} from '../../src/report/index.ts'
import {json} from '../../src/report/json.ts'
import {stylish} from '../../src/report/stylish.ts'
import {Source} from '../../src/rst/source.ts'
import {sampleContext} from './sample.ts'

describe('json', () => {
  test('the exact contract', () => {
    expect(JSON.parse(json(sampleContext()))).toEqual([
      {
        path: 'docs/a.rst',
        messages: [
          {
            ruleId: 'trailing-whitespace',
            severity: 'error',
            line: 4,
            column: 11,
            endLine: 4,
            endColumn: 13,
            message: 'Trailing whitespace: delete it',
            fix: {title: 'Delete trailing whitespace', safety: 'safe', edits: [{start: 23, end: 25, text: ''}]},
          },
          {ruleId: 'no-tabs', severity: 'warning', line: 5, column: 2, endLine: 5, endColumn: 3, message: 'Tab in text: use a space'},
        ],
      },
      {
        path: 'docs/sub dir/b.rst',
        messages: [{ruleId: 'typo', severity: 'info', line: 1, column: 1, endLine: 1, endColumn: 6, message: 'Note: a, b\nsecond line'}],
      },
    ])
  })

  test('no findings: an empty array', () => {
    expect(json({...sampleContext(), files: []})).toBe('[]\n')
  })
})

describe('github', () => {
  test('escaping', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
  })

  test('annotations', () => {
    expect(github(sampleContext()).split('\n')).toEqual([
      '::error file=docs/a.rst,line=4,col=11,endLine=4,endColumn=13,title=trailing-whitespace::Trailing whitespace: delete it',
      '::warning file=docs/a.rst,line=5,col=2,endLine=5,endColumn=3,title=no-tabs::Tab in text: use a space',
      '::notice file=docs/sub dir/b.rst,line=1,col=1,endLine=1,endColumn=6,title=typo::Note: a, b%0Asecond line',
      '',
    ])
  })
})

describe('gitlab', () => {
  test('code quality fields', () => {
    const issues = JSON.parse(gitlab(sampleContext())) as Array<Record<string, unknown>>
    expect(issues.map(({fingerprint, ...rest}) => rest)).toEqual([
      {description: 'Trailing whitespace: delete it', check_name: 'trailing-whitespace', severity: 'major', location: {path: 'docs/a.rst', lines: {begin: 4}}},
      {description: 'Tab in text: use a space', check_name: 'no-tabs', severity: 'minor', location: {path: 'docs/a.rst', lines: {begin: 5}}},
      {description: 'Note: a, b\nsecond line', check_name: 'typo', severity: 'info', location: {path: 'docs/sub dir/b.rst', lines: {begin: 1}}},
    ])
    const fingerprints = issues.map((issue) => issue.fingerprint)
    expect(new Set(fingerprints).size).toBe(3)
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/)
  })

  test('fingerprints survive lines moving', () => {
    const trailing = (out: string) => JSON.parse(out).find((issue: {check_name: string}) => issue.check_name === 'trailing-whitespace')
    const before = trailing(gitlab(sampleContext())).fingerprint
    const context = sampleContext()
    const file = context.files[0]!
    // The same line two lines further down.
    const text = '\n\n' + file.text
    file.source = new Source(text)
    const message = file.messages[0]!
    message.line = 6
    expect(trailing(gitlab(context)).fingerprint).toBe(before)
  })
})

describe('checkpatch', () => {
  test('layout', () => {
    expect(checkpatch(sampleContext())).toBe(
      [
        'ERROR: Trailing whitespace: delete it',
        '#4: FILE: docs/a.rst:4:',
        '+Some text.  ',
        '           ^^',
        '',
        'WARNING: Tab in text: use a space',
        '#5: FILE: docs/a.rst:5:',
        '+A\tline, with: 100%',
        '  ^',
        '',
        'CHECK: Note: a, b\nsecond line',
        '#1: FILE: docs/sub dir/b.rst:1:',
        '+Other.',
        ' ^^^^^',
        '',
        'total: 1 errors, 1 warnings, 7 lines checked',
        '',
      ].join('\n'),
    )
  })
})

describe('stylish', () => {
  test('vfile-reporter output without colour', () => {
    const out = stylish(sampleContext())
    expect(out).toContain('docs/a.rst')
    expect(out).toMatch(/4:11-4:13\s+error\s+Trailing whitespace: delete it\s+trailing-whitespace\s+qemu-rst-lint/)
    expect(out).toMatch(/5:2-5:3\s+warning\s+Tab in text: use a space\s+no-tabs/)
    expect(out).not.toContain('docs/clean.rst')
    expect(out).toContain('1 error')
    expect(out).not.toContain('\u001B[')
  })

  test('nothing to say', () => {
    expect(stylish({...sampleContext(), files: []})).toBe('')
  })
})

test('registry', async () => {
  expect(Object.keys(FORMATS).sort()).toEqual(['checkpatch', 'github', 'gitlab', 'json', 'sarif', 'stylish'])
  expect(isFormat('json')).toBe(true)
  expect(isFormat('toString')).toBe(false)
  expect(await loadFormat('json')).toBe(json)
})
