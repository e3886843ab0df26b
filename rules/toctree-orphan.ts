// `toctree-orphan`: a document no toctree lists, neither the root document
// nor marked `:orphan:`. Sphinx warns "document isn't included in any
// toctree", which fails QEMU's -W build.

import {defineRule} from '../src/lint/define-rule.ts'
import {firstLinePlace} from '../src/tree/places.ts'

export default defineRule({
  meta: {
    id: 'toctree-orphan',
    description: 'Every document is in a toctree or marked `:orphan:`',
    severity: 'error',
    fixable: false,
    scope: 'project',
    languages: ['rst'],
    messages: {
      orphan: 'No toctree lists `{{doc}}`; Sphinx warns "document isn\'t included in any toctree" and -W fails. Add it to the toctree of its section (e.g. `{{parent}}`), or put `:orphan:` on its first line',
    },
    docs: {
      why: 'A document reachable from no toctree is missing from the navigation and the manual, and Sphinx\'s warning breaks QEMU\'s `-W` docs build. `*.rst.inc` files are included, not documents, and are exempt.',
      instead: 'Add the document name to the `toctree` of the index of its folder; for a page reachable only by links (a man page skeleton), start it with `:orphan:`.',
    },
    examples: [
      {
        title: 'listed in a toctree',
        path: 'docs/tools/new-tool.rst',
        input: 'New tool\n========\n',
        tree: {'docs/index.rst': 'Top\n===\n\n.. toctree::\n\n   tools/index\n', 'docs/tools/index.rst': 'Tools\n=====\n\n.. toctree::\n\n   new-tool\n'},
      },
      {title: 'marked orphan', path: 'docs/tools/new-tool.rst', input: ':orphan:\n\nNew tool\n========\n'},
      {
        title: 'in no toctree',
        path: 'docs/tools/new-tool.rst',
        input: 'New tool\n========\n',
        tree: {'docs/index.rst': 'Top\n===\n\n.. toctree::\n\n   tools/index\n', 'docs/tools/index.rst': 'Tools\n=====\n'},
        errors: ['1:1-1:9 orphan'],
      },
    ],
  },

  check(context) {
    const project = context.project
    if (!project?.toctree) return
    const doc = project.docnameOf(context.file.path)
    if (!doc || !project.toctree.orphans.includes(doc)) return
    const folder = doc.includes('/') ? doc.slice(0, doc.lastIndexOf('/')) : ''
    const parent = folder && project.documents.has(`${folder}/index`) ? `${project.docsDir}/${folder}/index.rst` : `${project.docsDir}/${project.conf.masterDoc}.rst`
    context.report({messageId: 'orphan', data: {doc, parent}, place: firstLinePlace(context.file.source)})
  },
})
