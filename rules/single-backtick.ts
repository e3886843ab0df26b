// `single-backtick`: text in single backquotes with no role. QEMU's conf.py
// sets `default_role = 'any'`, so it is a cross-reference that must resolve,
// or the `-W` docs build fails; most of the time the writer meant a literal.
// With the project index it resolves exactly as Sphinx does, across the whole
// tree; without one (a lone file) it judges by the file and the text's shape.

import {defineRule} from '../src/lint/define-rule.ts'
import {documentTargets, normalizeName} from '../src/lint/helpers/targets.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Fix, RuleContext} from '../src/lint/types.ts'
import type {InterpretedText, Target as HyperlinkTarget} from '../src/rst/types.ts'
import {splitExplicitTitle, unescape} from '../src/tree/text.ts'
import type {ProjectIndex, Target} from '../src/tree/project.ts'

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
    usesProject: true,
    languages: ['rst'],
    messages: {
      literal:
        '`{{text}}` cannot be a cross-reference target ({{reason}}); QEMU\'s default role is `any`, so Sphinx -W fails. Use double backquotes for an inline literal',
      undefined:
        '`{{text}}` is not a target defined in this file; QEMU\'s default role is `any`, so Sphinx -W fails unless another document defines it. Use double backquotes for an inline literal, or a role such as `:ref:`',
      unresolved:
        '`{{text}}` is no target anywhere in the docs: QEMU\'s default role is `any`, so Sphinx warns "\'any\' reference target not found" and -W fails. Use double backquotes for an inline literal, or fix the target',
      ambiguous:
        '`{{text}}` matches more than one target ({{candidates}}): Sphinx warns "more than one target found for \'any\' cross-reference" and -W fails. Use a specific role such as `:ref:` or `:doc:`',
      missingUnderscore:
        '`{{text}}` names a hyperlink target of this document but has no trailing `_`, so Sphinx reads it as a cross-reference and -W fails. Add `_` after the closing backquote',
    },
    docs: {
      why: 'docs/conf.py sets `default_role = \'any\'`: `` `text` `` is a reference to a label, document, option, glossary term or C/QAPI/D-Bus entity. Anything else is an "undefined reference" warning, and QEMU builds its docs with `-W`. Options (`-M isapc`), paths, commands and file names can never be targets.',
      instead: 'Write ``` ``-M isapc`` ``` for code, `:ref:` or `:doc:` for cross-references, and `` `name`_ `` for a hyperlink target of the same document. The literal fix is safe for options, paths, `=` and file names; it is unsafe when the text merely contains whitespace or is not defined in this file, since another document may define it (a glossary term, a label).',
      options: 'In a whole-tree run (the project index is there) the option is not used: a text is reported exactly when Sphinx\'s `any` role finds no target in the whole tree (labels, documents, options, glossary terms, C/QAPI/D-Bus objects, `--inventory` entries), or more than one. In file-only mode, `sameFileOnly` (default `true`): also report a bare name that no label, option, glossary term or object of this file defines ("not defined in this file"); other documents are not seen in file-only mode. `` `text <target>` `` with a label-like target and bare names containing `_` (kernel-doc C symbols) are never reported on that ground.',
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
      {
        title: 'whole tree: a label and a glossary term of other documents',
        path: 'docs/system/boot.rst',
        input: 'Boot\n====\n\nSee `boot-order` and `Guest Agent`.\n',
        tree: {
          'docs/index.rst': '.. toctree::\n\n   system/boot\n   system/devices\n',
          'docs/system/devices.rst': '.. _boot-order:\n\nBoot order\n----------\n\n.. glossary::\n\n   guest agent\n      A helper inside the guest.\n',
        },
      },
      {
        title: 'whole tree: nothing anywhere defines them',
        path: 'docs/system/boot.rst',
        input: 'Boot\n====\n\nPick `hvf` with `-accel hvf`, then `run it`; see `the notes <boot-notes>`.\n',
        tree: {'docs/index.rst': '.. toctree::\n\n   system/boot\n'},
        errors: ['4:6-4:11 unresolved', '4:17-4:29 literal', '4:36-4:44 unresolved', '4:50-4:74 unresolved'],
        output: 'Boot\n====\n\nPick `hvf` with ``-accel hvf``, then ``run it``; see `the notes <boot-notes>`.\n',
      },
      {
        title: 'whole tree: a document and a label of the same name',
        path: 'docs/system/index.rst',
        input: '.. _setup:\n\nSystem\n======\n\nRead `setup` first.\n',
        tree: {'docs/index.rst': '.. toctree::\n\n   system/index\n   system/setup\n', 'docs/system/setup.rst': 'Setup\n=====\n'},
        errors: ['6:6-6:13 ambiguous'],
      },
    ],
  },

  check(context) {
    const tree = context.file.rst
    if (!tree) return
    // This file's own targets: needed for every text in file-only mode, only for unresolved ones with a project.
    let own: ReturnType<typeof documentTargets> | undefined
    const targets = () => (own ??= documentTargets(tree))
    const project = context.project
    visit<InterpretedText>(tree, 'interpreted_text', (node) => {
      if (node.role !== null) return
      if (project) checkInTree(context, project, node, () => targets().hyperlinkTargets)
      else checkInFile(context, node, targets().anyTargets, targets().hyperlinkTargets)
    })
  },
})

type Context = RuleContext<Options>

/** Whole-tree mode: report exactly what Sphinx's `any` role cannot resolve, or resolves twice. */
function checkInTree(context: Context, project: ProjectIndex, node: InterpretedText, hyperlinkTargets: () => ReadonlyMap<string, HyperlinkTarget>): void {
  const start = node.position.start.offset ?? 0
  const end = node.position.end.offset ?? start
  const found = project.resolveAnyAllAt(context.file.path, start, node.value)
  const data = {text: node.value.replace(/\s+/g, ' ')}
  if (found.length > 1) {
    context.report({messageId: 'ambiguous', data: {...data, candidates: found.map(describeTarget).join(' or ')}, place: {start, end}})
    return
  }
  if (found.length === 1) return
  const {explicit, title, target} = splitExplicitTitle(node.value)
  if (URL.test(target)) return
  if (!explicit && hyperlinkTargets().has(normalizeName(target))) {
    context.report({messageId: 'missingUnderscore', data, place: {start, end}, fix: underscoreFix(end)})
    return
  }
  if (explicit) {
    // Sphinx shows an unresolved reference's title as code: ``title`` renders the same, but a link was meant.
    const fix: Fix = {title: 'Use an inline literal of the title', safety: 'unsafe', edits: [{start, end, text: `\`\`${unescape(title)}\`\``}]}
    context.report({messageId: 'unresolved', data, place: {start, end}, fix})
    return
  }
  const reason = codeReason(target, false)
  // A bare name may be a C, QAPI or D-Bus object whose source this tree lacks (no --inventory): then the fix is only offered.
  const safety = node.value.includes('\\') || !(reason || /\s/.test(node.value)) ? 'unsafe' : 'safe'
  const fix = literalFix(start, end, safety)
  if (reason && reason !== WHITESPACE) context.report({messageId: 'literal', data: {...data, reason}, place: {start, end}, fix})
  else context.report({messageId: 'unresolved', data, place: {start, end}, fix})
}

/** File-only mode: what the text's shape and this file's own targets tell. */
function checkInFile(context: Context, node: InterpretedText, anyTargets: ReadonlySet<string>, hyperlinkTargets: ReadonlyMap<string, HyperlinkTarget>): void {
  const sameFileOnly = context.options.sameFileOnly ?? true
  const start = node.position.start.offset ?? 0
  const end = node.position.end.offset ?? start
  const explicit = /^([\s\S]*?\S)\s*<([^<>]*)>$/.exec(node.value)
  const target = explicit ? explicit[2]! : node.value
  // `text <https://...>` without `_` belongs to missing-underscore-after-hyperlink.
  if (URL.test(target)) return
  const name = normalizeName(target)
  if (anyTargets.has(name)) return
  const data = {text: node.value.replace(/\s+/g, ' ')}
  if (!explicit && hyperlinkTargets.has(name)) {
    context.report({messageId: 'missingUnderscore', data, place: {start, end}, fix: underscoreFix(end)})
    return
  }
  const reason = codeReason(target, Boolean(explicit))
  const fixWith = (safety: Fix['safety']): Fix | undefined => (explicit ? undefined : literalFix(start, end, node.value.includes('\\') ? 'unsafe' : safety))
  // Whitespace alone does not rule out a glossary term of another document: only then is the fix unsafe.
  const safety = reason === WHITESPACE ? 'unsafe' : 'safe'
  if (reason) context.report({messageId: 'literal', data: {...data, reason}, place: {start, end}, fix: fixWith(safety)})
  else if (sameFileOnly && !explicit && !node.value.includes('_')) {
    context.report({messageId: 'undefined', data, place: {start, end}, fix: fixWith('unsafe')})
  }
}

function literalFix(start: number, end: number, safety: Fix['safety']): Fix {
  return {title: 'Use an inline literal', safety, edits: [{start, end: start, text: '`'}, {start: end, end, text: '`'}]}
}

function underscoreFix(end: number): Fix {
  return {title: 'Add the missing `_`', safety: 'safe', edits: [{start: end, end, text: '_'}]}
}

/** How Sphinx names a candidate in its warning (`std:doc`, `std:ref`, `c:function` …). */
function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'doc':
      return `the document ${target.docname}`
    case 'label':
      return `the label ${target.label.name}`
    case 'option':
      return `the option ${target.option.name}`
    case 'object':
      return `${target.object.domain}:${target.object.type} ${target.object.name}`
    default:
      return target.kind
  }
}

/** `text <https://...>` without `_` belongs to missing-underscore-after-hyperlink. */
const URL = /^(https?|ftp|mailto):/

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
