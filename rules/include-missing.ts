// `include-missing`: a directive naming a source file that does not exist —
// `include` and `literalinclude` (relative to the document, `/x` to docs/),
// and QEMU's `kernel-doc`, `qapi-doc`, `hxtool-doc`, `dbus-doc` (relative to
// the tree root, their `*_srctree` in docs/conf.py). Sphinx fails on each.

import {defineRule} from '../src/lint/define-rule.ts'
import {suggestMovedPath} from '../src/tree/suggest-path.ts'

export default defineRule({
  meta: {
    id: 'include-missing',
    description: 'Files named by include, literalinclude, kernel-doc, qapi-doc, hxtool-doc and dbus-doc must exist',
    severity: 'error',
    fixable: false,
    scope: 'project',
    languages: ['rst'],
    messages: {
      missing: '`{{directive}}` names `{{argument}}`, but `{{path}}` does not exist; the docs build fails',
      missingSuggest: '`{{directive}}` names `{{argument}}`, but `{{path}}` does not exist; did you mean `{{suggestion}}`?',
    },
    docs: {
      why: 'A missing source is a hard error in Sphinx (or an empty section, for QEMU\'s extensions), and files move more often than the docs naming them. `include` and `literalinclude` paths are relative to the document (or to docs/ with a leading `/`); `kernel-doc`, `qapi-doc`, `hxtool-doc` and `dbus-doc` paths are relative to the top of the QEMU tree.',
      instead: 'Point the directive at the file\'s current path.',
    },
    examples: [
      {
        title: 'paths on each base',
        path: 'docs/devel/api.rst',
        input: 'API\n===\n\n.. include:: ../defs.rst.inc\n\n.. kernel-doc:: include/qemu/thing.h\n\n.. literalinclude:: /config/sample.conf\n',
        tree: {'docs/defs.rst.inc': '', 'include/qemu/thing.h': '', 'docs/config/sample.conf': ''},
      },
      {
        title: 'kernel-doc is not relative to the document',
        path: 'docs/devel/api.rst',
        input: 'API\n===\n\n.. kernel-doc:: qemu/thing.h\n',
        tree: {'include/qemu/thing.h': ''},
        errors: ['4:17-4:29 missingSuggest'],
      },
      {
        title: 'a moved schema and a missing include',
        path: 'docs/interop/ref.rst',
        input: 'Ref\n===\n\n.. qapi-doc:: qapi/schema.json\n\n.. include:: parts.rst.inc\n',
        errors: ['4:15-4:31 missing', '6:14-6:27 missing'],
      },
    ],
  },

  check(context) {
    const project = context.project
    if (!project?.docs) return
    const seen = new Set<number>()
    for (const use of project.sources) {
      if (use.exists || use.path !== context.file.path || !use.resolved) continue
      const node = use.node
      const place = node.argumentPosition ?? node.position
      const key = place.start.offset ?? 0
      if (seen.has(key)) continue
      seen.add(key)
      const suggestion = suggestMovedPath(use.resolved, project.fileNames())
      context.report({
        messageId: suggestion ? 'missingSuggest' : 'missing',
        data: {directive: use.directive, argument: use.argument, path: use.resolved, suggestion: suggestion ?? ''},
        place,
      })
    }
  },
})
