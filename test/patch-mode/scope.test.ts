// The pieces that keep patch mode fast and faithful: which documents the
// index parses (and how much of them), the names a linted file references,
// and the repair of a mailer's whitespace damage before linting.

import {describe, expect, test} from 'vitest'
import {referencedNames, selectDocs, skeleton} from '../../src/lint/parse-scope.ts'
import {flatten, runPatch, TREE} from './helpers.ts'

describe('referencedNames', () => {
  test('backquoted spans, explicit targets, no literals', () => {
    const text = 'See `Boot Order`, :ref:`the guide <setup-guide>`, :c:func:`~frob_init`\nand ``not-this`` or `-M  pc`.\n'
    expect([...referencedNames(text)]).toEqual(['boot order', 'setup-guide', 'frob_init', '-m pc'])
  })
})

describe('skeleton', () => {
  test('keeps leading fields and toctree/source directives, dedented with their blocks', () => {
    const text = [
      ':orphan:',
      '',
      'Title',
      '=====',
      '',
      'Prose with `refs`.',
      '',
      '.. only:: html',
      '',
      '   .. toctree::',
      '      :hidden:',
      '',
      '      one',
      '      two',
      '',
      '   Back in the only block.',
      '',
      '.. kernel-doc:: include/frob.h',
      '',
      'More prose.',
      '',
    ].join('\n')
    expect(skeleton(text)).toBe(':orphan:\n\n.. toctree::\n   :hidden:\n\n   one\n   two\n\n\n.. kernel-doc:: include/frob.h\n\n')
    expect(skeleton(text, false)).toBe(':orphan:\n\n.. toctree::\n   :hidden:\n\n   one\n   two\n\n')
  })
})

describe('selectDocs', () => {
  const texts: Record<string, string> = {
    'docs/index.rst': 'Top\n===\n\n.. toctree::\n\n   a\n   b\n',
    'docs/a.rst': 'A\n=\n\nSee `b-label` and `frob`.\n',
    'docs/b.rst': '.. _b-label:\n\nB\n=\n',
    'docs/c.rst': '.. _c-label:\n\nC\n=\n\n.. include:: part.rst.inc\n',
    'docs/d.rst': ':orphan:\n\nD\n=\n\n.. option:: frob\n',
    'docs/part.rst.inc': 'Part.\n',
    'docs/e.rst': 'E\n=\n\n.. kernel-doc:: include/e.h\n',
  }
  const read = (path: string) => texts[path]
  const docs = Object.keys(texts)

  test('whole for linted files and definers of referenced names, graph for toctrees and orphans', () => {
    const modes = selectDocs({docs, read, linted: ['docs/a.rst'], gone: [], list: docs})
    expect(Object.fromEntries(modes)).toEqual({'docs/a.rst': 'whole', 'docs/b.rst': 'whole', 'docs/d.rst': 'whole', 'docs/index.rst': 'graph'})
  })

  test('includers of a vanished file, with what they include', () => {
    const modes = selectDocs({docs, read, linted: [], gone: ['docs/part.rst.inc'], list: docs})
    expect(modes.get('docs/c.rst')).toBe('whole')
  })

  test('a document whose kernel-doc source defines a referenced name', () => {
    const withSource = (path: string) => (path === 'include/e.h' ? '/**\n * frob() - turn the crank\n */\nvoid frob(void);\n' : read(path))
    const modes = selectDocs({docs, read: withSource, linted: ['docs/a.rst'], gone: [], list: [...docs, 'include/e.h']})
    expect(modes.get('docs/e.rst')).toBe('skeleton')
  })
})

describe('whitespace damage', () => {
  test('a toctree entry whose indentation a mailer squeezed is linted where it was meant to be', async () => {
    const diff = [
      'diff --git a/docs/tools/index.rst b/docs/tools/index.rst',
      '--- a/docs/tools/index.rst',
      '+++ b/docs/tools/index.rst',
      '@@ -3,4 +3,5 @@ Tools',
      ' ',
      ' .. toctree::',
      ' ',
      ' crank',
      '+ lever',
      'diff --git a/docs/tools/lever.rst b/docs/tools/lever.rst',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/docs/tools/lever.rst',
      '@@ -0,0 +1,4 @@',
      '+.. SPDX-License-Identifier: GPL-2.0-or-later',
      '+',
      '+The lever tool',
      '+==============',
      '',
    ].join('\n')
    const {code, stdout, stderr} = await runPatch(['--tree', TREE, '--format', 'json', '-'], diff)
    expect(stderr).toContain('whitespace is probably damaged')
    // Only the missing MAINTAINERS entry: no orphan, no broken toctree.
    expect(flatten(stdout).map((m) => `${m.path}:${m.line} ${m.ruleId}`)).toEqual(['docs/tools/lever.rst:1 maintainers-uncovered'])
    expect(code).toBe(0)
  })
})
