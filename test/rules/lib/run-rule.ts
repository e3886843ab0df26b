// Runs one rule on a text the way the engine will (parse once, collect the
// reports), for the rule tests of this directory; also checks each rule's
// `meta.examples` until the shared harness covers them.

import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {expect, it} from 'vitest'
import {applyFixes} from '../../../src/lint/fix.ts'
import type {Fix, LintedFile, Report, Rule} from '../../../src/lint/types.ts'
import {fromRst} from '../../../src/rst/index.ts'
import {Source} from '../../../src/rst/source.ts'
import {projectFromTexts} from '../../../src/tree/example-project.ts'
import type {ProjectIndex} from '../../../src/tree/project.ts'

export interface Finding {
  /** `line:column-endLine:endColumn messageId` */
  where: string
  message: string
  fix?: Fix
  report: Report
}

export function lintedFile(text: string, path = 'example.rst'): LintedFile {
  const source = new Source(text)
  const markdown = path.endsWith('.md') || path.endsWith('.markdown')
  return markdown
    ? {path, text, source, language: 'markdown', markdown: unified().use(remarkParse).parse(text)}
    : {path, text, source, language: 'rst', rst: fromRst(text)}
}

export function runRule(rule: Rule<any>, text: string, options: Record<string, unknown> = {}, path?: string, project?: ProjectIndex): Finding[] {
  return runRuleOn(rule, lintedFile(text, path), options, project)
}

/** Run a rule on an already parsed file (the corpus test parses each file once). */
export function runRuleOn(rule: Rule<any>, file: LintedFile, options: Record<string, unknown> = {}, project?: ProjectIndex): Finding[] {
  const findings: Finding[] = []
  rule.check({
    file,
    options: {...rule.meta.defaultOptions, ...options},
    ...(project ? {project} : {}),
    report(report) {
      const place = report.place
      const position = 'start' in place && typeof place.start === 'number' ? file.source.position(place.start, place.end as number) : (place as Exclude<typeof place, {start: number}>)
      const template = rule.meta.messages[report.messageId]
      if (template === undefined) throw new Error(`unknown messageId ${report.messageId}`)
      const message = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
        const value = report.data?.[key]
        if (value === undefined) throw new Error(`missing data ${key} for ${report.messageId}`)
        return String(value)
      })
      findings.push({
        where: `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column} ${report.messageId}`,
        message,
        fix: report.fix,
        report,
      })
    },
  })
  return findings
}

export function fixed(text: string, findings: Finding[]): string {
  const fixes = findings.flatMap((finding) => (finding.fix?.safety === 'safe' ? [finding.fix] : []))
  return applyFixes(text, fixes).text
}

/** One vitest case per example of the rule. */
export function testExamples(rule: Rule<any>): void {
  rule.meta.examples.forEach((example, index) => {
    it(`example ${index + 1}: ${example.title ?? (example.errors?.length ? 'invalid' : 'valid')}`, () => {
      // An example with a `tree` runs in whole-tree mode, inside that tree.
      const project = example.tree ? projectFromTexts({...example.tree, [example.path ?? 'example.rst']: example.input}, fromRst) : undefined
      const findings = runRule(rule, example.input, (example.options ?? {}) as Record<string, unknown>, example.path, project)
      expect(findings.map((finding) => finding.where)).toEqual(example.errors ?? [])
      if (example.output !== undefined) expect(fixed(example.input, findings)).toBe(example.output)
      if (!rule.meta.fixable) expect(findings.every((finding) => !finding.fix)).toBe(true)
    })
  })
}
