// `heading-underline`: a section title's underline (and overline) must be at
// least as wide as the title, and an overline must match its underline.
// docutils warns on short adornments and rejects mismatched ones outright.

import {defineRule} from '../src/lint/define-rule.ts'
import {adornmentAt, type Adornment} from '../src/lint/helpers/headings.ts'
import {columnWidth} from '../src/lint/helpers/width.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Fix, LintedFile} from '../src/lint/types.ts'
import type {Section} from '../src/rst/types.ts'

export default defineRule({
  meta: {
    id: 'heading-underline',
    description: 'Title underlines and overlines must be as wide as the title and match',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      short: 'Title {{which}} too short: {{length}} characters for a title {{width}} columns wide; docutils warns and Sphinx -W fails. Extend it to {{width}}',
      mismatch: 'Title overline and underline differ in length ({{over}} and {{under}}); docutils rejects the title. Make them the same length',
      mismatchChar: 'Title overline `{{over}}` and underline `{{under}}` use different characters; docutils rejects the title. Use the same character for both',
    },
    docs: {
      why: 'docutils counts the title in columns (East Asian wide characters take two) and warns when the underline or overline is shorter; a mismatched overline and underline is a severe error and the title is lost. Either breaks QEMU\'s `sphinx-build -W`.',
      instead: 'Make the adornment at least as wide as the title, and the overline identical to the underline.',
    },
    examples: [
      {title: 'exact and longer underlines', input: 'Title\n=====\n\nOther\n-----------\n'},
      {
        title: 'short underline',
        input: 'Boot options\n==========\n\nText.\n',
        errors: ['2:1-2:11 short'],
        output: 'Boot options\n============\n\nText.\n',
      },
      {
        title: 'wide characters take two columns',
        input: '日本語\n=====\n',
        errors: ['2:1-2:6 short'],
        output: '日本語\n======\n',
      },
      {
        title: 'short overline and underline',
        input: '=====\nOverview\n=====\n',
        errors: ['1:1-1:6 short', '3:1-3:6 short'],
        output: '========\nOverview\n========\n',
      },
      {
        title: 'overline longer than underline',
        input: '==========\nOverview\n========\n\nText.\n',
        errors: ['3:1-3:9 mismatch'],
        output: '==========\nOverview\n==========\n\nText.\n',
      },
      {title: 'different characters', input: '========\nOverview\n--------\n\nText.\n', errors: ['3:1-3:9 mismatchChar']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    const done = new Set<number>()
    visit<Section>(tree, 'section', (section) => {
      const title = section.children[0]
      if (!title || title.type !== 'title') return
      const line = title.position.start.line - 1
      done.add(line)
      checkTitle(file, line, section.style.length > 1, (report) => context.report(report))
    })
    // A mismatched overline and underline leaves no section in the tree: the parser's problem says where.
    for (const problem of tree.data.problems) {
      if (!problem.text.startsWith('Title overline & underline mismatch')) continue
      for (let line = problem.position.start.line - 2; line <= problem.position.start.line + 1; line++) {
        if (done.has(line) || !adornmentAt(file.source, line - 1) || !adornmentAt(file.source, line + 1)) continue
        done.add(line)
        checkTitle(file, line, true, (report) => context.report(report))
        break
      }
    }
  },
})

type Emit = (report: {messageId: string; data: Record<string, string | number>; place: {start: number; end: number}; fix?: Fix}) => void

function checkTitle(file: LintedFile, line: number, overlined: boolean, emit: Emit): void {
  const under = adornmentAt(file.source, line + 1)
  const over = overlined ? adornmentAt(file.source, line - 1) : undefined
  if (!under || (overlined && !over)) return
  const width = columnWidth(file.source.lines[line] ?? '')
  if (over && over.char !== under.char) {
    emit({messageId: 'mismatchChar', data: {over: over.char, under: under.char}, place: {start: under.start, end: under.end}})
    return
  }
  // Most titles are fine: return before building the fix (a cold run pays for every object).
  if (under.length >= width && (!over || (over.length >= width && over.length === under.length))) return
  const target = Math.max(width, under.length, over?.length ?? 0)
  const resize = (adornment: Adornment) => ({start: adornment.start, end: adornment.end, text: adornment.char.repeat(target)})
  const edits = [over, under].filter((a): a is Adornment => a !== undefined && a.length !== target).map(resize)
  const fix: Fix = {title: `Make the title adornment ${target} characters long`, safety: 'safe', edits}
  const short = [over, under].filter((a): a is Adornment => a !== undefined && a.length < width)
  short.forEach((adornment, index) => {
    const which = adornment === over ? 'overline' : 'underline'
    // One fix for the whole title, on its first message.
    emit({messageId: 'short', data: {which, length: adornment.length, width}, place: {start: adornment.start, end: adornment.end}, fix: index === 0 ? fix : undefined})
  })
  if (short.length === 0 && over && over.length !== under.length) {
    emit({messageId: 'mismatch', data: {over: over.length, under: under.length}, place: {start: under.start, end: under.end}, fix})
  }
}
