// This directory's rules through the real engine (not yet in the registry
// when written): every example yields the same findings and fixed output as
// with the direct runner.

import {beforeAll, describe, expect, it} from 'vitest'
import {fixText} from '../../src/lint/fix.ts'
import {loadMarkdown} from '../../src/lint/parsers.ts'
import type {Rule} from '../../src/lint/types.ts'
import {fromRst} from '../../src/rst/index.ts'
import {projectFromTexts} from '../../src/tree/example-project.ts'
import {fileRules} from './lib/file-rules.ts'
import {linterFor, renderFindings} from './run-example.ts'

beforeAll(async () => {
  await loadMarkdown()
})

describe.each(fileRules.map((rule) => [rule.meta.id, rule] as const))('%s through the engine', (id, rule) => {
  rule.meta.examples.forEach((example, index) => {
    it(`example ${index + 1}`, () => {
      const path = example.path ?? 'example.rst'
      // An example with a `tree` runs in whole-tree mode, inside that tree.
      const project = example.tree ? projectFromTexts({...example.tree, [path]: example.input}, fromRst) : undefined
      const linter = linterFor([id], {[id]: (example.options ?? {}) as Record<string, unknown>}, fileRules as unknown as Rule<never>[], project)
      const result = linter.lint(path, example.input)
      expect(renderFindings(result.file.messages)).toEqual(example.errors ?? [])
      if (example.output !== undefined) expect(fixText(linter, path, example.input).text).toBe(example.output)
    })
  })
})
