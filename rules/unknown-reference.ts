// `unknown-reference`: a `:ref:`, `:doc:` or `:option:` whose target no
// document defines. Sphinx warns "undefined label" / "unknown document",
// which fails QEMU's -W build; labels and documents are checked across the
// whole tree, with Sphinx's own lookup rules.

import {defineRule} from '../src/lint/define-rule.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import {docnameJoin, editDistance} from '../src/tree/docnames.ts'
import {splitExplicitTitle, normalizeName} from '../src/tree/text.ts'
import type {InterpretedText} from '../src/rst/types.ts'

interface Options {
  /** Check `:option:` too: `auto` follows conf.py's `suppress_warnings` (QEMU silences `ref.option`). */
  options: 'auto' | boolean
}

const ROLES: Record<string, 'ref' | 'doc' | 'option'> = {ref: 'ref', 'std:ref': 'ref', doc: 'doc', 'std:doc': 'doc', option: 'option', 'std:option': 'option'}

export default defineRule<Options>({
  meta: {
    id: 'unknown-reference',
    description: '`:ref:`, `:doc:` and `:option:` targets must exist',
    severity: 'error',
    fixable: false,
    scope: 'project',
    languages: ['rst'],
    messages: {
      label: 'No label `{{target}}` exists in the docs; Sphinx warns "undefined label" and -W fails',
      labelSuggest: 'No label `{{target}}` exists in the docs; did you mean `{{suggestion}}`?',
      untitled: 'The label `{{target}}` is not placed before a section title, so `:ref:` has no text to show; Sphinx -W fails. Give it an explicit title: `` :ref:`text <{{target}}>` ``',
      doc: 'No document `{{target}}` (`{{path}}` does not exist); Sphinx warns "unknown document" and -W fails',
      option: 'No `.. option::` `{{target}}` is defined (program: {{program}})',
    },
    docs: {
      why: 'A cross-reference to a label, document or option that does not exist renders as plain text with a warning, and QEMU builds its docs with `-W`, so the build fails. A label is found case-insensitively in any document; a `:ref:` without an explicit title needs a label placed before a section title.',
      instead: 'Use the label as defined (`.. _label:`), the document name relative to this document or absolute from docs/ (`/system/index`), and the option as its `.. option::` spells it.',
      options: '`options` (default `auto`): check `:option:` as well; `auto` does so unless docs/conf.py suppresses `ref.option` (QEMU does).',
    },
    defaultOptions: {options: 'auto'},
    examples: [
      {
        title: 'a label, a document and an explicit title',
        path: 'docs/system/intro.rst',
        input: 'Intro\n=====\n\nSee :ref:`Boot-Order`, :doc:`../about/index` and :ref:`the note <boot-note>`.\n',
        tree: {
          'docs/about/index.rst': 'About\n=====\n\n.. _boot-order:\n\nBoot order\n----------\n\n.. _boot-note:\n\nA paragraph.\n',
        },
      },
      {
        title: 'a missing label and a misspelt one',
        path: 'docs/system/intro.rst',
        input: 'Intro\n=====\n\nSee :ref:`no-such-thing-here` and :ref:`boot-ordr`.\n',
        tree: {'docs/about/index.rst': '.. _boot-order:\n\nBoot order\n----------\n'},
        errors: ['4:11-4:29 label', '4:41-4:50 labelSuggest'],
      },
      {
        title: 'a label without a title, and a missing document',
        path: 'docs/system/intro.rst',
        input: 'Intro\n=====\n\nSee :ref:`boot-note` and :doc:`setup`.\n',
        tree: {'docs/about/index.rst': '.. _boot-note:\n\nA paragraph.\n'},
        errors: ['4:11-4:20 untitled', '4:32-4:37 doc'],
      },
      {
        title: 'options, checked on request',
        path: 'docs/tools/tool.rst',
        input: '.. program:: tool\n\n.. option:: -v, --verbose\n\n   Talk.\n\nUse :option:`--verbose` or :option:`-q`.\n',
        options: {options: true},
        errors: ['7:37-7:39 option'],
      },
    ],
  },

  check(context) {
    const project = context.project
    const tree = context.file.rst
    if (!project?.targets || !tree) return
    const checkOptions = context.options.options === 'auto' || context.options.options === undefined ? !project.conf.suppressWarnings.includes('ref.option') : context.options.options
    const path = context.file.path
    const docs = project.docsFor(path)
    visit<InterpretedText>(tree, 'interpreted_text', (node) => {
      const kind = node.role === null ? undefined : ROLES[node.role.toLowerCase()]
      if (!kind) return
      const {explicit, target} = splitExplicitTitle(node.value)
      const place = valuePlace(node, explicit)
      if (kind === 'ref') {
        if (project.targets.resolveRef(target, explicit)) return
        const known = project.targets.labels.has(normalizeName(target))
        if (known) return context.report({messageId: 'untitled', data: {target}, place})
        const suggestion = closestLabel(normalizeName(target), project.targets.labelNames())
        context.report({messageId: suggestion ? 'labelSuggest' : 'label', data: {target, suggestion: suggestion ?? ''}, place})
      } else if (kind === 'doc') {
        if (docs.some((doc) => project.targets.resolveDoc(target, doc))) return
        const name = target.trim().replace(/\.rst$/, '')
        context.report({messageId: 'doc', data: {target, path: `${project.docsDir}/${docnameJoin(docs[0] ?? '', name)}.rst`}, place})
      } else if (checkOptions) {
        const offset = node.position.start.offset ?? 0
        const programs = project.programsAt(path, offset)
        if (project.targets.resolveOption(target, {programs})) return
        context.report({messageId: 'option', data: {target, program: programs.map((program) => program ?? 'none').join(' or ')}, place})
      }
    })
  },
})

/** The target's span: the whole text between backquotes, or the `<target>` part of an explicit title. */
function valuePlace(node: InterpretedText, explicit: boolean) {
  const start = node.valuePosition.start.offset ?? 0
  const end = node.valuePosition.end.offset ?? start
  if (!explicit) return {start, end}
  const open = node.value.lastIndexOf('<')
  return {start: start + open + 1, end: end - 1}
}

function closestLabel(name: string, labels: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.min(3, Math.floor(name.length / 4)) + 1
  for (const label of labels) {
    const distance = editDistance(name, label, bestDistance - 1)
    if (distance < bestDistance) {
      best = label
      bestDistance = distance
    }
  }
  return best
}
