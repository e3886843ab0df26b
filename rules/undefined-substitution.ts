// `undefined-substitution`: `|name|` with no definition in the file nor in
// the substitutions QEMU's conf.py appends to every document (rst_epilog).
// docutils reports "Undefined substitution referenced" and `-W` fails.

import {defineRule} from '../src/lint/define-rule.ts'
import {qemuEpilogSubstitutions} from '../src/lint/helpers/names.ts'
import {closest} from '../src/lint/helpers/suggest.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {SubstitutionReference} from '../src/rst/types.ts'

interface Options {
  /** Substitutions every document gets from rst_epilog (docs/defs.rst.inc and conf.py). */
  epilogSubstitutions: string[]
}

export default defineRule<Options>({
  meta: {
    id: 'undefined-substitution',
    description: 'Substitution references must have a definition',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      undefined: 'Undefined substitution `|{{name}}|` — Sphinx -W fails. Define it with `.. |{{name}}| replace:: ...` or use a defined one',
      suggest: 'Undefined substitution `|{{name}}|` — Sphinx -W fails; did you mean `|{{suggestion}}|`?',
    },
    docs: {
      why: 'An undefined substitution is a docutils error, so QEMU\'s `-W` build fails. QEMU appends docs/defs.rst.inc and a few conf.py substitutions to every document; those count as defined.',
      instead: 'Use a defined name (`|qemu_system|`, `|CONFDIR|`, ...) or define it in the file.',
      options: '`epilogSubstitutions` (default: the names of docs/defs.rst.inc, `CONFDIR`, `VER_MACHINE_DEPRECATION_VERSION`, `VER_MACHINE_DELETION_VERSION`, `version`, `release`, `today`): names defined for every document. Files with an `include` directive and `.inc` files are not checked, since the included or including file may define the name.',
    },
    defaultOptions: {epilogSubstitutions: qemuEpilogSubstitutions},
    examples: [
      {title: 'epilog and local names', input: 'Run |qemu_system| (|version|) and |me|.\n\n.. |me| replace:: myself\n'},
      {title: 'a typo', input: 'Run |qemu_sytem|.\n', errors: ['1:5-1:17 suggest']},
      {title: 'an unknown name', input: 'Run |frobnicator|.\n', errors: ['1:5-1:18 undefined']},
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree || file.path.endsWith('.inc')) return
    const defined = new Set((context.options.epilogSubstitutions ?? qemuEpilogSubstitutions).map((name) => name.toLowerCase()))
    let includes = false
    // Two single-type visits: the order between definitions and directives does not matter here.
    visit(tree, 'substitution_definition', (node) => {
      if (node.type === 'substitution_definition') defined.add(node.name.toLowerCase())
    })
    visit(tree, 'directive', (node) => {
      if (node.type === 'directive' && node.name.toLowerCase() === 'include') includes = true
    })
    if (includes) return
    visit<SubstitutionReference>(tree, 'substitution_reference', (node) => {
      const name = node.refname
      if (defined.has(name.toLowerCase())) return
      const suggestion = closest(name, defined)
      const data: Record<string, string> = suggestion ? {name, suggestion} : {name}
      context.report({messageId: suggestion ? 'suggest' : 'undefined', data, place: node.position})
    })
  },
})
