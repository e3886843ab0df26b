// `unknown-directive`: a directive name that neither docutils, Sphinx nor
// QEMU's Sphinx extensions define. Sphinx reports "Unknown directive type"
// and QEMU's `-W` build fails; usually it is a typo.

import {defineRule} from '../src/lint/define-rule.ts'
import {isKnownDirective, knownDirectives} from '../src/lint/helpers/names.ts'
import {closest} from '../src/lint/helpers/suggest.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Directive} from '../src/rst/types.ts'

interface Options {
  /** More directive names the project's extensions define. */
  extra: string[]
}

export default defineRule<Options>({
  meta: {
    id: 'unknown-directive',
    description: 'Directives must be defined by docutils, Sphinx or QEMU\'s extensions',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      unknown: 'Unknown directive `{{name}}` — Sphinx -W fails. Use a directive docutils, Sphinx or QEMU defines',
      suggest: 'Unknown directive `{{name}}` — Sphinx -W fails; did you mean `{{suggestion}}`?',
    },
    docs: {
      why: 'Sphinx reports an unknown directive as an error and drops its content; QEMU builds docs with `-W`.',
      instead: 'Use the intended name (docutils\' and Sphinx\'s directives, the `c:`/`qapi:`/`dbus:` domains, `kernel-doc`, `qapi-doc`, `hxtool-doc`, `dbus-doc`, `qmp-example`).',
      options: '`extra` (default `[]`): more directive names to accept.',
    },
    defaultOptions: {extra: []},
    examples: [
      {title: 'known directives', input: '.. note:: Read me.\n\n.. code-block:: c\n\n   int x;\n\n.. qapi:command:: query-foo\n'},
      {title: 'a typo', input: '.. code-blok:: c\n\n   int x;\n', errors: ['1:4-1:13 suggest']},
      {title: 'a made-up name', input: '.. frobnicate::\n', errors: ['1:4-1:14 unknown']},
      {title: 'an extra name', input: '.. frobnicate::\n', options: {extra: ['frobnicate']}},
    ],
  },

  check(context) {
    const tree = context.file.rst
    if (!tree) return
    const extra = context.options.extra ?? []
    visit<Directive>(tree, 'directive', (node) => {
      if (isKnownDirective(node.name, extra)) return
      const suggestion = closest(node.name, knownDirectives)
      const data: Record<string, string> = suggestion ? {name: node.name, suggestion} : {name: node.name}
      context.report({messageId: suggestion ? 'suggest' : 'unknown', data, place: node.namePosition})
    })
  },
})
