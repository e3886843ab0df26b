// `toctree-duplicate`: the same document twice in one toctree, or a toctree
// listing the document that holds it. Sphinx warns "duplicated entry found
// in toctree" and keeps only the first.

import {defineRule} from '../src/lint/define-rule.ts'
import {entryPlace} from '../src/tree/places.ts'

export default defineRule({
  meta: {
    id: 'toctree-duplicate',
    description: 'A toctree lists each document once',
    severity: 'warning',
    fixable: false,
    scope: 'project',
    languages: ['rst'],
    messages: {
      duplicate: 'The toctree already lists `{{doc}}`; Sphinx warns "duplicated entry found in toctree" and keeps only the first. Remove this entry',
      self: 'A toctree cannot list its own document `{{doc}}`; remove the entry',
    },
    docs: {
      why: 'Sphinx ignores the repeated entry with a warning (an error under QEMU\'s `-W`); the navigation silently differs from what the author wrote.',
      instead: 'List each document once per toctree; use another toctree (or a `:ref:`) to point at it again.',
    },
    examples: [
      {
        title: 'distinct entries',
        path: 'docs/index.rst',
        input: 'Top\n===\n\n.. toctree::\n\n   a\n   b\n',
        tree: {'docs/a.rst': 'A\n=\n', 'docs/b.rst': 'B\n=\n'},
      },
      {
        title: 'the same document twice, once absolute',
        path: 'docs/index.rst',
        input: 'Top\n===\n\n.. toctree::\n\n   a\n   b\n   /a\n',
        tree: {'docs/a.rst': 'A\n=\n', 'docs/b.rst': 'B\n=\n'},
        errors: ['8:4-8:6 duplicate'],
      },
      {
        title: 'the document itself',
        path: 'docs/index.rst',
        input: 'Top\n===\n\n.. toctree::\n\n   index\n',
        errors: ['6:4-6:9 self'],
      },
    ],
  },

  check(context) {
    const project = context.project
    if (!project?.toctree) return
    for (const problem of project.toctree.problems) {
      if (problem.kind !== 'duplicate' || problem.toctree.path !== context.file.path) continue
      const self = problem.entry.docname === problem.toctree.doc
      context.report({
        messageId: self ? 'self' : 'duplicate',
        data: {doc: problem.entry.docname},
        place: entryPlace(context.file.source, problem.toctree, problem.entry),
      })
    }
  },
})
