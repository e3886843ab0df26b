// Node types and exact positions of each block construct, on small inputs
// written for the purpose (docutils agrees on their structure: see
// oracle-fixtures.test.ts for the fixture files).

import {describe, expect, it} from 'vitest'
import {fromRst} from '../../../src/rst/index.ts'
import type {Directive, EnumeratedList, LiteralBlock, Section, Target} from '../../../src/rst/types.ts'
import {all, at, first, types} from './helpers.ts'

describe('sections', () => {
  const root = fromRst('=====\n Top\n=====\n\nSub\n---\n\nText.\n\n====\nNext\n====\n\n----\n\nEnd.\n')
  it('nests by style order and keeps names and styles', () => {
    const sections = all(root, 'section') as Section[]
    expect(sections.map((s) => [s.names[0], s.level, s.style, at(s.position)])).toEqual([
      ['top', 1, '==', '1:1-8:6'],
      ['sub', 2, '-', '5:1-8:6'],
      ['next', 1, '==', '10:1-16:5'],
    ])
    expect(at(first(root, 'title').position)).toBe('2:2-2:5')
  })
  it('makes transitions of long punctuation lines', () => {
    expect(at(first(root, 'transition').position)).toBe('14:1-14:5')
  })
})

describe('paragraphs and literal blocks', () => {
  it('expands `::` and keeps the literal text', () => {
    const root = fromRst('Example::\n\n    code line\n      deeper\n\nAfter.\n')
    expect(types(root.children)).toEqual(['paragraph', 'literal_block', 'paragraph'])
    const literal = root.children[1] as LiteralBlock
    expect(literal.value).toBe('code line\n  deeper')
    expect(at(literal.position)).toBe('3:5-4:13')
    expect(at(root.children[0]!.position)).toBe('1:1-1:10')
  })
  it('drops a lone `::` paragraph', () => {
    const root = fromRst('::\n\n  text\n')
    expect(types(root.children)).toEqual(['literal_block'])
  })
  it('reads quoted literal blocks', () => {
    const root = fromRst('Quoted::\n\n> one\n> two\n')
    const literal = root.children[1] as LiteralBlock
    expect([literal.form, literal.value, at(literal.position)]).toEqual(['quoted', '> one\n> two', '3:1-4:6'])
  })
})

describe('lists', () => {
  it('reads bullet lists with item spans', () => {
    const root = fromRst('- one\n- two\n  more\n')
    const list = first(root, 'bullet_list')
    expect(list.bullet).toBe('-')
    expect(list.children.map((item) => at(item.position))).toEqual(['1:1-1:6', '2:1-3:7'])
  })
  it('reads enumerated lists of every sequence', () => {
    const root = fromRst('3) c\n4) d\n\n(ii) x\n(iii) y\n\nA. first\nB. second\n\n#. auto\n#. auto\n')
    const lists = all(root, 'enumerated_list') as EnumeratedList[]
    expect(lists.map((l) => [l.enumtype, l.prefix, l.suffix, l.start, l.children.length])).toEqual([
      ['arabic', '', ')', 3, 2],
      ['lowerroman', '(', ')', 2, 2],
      // `#.` continues any sequence.
      ['upperalpha', '', '.', 1, 4],
    ])
  })
  it('treats an enumerator not followed by a list line as text', () => {
    const root = fromRst('A. Einstein was\nborn in Ulm.\n')
    expect(types(root.children)).toEqual(['paragraph'])
  })
})

describe('definition, field and option lists', () => {
  it('splits classifiers', () => {
    const root = fromRst('word : noun : common\n   A definition.\n')
    const item = first(root, 'definition_list_item')
    expect(item.children.map((c) => [c.type, at(c.position)])).toEqual([
      ['term', '1:1-1:5'],
      ['classifier', '1:8-1:12'],
      ['classifier', '1:15-1:21'],
      ['definition', '2:4-2:17'],
    ])
  })
  it('reads fields with names and bodies', () => {
    const root = fromRst(':Name: value\n   more\n:Flag:\n')
    const fields = all(root, 'field')
    expect(fields.map((f) => at(f.position))).toEqual(['1:1-2:8', '3:1-3:7'])
    expect(at(first(root, 'field_name').position)).toBe('1:2-1:6')
  })
  it('reads options with arguments and delimiters', () => {
    const root = fromRst('-f FILE, --file=FILE  input\n')
    const args = all(root, 'option_argument').map((a) => a.type === 'option_argument' && [a.value, a.delimiter, at(a.position)])
    expect(args).toEqual([
      ['FILE', ' ', '1:4-1:8'],
      ['FILE', '=', '1:17-1:21'],
    ])
  })
})

describe('line blocks, block quotes, doctests', () => {
  it('nests line blocks by indentation', () => {
    const root = fromRst('| a\n|   b\n| c\n')
    const block = first(root, 'line_block')
    expect(types(block.children)).toEqual(['line', 'line_block', 'line'])
  })
  it('splits attributions', () => {
    const root = fromRst('  Quote.\n\n  -- Someone\n')
    const quote = first(root, 'block_quote')
    expect(types(quote.children)).toEqual(['paragraph', 'attribution'])
    expect(at(first(root, 'attribution').position)).toBe('3:3-3:13')
  })
  it('reads doctest blocks to the blank line', () => {
    const root = fromRst('>>> 1 + 1\n2\n\nText.\n')
    expect(at(first(root, 'doctest_block').position)).toBe('1:1-2:2')
  })
})

describe('explicit markup', () => {
  it('reads footnotes, citations and targets', () => {
    const root = fromRst('.. [#] auto\n.. [*] symbol\n.. [Label] cite\n.. _a b: http://x/\n   y\n.. _c: `a b`_\n__ http://anon/\n')
    expect(types(root.children)).toEqual(['footnote', 'footnote', 'citation', 'target', 'target', 'target'])
    const targets = all(root, 'target') as Target[]
    expect(targets.map((t) => [t.names, t.refuri, t.refname, t.anonymous])).toEqual([
      [['a b'], 'http://x/y', undefined, undefined],
      [['c'], undefined, 'a b', undefined],
      [[], 'http://anon/', undefined, true],
    ])
    expect(at(targets[0]!.position)).toBe('4:1-5:5')
  })
  it('puts the directive of a substitution definition inside it', () => {
    const root = fromRst('.. |x| replace:: the text\n')
    const definition = first(root, 'substitution_definition')
    expect(definition.name).toBe('x')
    expect((definition.children[0] as Directive).name).toBe('replace')
  })
  it('reads comments, including the empty comment', () => {
    const root = fromRst('.. a comment\n   goes on\n\n..\n\n  quoted\n')
    expect(types(root.children)).toEqual(['comment', 'comment', 'block_quote'])
    expect(root.children[0]!.type === 'comment' && root.children[0].value).toBe('a comment\ngoes on')
  })
})

describe('directives', () => {
  it('splits argument, options and content', () => {
    const root = fromRst('.. code-block:: python\n   :linenos:\n   :caption: A caption\n\n   print(1)\n')
    const node = first(root, 'directive')
    expect([node.name, node.argument, node.body, node.content]).toEqual(['code-block', 'python', 'raw', 'print(1)'])
    expect(node.options.map((o) => [o.name, o.value, at(o.position)])).toEqual([
      ['linenos', '', '2:4-2:13'],
      ['caption', 'A caption', '3:4-3:23'],
    ])
    expect(at(node.namePosition)).toBe('1:4-1:14')
    expect(at(node.argumentPosition!)).toBe('1:17-1:23')
    expect(at(node.contentPosition!)).toBe('5:4-5:12')
  })
  it('takes text after `::` as content when there are no arguments', () => {
    const root = fromRst('.. Note:: Mind\n   this.\n')
    const node = first(root, 'directive')
    expect([node.name, node.argument, node.content, types(node.children)]).toEqual(['Note', '', 'Mind\nthis.', ['paragraph']])
  })
  it('parses rst bodies and keeps raw ones', () => {
    const root = fromRst('.. only:: html\n\n   - item\n\n.. toctree::\n\n   page\n')
    const [only, toctree] = all(root, 'directive') as Directive[]
    expect([only!.body, types(only!.children)]).toEqual(['rst', ['bullet_list']])
    expect([toctree!.body, toctree!.content, toctree!.children.length]).toEqual(['raw', 'page', 0])
  })
  it('turns qmp-example with :annotated: into rst', () => {
    const root = fromRst('.. qmp-example::\n   :annotated:\n\n   Some text.\n')
    expect(first(root, 'directive').body).toBe('rst')
  })
  it('keeps the inline nodes of parsed-literal', () => {
    const node = first(fromRst('.. parsed-literal::\n\n   a *b*\n'), 'directive')
    expect(Array.isArray(node.data?.inline)).toBe(true)
  })
})

describe('positions map through tabs', () => {
  it('maps expanded columns back to offsets', () => {
    const root = fromRst('Term\n\tdefinition\n')
    expect(at(first(root, 'definition').position)).toBe('2:2-2:12')
  })
})

describe('tables and depth', () => {
  it('hands grid and simple tables to the table parser', () => {
    const root = fromRst('- +---+---+\n  | a | b |\n  +---+---+\n\n===  ===\nx    y\n===  ===\n')
    expect(all(root, 'table').map((table) => at(table.position))).toEqual(['1:3-3:12', '5:1-7:9'])
  })
  it('stops nesting at the depth guard with a literal block', () => {
    const root = fromRst('- '.repeat(150) + 'deep\n')
    expect(all(root, 'list_item').length).toBe(100)
    expect(first(root, 'literal_block').value).toBe('- '.repeat(50) + 'deep')
  })
})
