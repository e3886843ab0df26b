// `single-backtick`: text in single backquotes with no role. QEMU's conf.py
// sets `default_role = 'any'`, so it is a cross-reference that must resolve,
// or the `-W` docs build fails; most of the time the writer meant a literal.

import {defineRule} from '../src/lint/define-rule.ts'
import {documentTargets, normalizeName} from '../src/lint/helpers/targets.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Fix} from '../src/lint/types.ts'
import type {InterpretedText} from '../src/rst/types.ts'

interface Options {
  /** Report bare names that no target of this file defines. */
  sameFileOnly: boolean
}

export default defineRule<Options>({
  meta: {
    id: 'single-backtick',
    description: 'Single-backquoted text must be a resolvable cross-reference',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst'],
    messages: {
      literal:
        '`{{text}}` cannot be a cross-reference target ({{reason}}); QEMU\'s default role is `any`, so Sphinx -W fails. Use double backquotes for an inline literal',
      undefined:
        '`{{text}}` is not a target defined in this file; QEMU\'s default role is `any`, so Sphinx -W fails unless another document defines it. Use double backquotes for an inline literal, or a role such as `:ref:`',
      missingUnderscore:
        '`{{text}}` names a hyperlink target of this document but has no trailing `_`, so Sphinx reads it as a cross-reference and -W fails. Add `_` after the closing backquote',
    },
    docs: {
      why: 'docs/conf.py sets `default_role = \'any\'`: `` `text` `` is a reference to a label, document, option, glossary term or C/QAPI/D-Bus entity. Anything else is an "undefined reference" warning, and QEMU builds its docs with `-W`. Options (`-M isapc`), paths, commands and file names can never be targets.',
      instead: 'Write ``` ``-M isapc`` ``` for code, `:ref:` or `:doc:` for cross-references, and `` `name`_ `` for a hyperlink target of the same document. The literal fix is safe for options, paths, `=` and file names; it is unsafe when the text merely contains whitespace or is not defined in this file, since another document may define it (a glossary term, a label).',
      options: '`sameFileOnly` (default `true`): also report a bare name that no label, option, glossary term or object of this file defines ("not defined in this file"); other documents are not seen in file-only mode. `` `text <target>` `` with a label-like target and bare names containing `_` (kernel-doc C symbols) are never reported on that ground.',
    },
    defaultOptions: {sameFileOnly: true},
    examples: [
      {title: 'a label of this file', input: '.. _boot-order:\n\nBoot order\n----------\n\nSee `boot-order`.\n'},
      {title: 'an explicit title and a target', input: 'Read the `guide <setup-guide>` first.\n'},
      {
        title: 'an option',
        input: 'Start it with `-M pc`.\n',
        errors: ['1:15-1:22 literal'],
        output: 'Start it with ``-M pc``.\n',
      },
      {
        title: 'a path and a file name',
        input: 'See `hw/core/loader.c` and `setup.exe`.\n',
        errors: ['1:5-1:23 literal', '1:28-1:39 literal'],
        output: 'See ``hw/core/loader.c`` and ``setup.exe``.\n',
      },
      {
        title: 'a hyperlink target without `_`',
        input: 'Read `Slirp` first.\n\n.. _Slirp: https://example.org/slirp\n',
        errors: ['1:6-1:13 missingUnderscore'],
        output: 'Read `Slirp`_ first.\n\n.. _Slirp: https://example.org/slirp\n',
      },
      {title: 'a name not defined here', input: 'Uses the `hvf` module.\n', errors: ['1:10-1:15 undefined']},
      {title: 'the same, across files', input: 'Uses the `hvf` module.\n', options: {sameFileOnly: false}},
    ],
  },

  check(context) {
    const tree = context.file.rst
    if (!tree) return
    const {anyTargets, hyperlinkTargets} = documentTargets(tree)
    const sameFileOnly = context.options.sameFileOnly ?? true
    visit<InterpretedText>(tree, 'interpreted_text', (node) => {
      if (node.role !== null) return
      const start = node.position.start.offset ?? 0
      const end = node.position.end.offset ?? start
      const explicit = /^([\s\S]*?\S)\s*<([^<>]*)>$/.exec(node.value)
      const target = explicit ? explicit[2]! : node.value
      // `text <https://...>` without `_` belongs to missing-underscore-after-hyperlink.
      if (/^(https?|ftp|mailto):/.test(target)) return
      const name = normalizeName(target)
      if (anyTargets.has(name)) return
      const data = {text: node.value.replace(/\s+/g, ' ')}
      if (!explicit && hyperlinkTargets.has(name)) {
        const fix: Fix = {title: 'Add the missing `_`', safety: 'safe', edits: [{start: end, end, text: '_'}]}
        context.report({messageId: 'missingUnderscore', data, place: {start, end}, fix})
        return
      }
      const reason = codeReason(target, Boolean(explicit))
      const literalFix = (safety: Fix['safety']): Fix | undefined =>
        explicit ? undefined : {title: 'Use an inline literal', safety: node.value.includes('\\') ? 'unsafe' : safety, edits: [{start, end: start, text: '`'}, {start: end, end, text: '`'}]}
      // Whitespace alone does not rule out a glossary term of another document: only then is the fix unsafe.
      const safety = reason === WHITESPACE ? 'unsafe' : 'safe'
      if (reason) context.report({messageId: 'literal', data: {...data, reason}, place: {start, end}, fix: literalFix(safety)})
      else if (sameFileOnly && !explicit && !node.value.includes('_')) {
        context.report({messageId: 'undefined', data, place: {start, end}, fix: literalFix('unsafe')})
      }
    })
  },
})

const WHITESPACE = 'it contains whitespace'

/** Why a target text can be no cross-reference target, or undefined if it could be one. */
function codeReason(target: string, explicit: boolean): string | undefined {
  if (target.startsWith('-')) return 'it starts with `-` like a command-line option'
  if (target.includes('/')) return 'it contains `/` like a path'
  if (target.includes('=')) return 'it contains `=`'
  if (!explicit && /\s/.test(target)) return WHITESPACE
  if (/^[\w-]+\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(target) && /[A-Za-z]/.test(target.split(".")[0]!)) return 'it looks like a file name'
  return undefined
}
