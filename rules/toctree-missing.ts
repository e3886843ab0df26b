// `toctree-missing`: a toctree entry that names no document (or an excluded
// one, or a `:glob:` pattern matching nothing). Sphinx warns "toctree
// contains reference to nonexisting document", which fails QEMU's -W build.

import {defineRule} from '../src/lint/define-rule.ts'
import {entryPlace} from '../src/tree/places.ts'

export default defineRule({
  meta: {
    id: 'toctree-missing',
    description: 'Toctree entries must name existing documents',
    severity: 'error',
    fixable: false,
    scope: 'project',
    languages: ['rst'],
    messages: {
      missing: 'The toctree entry `{{entry}}` names no document (`{{path}}` does not exist); Sphinx -W fails. Fix the name or add the file',
      missingSuggest: 'The toctree entry `{{entry}}` names no document (`{{path}}` does not exist); did you mean `{{suggestion}}`?',
      excluded: 'The toctree entry `{{entry}}` names a document that `exclude_patterns` in docs/conf.py removes; Sphinx -W fails',
      globEmpty: 'The toctree glob `{{entry}}` matches no document; Sphinx -W fails',
    },
    docs: {
      why: 'Sphinx warns about toctree entries that name no document, and QEMU builds its docs with `-W`, so the build breaks. Entries are document names relative to the document holding the toctree (or absolute from docs/ with a leading `/`), without `.rst`.',
      instead: 'Name the document as it is on disk (`system/devices/foo`), move the file, or remove the entry.',
    },
    examples: [
      {
        title: 'existing documents, relative and absolute',
        path: 'docs/system/index.rst',
        input: 'System\n======\n\n.. toctree::\n\n   intro\n   /about/index\n',
        tree: {'docs/index.rst': 'Top\n===\n\n.. toctree::\n\n   system/index\n   about/index\n', 'docs/system/intro.rst': 'Intro\n=====\n', 'docs/about/index.rst': 'About\n=====\n'},
      },
      {
        title: 'a document that was renamed',
        path: 'docs/system/index.rst',
        input: 'System\n======\n\n.. toctree::\n\n   intro\n   devices/virtio-gpu\n',
        tree: {
          'docs/index.rst': 'Top\n===\n\n.. toctree::\n\n   system/index\n',
          'docs/system/intro.rst': 'Intro\n=====\n',
          'docs/system/devices/virtio/virtio-gpu.rst': 'GPU\n===\n',
        },
        errors: ['7:4-7:22 missingSuggest'],
      },
      {
        title: 'a name with no close match',
        path: 'docs/index.rst',
        input: 'Top\n===\n\n.. toctree::\n\n   nowhere-near-anything\n',
        errors: ['6:4-6:25 missing'],
      },
      {
        title: 'an excluded document and an empty glob',
        path: 'docs/index.rst',
        input: 'Top\n===\n\n.. toctree::\n   :glob:\n\n   _build/out\n   specs/*\n',
        tree: {'docs/_build/out.rst': 'Out\n===\n'},
        errors: ['7:4-7:14 excluded', '8:4-8:11 globEmpty'],
      },
    ],
  },

  check(context) {
    const project = context.project
    if (!project?.toctree) return
    const path = context.file.path
    for (const problem of project.toctree.problems) {
      if (problem.toctree.path !== path || problem.kind === 'duplicate') continue
      const place = entryPlace(context.file.source, problem.toctree, problem.entry)
      const data = {entry: problem.entry.raw, path: `${project.docsDir}/${problem.entry.docname}.rst`, suggestion: problem.suggestion ? asWritten(problem.suggestion, problem.toctree.doc) : ''}
      const messageId = problem.kind === 'glob-empty' ? 'globEmpty' : problem.kind === 'excluded' ? 'excluded' : problem.suggestion ? 'missingSuggest' : 'missing'
      context.report({messageId, data, place})
    }
  },
})

/** A docname as a toctree entry of `fromDoc` would spell it: relative to its folder, else absolute. */
function asWritten(docname: string, fromDoc: string): string {
  const folder = fromDoc.slice(0, fromDoc.lastIndexOf('/') + 1)
  if (docname.startsWith(folder)) return docname.slice(folder.length)
  return `/${docname}`
}
