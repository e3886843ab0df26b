// Generated files must be current: the rule registry (rules/index.ts lists
// every rules/*.ts) and the rule docs (docs/rules.md). Run with UPDATE=1 to
// regenerate them.

import {existsSync, readFileSync} from 'node:fs'
import {expect, test} from 'vitest'
import {registrySource, ruleFiles, writeRegistry} from '../../scripts/gen-registry.ts'
import {DOCS_PATH, README_PATH, readmeWithRules, rulesDoc, writeReadmeRules, writeRulesDoc} from '../../scripts/gen-docs.ts'
import {rules} from '../../rules/index.ts'

const update = Boolean(process.env['UPDATE'])

test('rules/index.ts registers every rule file', () => {
  if (update) writeRegistry()
  const current = readFileSync(new URL('../../rules/index.ts', import.meta.url), 'utf8')
  expect(current, 'stale: run UPDATE=1 npx vitest run test/rules/generated.test.ts').toBe(registrySource())
  expect(rules.map((rule) => `${rule.meta.id}.ts`).sort()).toEqual(ruleFiles())
})

test('docs/rules.md is generated from the metadata', () => {
  if (update) writeRulesDoc(rules)
  expect(existsSync(DOCS_PATH)).toBe(true)
  expect(readFileSync(DOCS_PATH, 'utf8'), 'stale: run UPDATE=1 npx vitest run test/rules/generated.test.ts').toBe(rulesDoc(rules))
})

test('the README lists every rule', () => {
  if (update) writeReadmeRules(rules)
  const readme = readFileSync(README_PATH, 'utf8')
  expect(readme).toContain('<!-- rules:start -->')
  expect(readme, 'stale: run UPDATE=1 npx vitest run test/rules/generated.test.ts').toBe(readmeWithRules(readme, rules))
  for (const rule of rules) expect(readme).toContain(`[${rule.meta.id}](docs/rules.md#${rule.meta.id})`)
})
