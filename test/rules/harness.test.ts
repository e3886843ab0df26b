// The rule harness: every rule's `meta.examples` and its fixture folders
// (fixtures/rules/<id>/{valid,invalid}/) run through the real engine. Valid
// cases produce nothing; invalid ones exactly their `errors`, and `output`
// after applying safe fixes. Strict checks: a non-fixable rule makes no fixes,
// fixes never overlap, examples are not duplicated, rules do not mutate the
// tree, and after fixing no fixable finding remains.

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test, beforeAll} from 'vitest'
import {rules} from '../../rules/index.ts'
import {applyFixes, editsOverlap, fixText, safeFixes} from '../../src/lint/fix.ts'
import {loadMarkdown, markdownParse} from '../../src/lint/parsers.ts'
import type {Rule, TextEdit} from '../../src/lint/types.ts'
import {fromRst} from '../../src/rst/index.ts'
import {projectFromTexts} from '../../src/tree/example-project.ts'
import {unified} from 'unified'
import {linterFor, renderFindings} from './run-example.ts'

const FIXTURES = new URL('../../fixtures/rules/', import.meta.url).pathname

beforeAll(async () => {
  await loadMarkdown()
})

function reparse(path: string, text: string): unknown {
  if (path.endsWith('MAINTAINERS')) return undefined
  return path.endsWith('.md') ? unified().use(markdownParse() as never).parse(text) : fromRst(text)
}

/**
 * The rules an example runs with: the rule itself; `unused-suppression`
 * examples also run `trailing-whitespace`, to have something to suppress.
 */
function idsFor(rule: Rule<never>): string[] {
  return rule.meta.id === 'unused-suppression' ? [rule.meta.id, 'trailing-whitespace'] : [rule.meta.id]
}

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const meta = rule.meta

  test('metadata', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
    expect(existsSync(new URL(`../../rules/${id}.ts`, import.meta.url))).toBe(true)
    expect(meta.description.length).toBeGreaterThan(10)
    expect(meta.docs.why.length).toBeGreaterThan(10)
    expect(meta.docs.instead.length).toBeGreaterThan(5)
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0)
    expect(meta.examples.some((example) => !example.errors?.length), 'needs a valid example').toBe(true)
    expect(meta.examples.some((example) => example.errors?.length), 'needs an invalid example').toBe(true)
    if (meta.fixable) expect(meta.examples.some((example) => example.output !== undefined), 'a fixable rule needs an example with `output`').toBe(true)
  })

  test('no duplicate examples', () => {
    const seen = new Set<string>()
    for (const example of meta.examples) {
      const key = JSON.stringify([example.path ?? '', example.input, example.options ?? null, example.tree ?? null])
      expect(seen.has(key), `duplicate example ${JSON.stringify(example.input)}`).toBe(false)
      seen.add(key)
    }
  })

  test('every message id is used by an example', () => {
    const used = new Set(meta.examples.flatMap((example) => (example.errors ?? []).map((error) => error.split(' ')[1])))
    for (const messageId of Object.keys(meta.messages)) expect(used, `message ${messageId}`).toContain(messageId)
  })

  test.each(meta.examples.map((example, index) => [example.title ?? `example ${index + 1}`, example] as const))(
    'example: %s',
    (_title, example) => {
      const path = example.path ?? (meta.scope === 'project' ? 'docs/example.rst' : 'example.rst')
      // Project rules, and file rules given a `tree` (whole-tree mode), see the example's file inside its small tree.
      const project = meta.scope === 'project' || example.tree ? projectFromTexts({...example.tree, [path]: example.input}, fromRst) : undefined
      const linter = linterFor(idsFor(rule), example.options ? {[id]: example.options as Record<string, unknown>} : {}, rules, project)
      const result = linter.lint(path, example.input)
      const messages = result.file.messages
      for (const message of messages) {
        expect(message.messageId, message.reason).not.toBe('@crash')
        expect(message.ruleId).toBe(id)
        expect(Object.keys(meta.messages)).toContain(message.messageId)
      }
      expect(renderFindings(messages)).toEqual(example.errors ?? [])

      // Rules read the tree; they never change it.
      expect(JSON.stringify(result.linted.rst ?? result.linted.markdown)).toBe(JSON.stringify(reparse(path, example.input)))

      const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : []))
      if (!meta.fixable) expect(fixes, 'a non-fixable rule made fixes').toEqual([])
      // A rule declared `unsafe` must not slip a fix into `--fix`.
      if (meta.fixable === 'unsafe') expect(fixes.every((fix) => fix.safety === 'unsafe'), 'an unsafe rule made a safe fix').toBe(true)
      const edits: TextEdit[] = fixes.flatMap((fix) => fix.edits)
      for (let i = 0; i < edits.length; i++) {
        for (let j = i + 1; j < edits.length; j++) {
          expect(editsOverlap(edits[i]!, edits[j]!), `fixes overlap: ${JSON.stringify([edits[i], edits[j]])}`).toBe(false)
        }
      }

      const safe = safeFixes(messages)
      if (safe.length > 0) expect(example.output, 'an example with fixes needs `output`').toBeDefined()
      if (example.output !== undefined) {
        expect(applyFixes(example.input, safe).text).toBe(example.output)
        const fixed = fixText(linter, path, example.input)
        expect(fixed.text).toBe(example.output)
        expect(safeFixes(fixed.result.file.messages), 'a fixable finding remains after fixing').toEqual([])
      }
    },
  )

  const fixtureDir = join(FIXTURES, id)
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = join(fixtureDir, kind)
    const names = existsSync(dir) ? readdirSync(dir).sort() : []
    if (names.length === 0) continue
    test.each(names)(`fixture ${kind}/%s`, (name) => {
      const text = readFileSync(join(dir, name), 'utf8')
      const linter = linterFor(idsFor(rule))
      const result = linter.lint(`fixtures/rules/${id}/${kind}/${name}`, text)
      const expected = kind === 'valid' ? [] : parseExpectations(text)
      if (kind === 'invalid') expect(expected.length, 'an invalid fixture needs an `.. expect:` block').toBeGreaterThan(0)
      expect(renderFindings(result.file.messages, 'ruleId')).toEqual(expected)
      if (meta.fixable) {
        const fixed = fixText(linter, `x/${name}`, text)
        expect(safeFixes(fixed.result.file.messages)).toEqual([])
      }
    })
  }
})

/** The `.. expect:` (or `<!-- expect:`) block at the end of a fixture: `3:1-3:9 rule-id` lines. */
export function parseExpectations(text: string): string[] {
  const at = Math.max(text.lastIndexOf('\n.. expect:'), text.lastIndexOf('\n<!-- expect:'))
  if (at === -1) return []
  return text
    .slice(at + 1)
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => /^\d+:\d+-\d+:\d+ [a-z-]+$/.test(line))
}
