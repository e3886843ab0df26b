// The QEMU corpus run (read from ../shared at test time, never copied): every
// rule over every docs file without a crash, positions inside the file, exact
// counts for the line rules, and fixing converges and is idempotent.

import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {rules} from '../../rules/index.ts'
import {Linter} from '../../src/lint/engine.ts'
import {collectFiles, relativePath} from '../../src/lint/files.ts'
import {fixText, safeFixes} from '../../src/lint/fix.ts'
import {loadMarkdown} from '../../src/lint/parsers.ts'
import {linterFor} from '../rules/run-example.ts'

const TREE = new URL('../../../shared/qemu-tree/', import.meta.url).pathname
const present = existsSync(join(TREE, 'docs', 'conf.py'))
const LINE_RULES = ['trailing-whitespace', 'no-tabs', 'no-carriage-return', 'final-newline']

describe.skipIf(!present)('QEMU corpus (../shared/qemu-tree; skipped when absent)', () => {
  const files = present ? collectFiles([join(TREE, 'docs')]).files.map((path) => ({path: relativePath(TREE, path), text: readFileSync(path, 'utf8')})) : []

  beforeAll(async () => {
    await loadMarkdown()
  })

  test('every rule, every file: no crash, positions inside the file', () => {
    const linter = new Linter({rules, settings: new Map(rules.map((rule) => [rule.meta.id, {severity: rule.meta.severity, options: {}}]))})
    const known = new Set(rules.map((rule) => rule.meta.id))
    expect(files.length).toBeGreaterThan(300)
    for (const {path, text} of files) {
      const {file, linted} = linter.lint(path, text)
      for (const message of file.messages) {
        expect(message.messageId, `${path}: ${message.reason}`).not.toBe('@crash')
        expect(known.has(message.ruleId ?? '')).toBe(true)
        const place = message.place as {start: {offset: number}; end: {offset: number}}
        expect(place.start.offset).toBeGreaterThanOrEqual(0)
        expect(place.end.offset).toBeLessThanOrEqual(text.length)
        expect(place.start.offset).toBeLessThanOrEqual(place.end.offset)
        expect(linted.source.point(place.start.offset).line).toBe(message.line)
      }
    }
  })

  test('line rule counts', () => {
    const linter = linterFor(LINE_RULES)
    const counts: Record<string, number> = {}
    for (const {path, text} of files) {
      for (const message of linter.lint(path, text).file.messages) counts[message.ruleId!] = (counts[message.ruleId!] ?? 0) + 1
    }
    expect(counts).toEqual({'no-tabs': 19, 'final-newline': 13, 'trailing-whitespace': 6})
  })

  test('fixing leaves nothing fixable, touches only flagged lines, and is idempotent', () => {
    const linter = linterFor(LINE_RULES)
    let changed = 0
    for (const {path, text} of files) {
      const once = fixText(linter, path, text)
      expect(safeFixes(once.result.file.messages), path).toEqual([])
      expect(once.result.file.messages, path).toEqual([])
      if (once.text !== text) changed++
      const twice = fixText(linter, path, once.text)
      expect(twice.text, path).toBe(once.text)
      expect(twice.applied).toBe(0)
      // Only whitespace changes: the visible characters are the same.
      expect(once.text.replace(/\s+/g, ''), path).toBe(text.replace(/\s+/g, ''))
    }
    expect(changed).toBeGreaterThan(0)
  })
})
