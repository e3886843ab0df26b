// `rst-syntax`: every problem docutils would report while parsing the file
// (the parser records them as data), in docutils' own words, at the exact
// place. Problems another rule reports with a better message are left to it.

import {defineRule} from '../src/lint/define-rule.ts'
import {problemTypes, type CitationReference} from '../src/rst/types.ts'
import {collect} from '../src/lint/helpers/visit.ts'

interface Options {
  /** Lowest docutils level reported: 1 INFO, 2 WARNING, 3 ERROR, 4 SEVERE. */
  minLevel: number
}

/** Problems with a dedicated rule (and a fix there). */
const COVERED = [
  'Title underline too short',
  'Title overline too short',
  'Title overline & underline mismatch',
  'Title level inconsistent',
  'Undefined substitution referenced', // undefined-substitution knows QEMU's rst_epilog
]

export default defineRule<Options>({
  meta: {
    id: 'rst-syntax',
    description: 'The file must parse without docutils warnings or errors',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      problem: '{{text}} (docutils {{type}}: Sphinx -W fails on it; fix the markup)',
      info: '{{text}} (docutils INFO; Sphinx does not print it)',
    },
    docs: {
      why: 'Sphinx prints every docutils system message of level WARNING or above, and QEMU builds its docs with `-W`, so each one fails the build. INFO messages ("Enumerated list start value not ordinal-1", "Duplicate implicit target name", a `::` line that could have been an underline) are not printed and are usually intended, so they are not reported by default.',
      instead: 'Fix the markup the message points at.',
      options: '`minLevel` (default `2`): the lowest docutils level reported (1 INFO, 2 WARNING, 3 ERROR, 4 SEVERE).',
    },
    defaultOptions: {minLevel: 2},
    examples: [
      {title: 'valid markup', input: 'Some ``code`` and *emphasis*.\n'},
      {title: 'an unclosed literal', input: 'Some ``code and more.\n', errors: ['1:6-1:8 problem']},
      {title: 'an INFO message is not reported by default', input: '3. three\n4. four\n'},
      {title: 'unless asked for', input: '3. three\n4. four\n', options: {minLevel: 1}, errors: ['1:1-1:3 info']},
    ],
  },

  check(context) {
    const tree = context.file.rst
    if (!tree) return
    const minLevel = context.options.minLevel ?? 2
    // Citations are global in Sphinx: `[name]_` may cite another document.
    const citations = new Set(collect<CitationReference>(tree, 'citation_reference').map((node) => node.refname))
    for (const problem of tree.data.problems) {
      if (problem.level < minLevel) continue
      if (COVERED.some((text) => problem.text.startsWith(text))) continue
      const unknown = /^Unknown target name: "(.*)"\.$/.exec(problem.text)
      if (unknown && citations.has(unknown[1]!)) continue
      const type = problemTypes[problem.level]
      context.report({messageId: problem.level === 1 ? 'info' : 'problem', data: {text: problem.text.trim(), type}, place: problem.position})
    }
  },
})
