// Valid markup that looks like the defects the tree-based rules search for:
// none of them may report anything on it.

import {describe, expect, it} from 'vitest'
import {fileRules} from './lib/file-rules.ts'
import {runRule} from './lib/run-rule.ts'

const cases: Record<string, string> = {
  'roles inside literals': 'Write ``:ref:`x` y`` or ``:ref:x`` or ``the`x` y`` in code.\n',
  'colons in prose': 'At 10:30:45 the ratio was 1:2; C++ uses std::vector and a:b:c.\n',
  'links of every kind': 'See `a <https://example.org/a>`_, `b <https://example.org/b>`__, `c`_ and d_.\n\n.. _c: https://example.org/c\n.. _d: https://example.org/d\n',
  'a role with a title': 'See :ref:`the guide <guide-label>` and :kbd:`Ctrl-a c`.\n',
  'escaped suffixes': 'Several ``item``\\ s and :ref:`boot`\\ s, ``a``-``b``, (``c``).\n',
  'field lists': ':Author: Someone\n:param x: the value\n\nText.\n',
  'option lists': '-a, --all    Everything.\n--size=N     The size.\n',
  'hyphens': 'Use the -M option, a dash -- like this -\nand pre-\n\n::\n\n  line ending in a-\n  next\n',
  'a literal block after a paragraph': 'Example::\n\n    code::\n\n  indented quote\n',
  'comments': '.. this is a note to self, not a directive\n.. SPDX-License-Identifier: GPL-2.0-or-later\n',
  'substitutions': '.. |x| replace:: text\n\nUse |x| and |version|.\n',
  'C code in a code block': '.. code-block:: c\n\n   a = b`c`d;  // :ref:x\n',
  'a glossary': '.. glossary::\n\n   term\n      Meaning.\n\nSee `term`.\n',
}

describe('no false alarms on valid look-alikes', () => {
  for (const [title, text] of Object.entries(cases)) {
    it(title, () => {
      const found = fileRules.flatMap((rule) => runRule(rule, text).map((finding) => `${rule.meta.id} ${finding.where}: ${finding.message}`))
      expect(found).toEqual([])
    })
  }
})
