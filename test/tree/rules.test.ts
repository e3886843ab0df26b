// Every example of the tree rules, run on a small in-memory tree built from
// the example's `tree` plus the example file itself: rST files through the
// real engine, MAINTAINERS (not an rST file) by calling the rule directly.

import {describe, expect, test} from 'vitest'
import includeMissing from '../../rules/include-missing.ts'
import maintainersDangling from '../../rules/maintainers-dangling.ts'
import maintainersSyntax from '../../rules/maintainers-syntax.ts'
import maintainersUncovered from '../../rules/maintainers-uncovered.ts'
import toctreeDuplicate from '../../rules/toctree-duplicate.ts'
import toctreeMissing from '../../rules/toctree-missing.ts'
import toctreeOrphan from '../../rules/toctree-orphan.ts'
import unknownReference from '../../rules/unknown-reference.ts'
import {Linter} from '../../src/lint/engine.ts'
import type {Report, Rule, RuleExample} from '../../src/lint/types.ts'
import {fromRst} from '../../src/rst/index.ts'
import {Source} from '../../src/rst/source.ts'
import {projectFromTexts} from '../../src/tree/example-project.ts'

const RULES = [toctreeMissing, toctreeOrphan, toctreeDuplicate, unknownReference, includeMissing, maintainersDangling, maintainersUncovered, maintainersSyntax] as unknown as Rule<never>[]

export function runExample(rule: Rule<never>, example: RuleExample): string[] {
  const path = example.path ?? 'example.rst'
  const texts = {...example.tree, [path]: example.input}
  const project = projectFromTexts(texts, fromRst)
  if (rule.meta.languages.includes('maintainers')) {
    const source = new Source(example.input)
    const found: string[] = []
    rule.check({
      file: {path, text: example.input, source, language: 'maintainers'},
      options: {...rule.meta.defaultOptions, ...(example.options as object)} as never,
      project,
      report(report: Report) {
        const place = 'start' in report.place && typeof report.place.start === 'number' ? source.position(report.place.start, report.place.end as number) : (report.place as ReturnType<Source['position']>)
        found.push(`${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${report.messageId}`)
      },
    })
    return found
  }
  const settings = new Map([[rule.meta.id, {severity: rule.meta.severity, options: (example.options as Record<string, unknown>) ?? {}}]])
  const linter = new Linter({rules: [rule], settings, project})
  const result = linter.lint(path, example.input)
  return [...result.file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => {
      const place = message.place
      const where = place && 'start' in place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : `${message.line}:${message.column}`
      return `${where} ${message.messageId}`
    })
}

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (_id, rule) => {
  test('every message id has an example', () => {
    const used = new Set(rule.meta.examples.flatMap((example) => (example.errors ?? []).map((error) => error.split(' ')[1])))
    expect([...used].sort()).toEqual(Object.keys(rule.meta.messages).sort())
  })
  test.each(rule.meta.examples.map((example, index) => [example.title ?? `example ${index + 1}`, example] as const))('example: %s', (_title, example) => {
    expect(runExample(rule, example)).toEqual(example.errors ?? [])
  })
})
