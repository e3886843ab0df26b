// Acceptance on the document the WHPX patch adds (read at test time from the
// shared oracle copy): every single-backquoted text is flagged at its exact
// place, and the misspelling "fuctionality" is found and fixed.

import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import singleBacktick from '../../rules/single-backtick.ts'
import typo from '../../rules/typo.ts'
import {fixed, runRule} from './lib/run-rule.ts'

const WHPX = new URL('../../../shared/qemu-oracle/seeds/whpx-v6.rst', import.meta.url).pathname

/** The single-backquoted texts of the file, found by a plain scan of its lines. */
function backquoted(text: string): Array<{line: number; column: number; endColumn: number; value: string}> {
  const out: Array<{line: number; column: number; endColumn: number; value: string}> = []
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/(?<![`\w])`([^`]+)`(?![`_])/g)) {
      out.push({line: index + 1, column: match.index + 1, endColumn: match.index + match[0].length + 1, value: match[1]!})
    }
  })
  return out
}

describe.skipIf(!existsSync(WHPX))('whpx-v6.rst', () => {
  const text = existsSync(WHPX) ? readFileSync(WHPX, 'utf8') : ''

  it('flags all 16 single-backquoted texts at their exact spans', () => {
    const expected = backquoted(text)
    expect(expected.map((item) => item.value)).toContain('-M isapc')
    expect(expected).toHaveLength(16)
    const findings = runRule(singleBacktick, text, {}, 'docs/system/whpx.rst')
    expect(findings.map((finding) => finding.where.split(' ')[0])).toEqual(
      expected.map((item) => `${item.line}:${item.column}-${item.line}:${item.endColumn}`),
    )
    // Code-shaped texts are "literal" with a safe fix; the bare names are "not defined in this file".
    const undefinedOnes = findings.filter((finding) => finding.report.messageId === 'undefined')
    expect(undefinedOnes.map((finding) => text.slice((finding.report.place as {start: number}).start, (finding.report.place as {end: number}).end))).toEqual(['`Vid`', '`mshv`', '`type`'])
  })

  it('finds and fixes "fuctionality" at 62:12', () => {
    const findings = runRule(typo, text, {}, 'docs/system/whpx.rst')
    const found = findings.find((finding) => finding.message.includes('fuctionality'))
    expect(found?.where).toBe('62:12-62:24 typo')
    expect(fixed(text, [found!]).split('\n')[61]).toContain('additional functionality compared')
  })
})

describe.skipIf(!existsSync(WHPX))('whpx-v6.rst through the engine with --fix', () => {
  it('turns code into literals and re-extends the title underline the literal widened', async () => {
    const {fixText} = await import('../../src/lint/fix.ts')
    const {linterFor} = await import('./run-example.ts')
    const {fileRules} = await import('./lib/file-rules.ts')
    const text = readFileSync(WHPX, 'utf8')
    const linter = linterFor(['single-backtick', 'heading-underline', 'typo'], {}, fileRules as never)
    const outcome = fixText(linter, 'docs/system/whpx.rst', text)
    const lines = outcome.text.split('\n')
    expect(lines[98]).toBe('``-M isapc``')
    expect(lines[99]).toBe('^'.repeat(12))
    expect(outcome.text).toContain('``-device ramfb``')
    expect(outcome.text).toContain('`Vid`') // not-defined-here is only an unsafe fix
    expect(outcome.text).toContain('`info registers`') // so is whitespace alone
    expect(outcome.result.file.messages.filter((message) => message.ruleId === 'heading-underline')).toEqual([])
  })
})
