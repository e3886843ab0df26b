// The engine: message identity stamped in one place, severities, one parse
// feeding every rule, suppressions, Markdown, project-scope gating, crashes.

import {beforeAll, describe, expect, test} from 'vitest'
import {rules as registry} from '../../rules/index.ts'
import {Linter} from '../../src/lint/engine.ts'
import {fixText} from '../../src/lint/fix.ts'
import {ruleUrl} from '../../src/lint/meta.ts'
import {loadMarkdown} from '../../src/lint/parsers.ts'
import type {Rule} from '../../src/lint/types.ts'
import {sourceOf} from '../../src/rst/index.ts'
import type {Root} from '../../src/rst/types.ts'
import {linterFor, renderFindings} from '../rules/run-example.ts'

beforeAll(async () => {
  await loadMarkdown()
})

function fake(id: string, extra: Partial<Rule<never>['meta']>, check: Rule<never>['check']): Rule<never> {
  return {
    meta: {
      id,
      description: 'A test rule',
      severity: 'warning',
      fixable: false,
      scope: 'file',
      languages: ['rst'],
      messages: {hit: 'Found {{what}} at {{where}}', plain: 'Plain'},
      docs: {why: 'w', instead: 'i'},
      examples: [],
      ...extra,
    },
    check,
  }
}

describe('messages', () => {
  test('identity, text from the template, place, fix, severity', () => {
    const linter = linterFor(['trailing-whitespace'])
    const [message] = linter.lint('docs/a.rst', 'Text. \n').file.messages
    expect(message).toMatchObject({
      ruleId: 'trailing-whitespace',
      source: 'qemu-rst-lint',
      url: ruleUrl('trailing-whitespace'),
      fatal: true,
      line: 1,
      column: 6,
      messageId: 'found',
      file: 'docs/a.rst',
      fix: {title: 'Delete trailing whitespace', safety: 'safe', edits: [{start: 5, end: 6, text: ''}]},
    })
    expect(message!.place).toEqual({start: {line: 1, column: 6, offset: 5}, end: {line: 1, column: 7, offset: 6}})
  })

  test('data fills the template; warning and info severities; cause', () => {
    let trees = 0
    const seen = new Set<unknown>()
    const rule = fake('test-data', {}, ({file, report}) => {
      seen.add(file.rst)
      trees++
      report({messageId: 'hit', data: {what: '`x`', where: 3}, place: {start: 0, end: 4}, cause: {message: 'first here', place: {start: 1, end: 2}}})
    })
    const other = fake('test-info', {severity: 'info'}, ({report}) => report({messageId: 'plain', place: {start: 0, end: 0}}))
    const rules = [rule, other]
    const linter = new Linter({
      rules,
      settings: new Map([
        ['test-data', {severity: 'warning', options: {}}],
        ['test-info', {severity: 'info', options: {}}],
      ]),
    })
    const messages = linter.lint('a.rst', 'Some text.\n').file.messages
    expect(messages.map((m) => [m.ruleId, m.reason, m.fatal])).toEqual([
      ['test-data', 'Found `x` at 3', false],
      ['test-info', 'Plain', undefined],
    ])
    expect((messages[0]!.cause as {place: unknown}).place).toEqual({start: {line: 1, column: 2, offset: 1}, end: {line: 1, column: 3, offset: 2}})
    expect(trees).toBe(1)
    expect(seen.size).toBe(1)
  })

  test('options reach the rule, merged over its defaults', () => {
    let got: unknown
    const rule = fake('test-options', {defaultOptions: {a: 1, b: 2}}, ({options}) => void (got = options))
    new Linter({rules: [rule], settings: new Map([['test-options', {severity: 'error', options: {b: 3}}]])}).lint('a.rst', 'x\n')
    expect(got).toEqual({a: 1, b: 3})
  })

  test('a crashing rule becomes a finding, the others still run', () => {
    const boom = fake('test-boom', {}, () => {
      throw new Error('kaput')
    })
    const linter = new Linter({
      rules: [boom, ...registry],
      settings: new Map([
        ['test-boom', {severity: 'error', options: {}}],
        ['final-newline', {severity: 'error', options: {}}],
      ]),
    })
    const messages = linter.lint('a.rst', 'x').file.messages
    expect(messages.map((m) => [m.ruleId, m.reason])).toEqual([
      ['test-boom', 'Rule `test-boom` crashed: kaput'],
      ['final-newline', 'Missing newline at the end of the file'],
    ])
  })

  test('project rules run only with a project index; languages gate rules', () => {
    let ran = 0
    const project = fake('test-project', {scope: 'project'}, () => void ran++)
    const linter = new Linter({rules: [project], settings: new Map([['test-project', {severity: 'error', options: {}}]])})
    expect(linter.needsProject()).toBe(true)
    linter.lint('a.rst', 'x\n')
    expect(ran).toBe(0)
    linter.lint('a.md', 'x\n')
    expect(ran).toBe(0)
  })
})

describe('suppressions', () => {
  const ids = ['trailing-whitespace', 'no-tabs', 'unused-suppression']
  const lint = (text: string, path = 'a.rst', only = ids) => renderFindings(linterFor(only).lint(path, text).file.messages, 'ruleId')

  test('disable-next-line skips blank lines and names rules', () => {
    expect(lint('.. qemu-rst-lint: disable-next-line trailing-whitespace, no-tabs\n\nA\tb. \nC. \n')).toEqual(['4:3-4:4 trailing-whitespace'])
  })

  test('disable … enable, per rule and for all', () => {
    const text = 'A. \n\n.. qemu-rst-lint: disable trailing-whitespace\n\nB. \n\n.. qemu-rst-lint: enable trailing-whitespace\n\nC. \n'
    expect(lint(text)).toEqual(['1:3-1:4 trailing-whitespace', '9:3-9:4 trailing-whitespace'])
    expect(lint('.. qemu-rst-lint: disable\n\nA\tb. \n')).toEqual([])
  })

  test('a disable without enable runs to the end of the file', () => {
    expect(lint('A. \n\n.. qemu-rst-lint: disable no-tabs\n\nX\ty\n\nZ\tq\n')).toEqual(['1:3-1:4 trailing-whitespace'])
  })

  test('unused: reported per id; a rule that is off is not reported; unknown ids are', () => {
    const text = '.. qemu-rst-lint: disable-next-line trailing-whitespace, no-tabs, final-newline, no-such\n\nA. \n'
    expect(lint(text)).toEqual(['1:58-1:65 unused-suppression', '1:82-1:89 unused-suppression'])
    const messages = linterFor(ids).lint('a.rst', text).file.messages
    expect(messages.map((m) => m.reason)).toEqual(['Unused suppression: no `no-tabs` problem here; delete it', 'Unknown rule `no-such` in suppression'])
    expect(messages.map((m) => m.fatal)).toEqual([false, false])
  })

  test('unused-suppression off: nothing reported, suppressions still apply', () => {
    expect(lint('.. qemu-rst-lint: disable-next-line no-tabs\n\nA. \n', 'a.rst', ['trailing-whitespace', 'no-tabs'])).toEqual(['3:3-3:4 trailing-whitespace'])
  })

  test('a literal block that looks like a suppression is not one', () => {
    expect(lint('Example::\n\n   .. qemu-rst-lint: disable\n\nA. \n')).toEqual(['5:3-5:4 trailing-whitespace'])
  })

  test('Markdown HTML comments', () => {
    expect(lint('<!-- qemu-rst-lint: disable-next-line trailing-whitespace -->\nA. \nB. \n', 'a.md')).toEqual(['3:3-3:4 trailing-whitespace'])
  })
})

describe('line table', () => {
  test("the engine reuses the parser's Source for the same text", () => {
    const text = 'Title\n=====\n\nBody.\n'
    const {linted, tree} = linterFor([]).parse('a.rst', text)
    // fromRst built one for this tree; the engine did not build another.
    expect(linted.source).toBe(sourceOf(tree as Root))
    expect(linted.source.text).toBe(text)
  })
})

describe('Markdown', () => {
  test('only rules for Markdown run; positions from the text', () => {
    const linter = linterFor(['trailing-whitespace', 'no-tabs', 'final-newline'])
    const result = linter.lint('docs/README.md', '# Title\n\n```\n\tcode\n```\n\nSome\ttext. ')
    expect(result.linted.markdown?.type).toBe('root')
    expect(renderFindings(result.file.messages, 'ruleId')).toEqual(['7:5-7:6 no-tabs', '7:11-7:12 trailing-whitespace', '7:12-7:12 final-newline'])
  })
})

describe('fixText', () => {
  test('a fix skipped for overlapping is applied on the next pass', () => {
    // Two fake rules whose fixes overlap: both apply, in two passes.
    const a = fake('test-a', {fixable: 'safe'}, ({file, report}) => {
      const at = file.text.indexOf('ab')
      if (at >= 0) report({messageId: 'plain', place: {start: at, end: at + 2}, fix: {title: 'a', safety: 'safe', edits: [{start: at, end: at + 2, text: 'x'}]}})
    })
    // Rewrites the `c` together with the character before it.
    const b = fake('test-b', {fixable: 'safe'}, ({file, report}) => {
      const at = file.text.indexOf('c')
      if (at >= 1) report({messageId: 'plain', place: {start: at - 1, end: at + 1}, fix: {title: 'b', safety: 'safe', edits: [{start: at - 1, end: at + 1, text: 'y'}]}})
    })
    const linter = new Linter({
      rules: [a, b],
      settings: new Map([
        ['test-a', {severity: 'error', options: {}}],
        ['test-b', {severity: 'error', options: {}}],
      ]),
    })
    expect(fixText(linter, 'a.rst', 'abc\n')).toMatchObject({text: 'y\n', applied: 2, passes: 2})
    expect(fixText(linter, 'a.rst', 'ab c\n')).toMatchObject({text: 'xy\n', applied: 2, passes: 1})
  })

  test('overlapping fixes from two rules converge over passes', () => {
    const linter = linterFor(['trailing-whitespace', 'final-newline', 'no-carriage-return', 'no-tabs'])
    const outcome = fixText(linter, 'a.rst', 'A\tb.  \r\n\r\n  \r\n')
    expect(outcome.text).toBe('A b.\n')
    expect(outcome.passes).toBeGreaterThanOrEqual(1)
    expect(outcome.passes).toBeLessThanOrEqual(10)
    expect(outcome.result.file.messages).toEqual([])
  })
})

describe('early and late rules', () => {
  // Rules that never read the project index can run right after parsing
  // (checkEarly), the rest once the index is built (check): together they must
  // give what one check gives, message for message and in the same order.
  const text = 'Title\n=====\n\nA \tline with trailing space \nand `-M pc`, recieved, :ref:`nowhere`. \n.. qemu-rst-lint: disable-next-line typo\nSee recieved\n'
  const settings = new Map(registry.map((rule) => [rule.meta.id, {severity: rule.meta.severity, options: {}}]))
  const summary = (linter: Linter, early: boolean) => {
    const prepared = linter.parse('docs/a.rst', text)
    if (early) linter.checkEarly(prepared)
    return linter.check(prepared).file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)
  }

  test('checkEarly then check: the same messages as check alone', () => {
    const alone = summary(new Linter({rules: registry, settings}), false)
    expect(new Set(alone.map((line) => line.split(' ')[1])).size).toBeGreaterThanOrEqual(4)
    expect(alone.some((line) => line.includes('single-backtick'))).toBe(true)
    expect(summary(new Linter({rules: registry, settings}), true)).toEqual(alone)
  })

  test('a rule that resolves against the index waits for it', () => {
    const early = new Linter({rules: registry, settings})
    const prepared = early.parse('docs/a.rst', text)
    early.checkEarly(prepared)
    const ids = new Set(prepared.file.messages.map((m) => m.ruleId))
    expect(ids.has('trailing-whitespace')).toBe(true)
    expect(ids.has('single-backtick')).toBe(false)
    expect(early.needsProject()).toBe(true)
  })
})
