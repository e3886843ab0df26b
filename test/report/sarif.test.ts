// SARIF 2.1.0 output checked against the schema's required structure (written
// out here: no network, nothing vendored) and for exact regions and fixes.

import {expect, test} from 'vitest'
import {sarif} from '../../src/report/sarif.ts'
import {sampleContext} from './sample.ts'

type Json = Record<string, any>

/** The parts of the SARIF 2.1.0 schema a consumer relies on, as assertions. */
function validateSarif(log: Json): string[] {
  const problems: string[] = []
  const need = (condition: boolean, what: string) => void (condition || problems.push(what))
  const isInt = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min
  const checkRegion = (region: Json | undefined, where: string) => {
    need(typeof region === 'object' && region !== null, `${where}: region object`)
    if (!region) return
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
      if (key in region) need(isInt(region[key], 1), `${where}.${key} integer >= 1`)
    }
    if ('charOffset' in region) need(isInt(region.charOffset, 0), `${where}.charOffset >= 0`)
    if ('charLength' in region) need(isInt(region.charLength, 0), `${where}.charLength >= 0`)
    need('startLine' in region || 'charOffset' in region, `${where}: startLine or charOffset`)
  }
  need(log.version === '2.1.0', 'version 2.1.0')
  need(typeof log.$schema === 'string', '$schema uri')
  need(Array.isArray(log.runs), 'runs array')
  for (const [r, run] of (log.runs ?? []).entries()) {
    const driver = run?.tool?.driver
    need(typeof driver?.name === 'string', `runs[${r}].tool.driver.name`)
    const ruleIds: string[] = []
    for (const [i, rule] of (driver?.rules ?? []).entries()) {
      need(typeof rule.id === 'string', `rules[${i}].id`)
      ruleIds.push(rule.id)
      if (rule.shortDescription) need(typeof rule.shortDescription.text === 'string', `rules[${i}].shortDescription.text`)
      if (rule.helpUri) need(/^https?:\/\//.test(rule.helpUri), `rules[${i}].helpUri uri`)
      const level = rule.defaultConfiguration?.level
      need(['none', 'note', 'warning', 'error'].includes(level), `rules[${i}].defaultConfiguration.level`)
    }
    need(new Set(ruleIds).size === ruleIds.length, 'unique rule ids')
    need(Array.isArray(run.results), `runs[${r}].results`)
    for (const [i, result] of (run.results ?? []).entries()) {
      const where = `results[${i}]`
      need(typeof result.message?.text === 'string', `${where}.message.text`)
      need(['none', 'note', 'warning', 'error'].includes(result.level), `${where}.level`)
      if ('ruleIndex' in result) need(driver.rules[result.ruleIndex]?.id === result.ruleId, `${where}.ruleIndex matches ruleId`)
      for (const [j, location] of (result.locations ?? []).entries()) {
        const physical = location.physicalLocation
        need(typeof physical?.artifactLocation?.uri === 'string', `${where}.locations[${j}] uri`)
        need(!String(physical?.artifactLocation?.uri).startsWith('/'), `${where}.locations[${j}] relative uri`)
        checkRegion(physical?.region, `${where}.locations[${j}].region`)
      }
      for (const [j, fix] of (result.fixes ?? []).entries()) {
        need(Array.isArray(fix.artifactChanges) && fix.artifactChanges.length > 0, `${where}.fixes[${j}].artifactChanges`)
        for (const change of fix.artifactChanges ?? []) {
          need(typeof change.artifactLocation?.uri === 'string', `${where}.fixes[${j}] artifactLocation`)
          need(Array.isArray(change.replacements) && change.replacements.length > 0, `${where}.fixes[${j}].replacements`)
          for (const replacement of change.replacements ?? []) {
            checkRegion(replacement.deletedRegion, `${where}.fixes[${j}].deletedRegion`)
            if (replacement.insertedContent) need(typeof replacement.insertedContent.text === 'string', 'insertedContent.text')
          }
        }
      }
    }
  }
  return problems
}

test('valid SARIF 2.1.0 structure', () => {
  const log = JSON.parse(sarif(sampleContext()))
  expect(validateSarif(log)).toEqual([])
  expect(log.runs[0].tool.driver.rules.length).toBeGreaterThan(3)
})

test('the validator catches broken logs', () => {
  expect(validateSarif({version: '2.0', runs: [{tool: {driver: {}}, results: [{level: 'bad', message: {}}]}]})).toEqual([
    'version 2.1.0',
    '$schema uri',
    'runs[0].tool.driver.name',
    'results[0].message.text',
    'results[0].level',
  ])
})

test('results, regions and fixes', () => {
  const log = JSON.parse(sarif(sampleContext()))
  const rules = log.runs[0].tool.driver.rules
  const trailing = rules.find((rule: Json) => rule.id === 'trailing-whitespace')
  expect(trailing).toMatchObject({
    shortDescription: {text: 'Lines must not end in spaces or tabs'},
    defaultConfiguration: {level: 'error'},
  })
  expect(trailing.helpUri).toMatch(/#trailing-whitespace$/)
  const [first, second, third] = log.runs[0].results
  expect(first).toMatchObject({
    ruleId: 'trailing-whitespace',
    level: 'error',
    message: {text: 'Trailing whitespace: delete it'},
    locations: [{physicalLocation: {artifactLocation: {uri: 'docs/a.rst'}, region: {startLine: 4, startColumn: 11, endLine: 4, endColumn: 13}}}],
    fixes: [
      {
        description: {text: 'Delete trailing whitespace'},
        artifactChanges: [
          {
            artifactLocation: {uri: 'docs/a.rst'},
            replacements: [{deletedRegion: {startLine: 4, startColumn: 11, endLine: 4, endColumn: 13, charOffset: 23, charLength: 2}, insertedContent: {text: ''}}],
          },
        ],
      },
    ],
  })
  expect(second.level).toBe('warning')
  expect(second.fixes).toBeUndefined()
  expect(third.level).toBe('note')
  expect(third.locations[0].physicalLocation.artifactLocation.uri).toBe('docs/sub%20dir/b.rst')
})
