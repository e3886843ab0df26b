// Config files: presets, rule settings and options, ignore, lookup upward,
// and usage errors naming the offending key.

import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {rules} from '../../rules/index.ts'
import {
  applyRuleFlags,
  defaultConfig,
  findConfigFile,
  loadConfigFile,
  printableConfig,
  resolveConfig,
  settingsOf,
} from '../../src/lint/config.ts'
import {UsageError} from '../../src/lint/errors.ts'
import type {Rule} from '../../src/lint/types.ts'

const withOptions = {
  meta: {
    id: 'opt-rule',
    description: 'A rule with options, for tests',
    severity: 'warning',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {m: 'm'},
    docs: {why: 'w', instead: 'i'},
    defaultOptions: {words: [] as string[], strict: true},
    examples: [],
  },
  check() {},
} as unknown as Rule<never>
const all = [...rules, withOptions]

function usageError(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('no error')
}

describe('resolveConfig', () => {
  test('presets: every rule at its default severity', () => {
    const config = resolveConfig({extends: 'recommended'}, '/t/.qemu-rst-lint.json', all)
    expect(config.rules.get('no-tabs')).toEqual({severity: 'error', options: {}})
    expect(config.rules.get('unused-suppression')).toEqual({severity: 'warning', options: {}})
    expect(config.rules.size).toBe(all.length)
    expect(resolveConfig({}, '/t/c.json', all).rules).toEqual(defaultConfig('/t', all).rules)
  })

  test('rule severities and options', () => {
    const config = resolveConfig(
      {extends: ['recommended'], rules: {'no-tabs': 'off', 'opt-rule': ['error', {words: ['qemu']}]}, ignore: ['docs/old/**']},
      '/t/.qemu-rst-lint.json',
      all,
    )
    expect(config.rules.get('no-tabs')?.severity).toBe('off')
    expect(config.rules.get('opt-rule')).toEqual({severity: 'error', options: {words: ['qemu']}})
    expect(config.ignore).toEqual(['docs/old/**'])
    expect(config.base).toBe('/t')
    const settings = settingsOf(config)
    expect(settings.has('no-tabs')).toBe(false)
    expect(settings.get('opt-rule')).toEqual({severity: 'error', options: {words: ['qemu']}})
    expect(printableConfig(config)).toMatchObject({rules: {'no-tabs': 'off', 'opt-rule': ['error', {words: ['qemu']}]}, ignore: ['docs/old/**']})
  })

  test('mistakes name the key', () => {
    expect(usageError(() => resolveConfig({rules: {'no-such-rule': 'error'}}, 'c.json', all))).toMatch(/rules\.no-such-rule: unknown rule `no-such-rule`/)
    expect(usageError(() => resolveConfig({rules: {'no-tabs': 'fatal'}}, 'c.json', all))).toMatch(/rules\.no-tabs: invalid severity "fatal"/)
    expect(usageError(() => resolveConfig({rules: {'opt-rule': ['error', {colour: 1}]}}, 'c.json', all))).toMatch(/unknown option `colour` \(expected words, strict\)/)
    expect(usageError(() => resolveConfig({rules: {'opt-rule': ['error', {strict: 'yes'}]}}, 'c.json', all))).toMatch(/option `strict` must be a boolean/)
    expect(usageError(() => resolveConfig({rules: {'no-tabs': ['error', {x: 1}]}}, 'c.json', all))).toMatch(/takes no options/)
    expect(usageError(() => resolveConfig({extends: 'strict'}, 'c.json', all))).toMatch(/unknown preset `strict`/)
    expect(usageError(() => resolveConfig({rule: {}}, 'c.json', all))).toMatch(/unknown key `rule`/)
    expect(usageError(() => resolveConfig([], 'c.json', all))).toMatch(/must be a JSON object/)
    expect(usageError(() => resolveConfig({ignore: 'x'}, 'c.json', all))).toMatch(/`ignore` must be a list/)
  })

  test('--rule flags', () => {
    const config = applyRuleFlags(defaultConfig('/t', all), ['no-tabs=warning', 'final-newline=off'], all)
    expect(config.rules.get('no-tabs')?.severity).toBe('warning')
    expect(config.rules.get('final-newline')?.severity).toBe('off')
    expect(usageError(() => applyRuleFlags(defaultConfig('/t', all), ['no-tabs'], all))).toMatch(/expected id=severity/)
    expect(usageError(() => applyRuleFlags(defaultConfig('/t', all), ['nope=off'], all))).toMatch(/--rule nope=off: unknown rule `nope`/)
  })
})

describe('files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qrl-config-'))
  mkdirSync(join(dir, 'a', 'b'), {recursive: true})
  mkdirSync(join(dir, 'pkg', 'sub'), {recursive: true})
  writeFileSync(join(dir, '.qemu-rst-lint.json'), JSON.stringify({rules: {'no-tabs': 'warning'}}))
  writeFileSync(join(dir, 'a', 'extended.json'), JSON.stringify({extends: ['../.qemu-rst-lint.json'], rules: {'final-newline': 'off'}}))
  writeFileSync(join(dir, 'pkg', 'package.json'), JSON.stringify({name: 'x', 'qemu-rst-lint': {rules: {'no-tabs': 'off'}}}))
  writeFileSync(join(dir, 'broken.json'), '{"rules": ')

  test('found upward; package.json key', () => {
    expect(findConfigFile(join(dir, 'a', 'b'))).toBe(join(dir, '.qemu-rst-lint.json'))
    expect(findConfigFile(join(dir, 'pkg', 'sub'))).toBe(join(dir, 'pkg', 'package.json'))
    expect(loadConfigFile(join(dir, 'pkg', 'package.json'), all).rules.get('no-tabs')?.severity).toBe('off')
  })

  test('extends another config file', () => {
    const config = loadConfigFile(join(dir, 'a', 'extended.json'), all)
    expect(config.rules.get('no-tabs')?.severity).toBe('warning')
    expect(config.rules.get('final-newline')?.severity).toBe('off')
  })

  test('broken JSON and missing files are usage errors', () => {
    expect(usageError(() => loadConfigFile(join(dir, 'broken.json'), all))).toMatch(/broken\.json: invalid JSON/)
    expect(usageError(() => loadConfigFile(join(dir, 'none.json'), all))).toMatch(/cannot read config .*none\.json: ENOENT/)
  })
})
