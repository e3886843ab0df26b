// parseInline at exact positions: every construct, its sub-spans (role,
// value, embedded target), spans across lines, tabs, CRLF, indented blocks,
// escapes, the recognition rules, and the warnings with docutils' wording.

import {describe, expect, it} from 'vitest'
import {parseInline} from '../../../src/rst/inline/index.ts'
import type {Line} from '../../../src/rst/lines.ts'
import {Source} from '../../../src/rst/source.ts'
import type {Inline, Problem} from '../../../src/rst/types.ts'
import {contextFor, parse, span} from './helpers.ts'

/** `type[value]@span` per node, compact. */
function summary(nodes: Inline[]): string[] {
  return nodes.map((node) => {
    let value = ''
    if ('value' in node) value = node.value
    else if ('children' in node) value = node.children.map((child) => child.value).join('')
    else if (node.type === 'footnote_reference' || node.type === 'citation_reference') value = node.label
    return `${node.type}[${value}]@${span(node)}`
  })
}

function only<T extends Inline['type']>(nodes: Inline[], type: T): Extract<Inline, {type: T}> {
  const found = nodes.filter((node) => node.type === type)
  expect(found).toHaveLength(1)
  return found[0] as Extract<Inline, {type: T}>
}

describe('simple inline markup', () => {
  it('emphasis, strong and literal with their spans', () => {
    const {nodes} = parse('A *b* **c** ``d e``.')
    expect(summary(nodes)).toEqual([
      'text[A ]@1:1-1:3',
      'emphasis[b]@1:3-1:6',
      'text[ ]@1:6-1:7',
      'strong[c]@1:7-1:12',
      'text[ ]@1:12-1:13',
      'literal[d e]@1:13-1:20',
      'text[.]@1:20-1:21',
    ])
    const emphasis = only(nodes, 'emphasis')
    expect(span(emphasis.children[0]!)).toBe('1:4-1:5')
    expect(emphasis.position.start.offset).toBe(2)
    expect(emphasis.position.end.offset).toBe(5)
  })

  it('no nesting: emphasis inside strong stays text', () => {
    const {nodes} = parse('**a *b* c**')
    expect(summary(nodes)).toEqual(['strong[a *b* c]@1:1-1:12'])
  })

  it('markup across a line break', () => {
    const {nodes} = parse('x *one\ntwo* ``three\nfour`` y')
    expect(summary(nodes)).toEqual([
      'text[x ]@1:1-1:3',
      'emphasis[one\ntwo]@1:3-2:5',
      'text[ ]@2:5-2:6',
      'literal[three\nfour]@2:6-3:7',
      'text[ y]@3:7-3:9',
    ])
  })

  it('an end-string followed by a letter does not end the literal', () => {
    const {nodes, problems} = parse('``pentium3``or later')
    expect(summary(nodes)).toEqual(['text[``]@1:1-1:3', 'text[pentium3``or later]@1:3-1:21'])
    expect(nodes[0]?.data).toEqual({problematic: true})
    expect(problems.map((problem) => [problem.level, problem.text, span(problem)])).toEqual([
      [2, 'Inline literal start-string without end-string.', '1:1-1:3'],
    ])
  })

  it('a literal ends at a later valid end-string', () => {
    expect(summary(parse('``a``b`` c').nodes)).toEqual(['literal[a``b]@1:1-1:9', 'text[ c]@1:9-1:11'])
  })
})

describe('recognition rules', () => {
  it('quoted start-strings are text, without warning', () => {
    const {nodes, problems} = parse(`'*' "*" (*) [*] {*} <*> «*» x`)
    expect(summary(nodes)).toEqual([`text['*' "*" (*) [*] {*} <*> «*» x]@1:1-1:30`])
    expect(problems).toEqual([])
  })

  it('start-strings inside words are text', () => {
    expect(summary(parse('a*b* c``d`` e`f` g|h|').nodes)).toEqual(['text[a*b* c``d`` e`f` g|h|]@1:1-1:22'])
  })

  it('markup after opening punctuation and Unicode delimiters', () => {
    const {nodes} = parse('(*a*) «*b*» —*c*— x')
    expect(summary(nodes).filter((entry) => entry.startsWith('emphasis'))).toEqual([
      'emphasis[a]@1:2-1:5',
      'emphasis[b]@1:8-1:11',
      'emphasis[c]@1:14-1:17',
    ])
  })

  it('an end-string must be followed by space or punctuation', () => {
    const {nodes, problems} = parse('*a*b c')
    expect(summary(nodes)).toEqual(['text[*]@1:1-1:2', 'text[a*b c]@1:2-1:7'])
    expect(problems[0]?.text).toBe('Inline emphasis start-string without end-string.')
  })

  it('a start-string followed by whitespace is text', () => {
    const {nodes, problems} = parse('a * b ** c `` d ` e')
    expect(nodes).toHaveLength(1)
    expect(problems).toEqual([])
  })

  it('the scan restarts right after an unmatched start-string, as at start of text', () => {
    const {nodes} = parse('a ``*y* z')
    expect(summary(nodes)).toEqual(['text[a ]@1:1-1:3', 'text[``]@1:3-1:5', 'emphasis[y]@1:5-1:8', 'text[ z]@1:8-1:10'])
  })

  it('an end-string followed by a backquote is no end-string', () => {
    expect(summary(parse('*a*`b` x').nodes)[0]).toBe('text[*]@1:1-1:2')
  })
})

describe('interpreted text', () => {
  it('default role: role null', () => {
    const node = only(parse('see `Vid` here').nodes, 'interpreted_text')
    expect(node.role).toBeNull()
    expect(node.roleSide).toBeUndefined()
    expect(node.value).toBe('Vid')
    expect(span(node)).toBe('1:5-1:10')
    expect(span({position: node.valuePosition})).toBe('1:6-1:9')
  })

  it('prefix role with a domain', () => {
    const node = only(parse('x :qapi:type:`Foo` y').nodes, 'interpreted_text')
    expect([node.role, node.roleSide, node.value]).toEqual(['qapi:type', 'prefix', 'Foo'])
    expect(span(node)).toBe('1:3-1:19')
    expect(span({position: node.rolePosition!})).toBe('1:3-1:14')
    expect(span({position: node.valuePosition})).toBe('1:15-1:18')
  })

  it('suffix role', () => {
    const node = only(parse('`f`:c:func: y').nodes, 'interpreted_text')
    expect([node.role, node.roleSide, node.value]).toEqual(['c:func', 'suffix', 'f'])
    expect(span(node)).toBe('1:1-1:12')
    expect(span({position: node.rolePosition!})).toBe('1:4-1:12')
  })

  it('role names with . - _ +', () => {
    const roles = parse(':a.b:`1` :c-d:`2` :e_f:`3` :g+h:`4`')
      .nodes.filter((node) => node.type === 'interpreted_text')
      .map((node) => (node.type === 'interpreted_text' ? node.role : ''))
    expect(roles).toEqual(['a.b', 'c-d', 'e_f', 'g+h'])
  })

  it('an option inside backquotes keeps its spaces and dash', () => {
    const node = only(parse('use `-M isapc` now').nodes, 'interpreted_text')
    expect(node.value).toBe('-M isapc')
    expect(span(node)).toBe('1:5-1:15')
  })

  it('value is raw: backslashes kept', () => {
    expect(only(parse('`a\\*b`').nodes, 'interpreted_text').value).toBe('a\\*b')
  })

  it('both roles: a warning over the whole construct', () => {
    const {nodes, problems} = parse('x :a:`t`:b: y')
    expect(summary(nodes)).toEqual(['text[x ]@1:1-1:3', 'text[:a:`t`:b:]@1:3-1:12', 'text[ y]@1:12-1:14'])
    expect(problems.map((problem) => [problem.text, span(problem)])).toEqual([
      ['Multiple roles in interpreted text (both prefix and suffix present; only one allowed).', '1:3-1:12'],
    ])
  })

  it('role and reference suffix: mismatch warnings', () => {
    const {problems} = parse(':a:`t`_ and `u`:b:_ z')
    expect(problems.map((problem) => [problem.text, span(problem)])).toEqual([
      ['Mismatch: both interpreted text role prefix and reference suffix.', '1:1-1:8'],
      ['Mismatch: both interpreted text role suffix and reference suffix.', '1:13-1:20'],
    ])
  })

  it('an unclosed backquote after a role leaves the role as text', () => {
    const {nodes, problems} = parse(':ref:`open')
    expect(summary(nodes)).toEqual(['text[:ref:]@1:1-1:6', 'text[`]@1:6-1:7', 'text[open]@1:7-1:11'])
    expect(problems.map((problem) => [problem.text, span(problem)])).toEqual([
      ['Inline interpreted text or phrase reference start-string without end-string.', '1:6-1:7'],
    ])
  })
})

describe('hyperlink references', () => {
  it('simple names, normalized', () => {
    const {nodes} = parse('Foo_ a.b-c_ anon__ some_name_')
    const references = nodes.filter((node) => node.type === 'reference')
    expect(references.map((node) => [node.refname, node.anonymous, span(node)])).toEqual([
      ['foo', undefined, '1:1-1:5'],
      ['a.b-c', undefined, '1:6-1:12'],
      [undefined, true, '1:13-1:19'],
      ['some_name', undefined, '1:20-1:30'],
    ])
    expect(span(references[0]!.children[0]!)).toBe('1:1-1:4')
  })

  it('phrase references: whitespace collapsed, lowercased', () => {
    const node = only(parse('`Big   Phrase\nHere`_').nodes, 'reference')
    expect(node.refname).toBe('big phrase here')
    expect(node.children[0]?.value).toBe('Big   Phrase\nHere')
    expect(span(node)).toBe('1:1-2:7')
  })

  it('embedded URI', () => {
    const node = only(parse('See `the site <https://example.org/>`_.').nodes, 'reference')
    expect(node.refuri).toBe('https://example.org/')
    expect(node.refname).toBeUndefined()
    expect(span(node)).toBe('1:5-1:39')
    expect(span({position: node.embeddedPosition!})).toBe('1:15-1:37')
    expect(node.children[0]?.value).toBe('the site')
    expect(span(node.children[0]!)).toBe('1:6-1:14')
  })

  it('embedded alias', () => {
    const node = only(parse('`text <Other Target_>`_').nodes, 'reference')
    expect(node.refname).toBe('other target')
    expect(node.refuri).toBeUndefined()
    expect(span({position: node.embeddedPosition!})).toBe('1:7-1:22')
  })

  it('embedded URI only: the URI is the text', () => {
    const node = only(parse('`<https://example.org>`__').nodes, 'reference')
    expect(node.refuri).toBe('https://example.org')
    expect(node.children[0]?.value).toBe('https://example.org')
  })

  it('embedded e-mail gets mailto:, embedded URI loses unescaped whitespace', () => {
    const nodes = parse('`a <me@example.org>`_ and `b <https://x.org/a\nb>`_').nodes.filter((node) => node.type === 'reference')
    expect(nodes.map((node) => node.refuri)).toEqual(['mailto:me@example.org', 'https://x.org/ab'])
  })

  it('inline target', () => {
    const node = only(parse('an _`Inline  Target` here').nodes, 'inline_target')
    expect(node.names).toEqual(['inline target'])
    expect(span(node)).toBe('1:4-1:21')
    expect(span(node.children[0]!)).toBe('1:6-1:20')
  })
})

describe('footnotes, citations, substitutions', () => {
  it('footnote references of every kind', () => {
    const refs = parse('[1]_ [#]_ [#Note]_ [*]_').nodes.filter((node) => node.type === 'footnote_reference')
    expect(refs.map((node) => [node.label, node.auto, node.refname, span(node)])).toEqual([
      ['1', undefined, '1', '1:1-1:5'],
      ['#', '1', undefined, '1:6-1:10'],
      ['#Note', '1', 'note', '1:11-1:19'],
      ['*', '*', undefined, '1:20-1:24'],
    ])
  })

  it('citation reference', () => {
    const node = only(parse('[CIT2002]_').nodes, 'citation_reference')
    expect([node.label, node.refname, span(node)]).toEqual(['CIT2002', 'cit2002', '1:1-1:11'])
  })

  it('substitution references, plain and as references', () => {
    const refs = parse('|VERSION| |a  b|_ |c|__').nodes.filter((node) => node.type === 'substitution_reference')
    expect(refs.map((node) => [node.refname, node.reference, span(node)])).toEqual([
      ['VERSION', undefined, '1:1-1:10'],
      ['a b', 'named', '1:11-1:18'],
      ['c', 'anonymous', '1:19-1:24'],
    ])
  })
})

describe('standalone URIs and e-mail addresses', () => {
  it('trailing punctuation is left out', () => {
    const {nodes} = parse('Go to http://a.example/x. Or (https://b.example/y), ok')
    const refs = nodes.filter((node) => node.type === 'reference')
    expect(refs.map((node) => [node.refuri, span(node)])).toEqual([
      ['http://a.example/x', '1:7-1:25'],
      ['https://b.example/y', '1:31-1:50'],
    ])
  })

  it('e-mail addresses get mailto:', () => {
    const node = only(parse('Write to dev@example.org.').nodes, 'reference')
    expect(node.refuri).toBe('mailto:dev@example.org')
    expect(span(node)).toBe('1:10-1:25')
  })

  it('an unknown scheme first makes the whole text plain, as in docutils', () => {
    expect(parse('bus:addr http://x.org').nodes.map((node) => node.type)).toEqual(['text'])
    expect(parse('http://x.org bus:addr').nodes.map((node) => node.type)).toEqual(['reference', 'text'])
  })
})

describe('escapes', () => {
  it('escaped start-strings are text and the backslash disappears', () => {
    const {nodes} = parse('\\*a\\* and \\`b\\`')
    expect(summary(nodes)).toEqual(['text[*a* and `b`]@1:1-1:16'])
  })

  it('backslash-space disappears and allows markup inside words', () => {
    const {nodes} = parse('un\\ *stress*\\ ed')
    expect(summary(nodes)).toEqual(['text[un]@1:1-1:5', 'emphasis[stress]@1:5-1:13', 'text[ed]@1:13-1:17'])
  })

  it('a literal keeps its backslashes and may end after one', () => {
    expect(summary(parse('``C:\\`` x').nodes)).toEqual(['literal[C:\\]@1:1-1:8', 'text[ x]@1:8-1:10'])
  })

  it('an escaped end-string does not end the emphasis', () => {
    expect(summary(parse('*a\\* b*').nodes)).toEqual(['emphasis[a* b]@1:1-1:8'])
  })
})

describe('positions in the original file', () => {
  it('tabs before the markup (expanded columns map back to offsets)', () => {
    const {nodes} = parse('a\tb *c* ``d``')
    // The line is `a` + tab (to column 8) + `b *c* ...`; offsets count the tab as one character.
    expect(summary(nodes)).toEqual(['text[a       b ]@1:1-1:5', 'emphasis[c]@1:5-1:8', 'text[ ]@1:8-1:9', 'literal[d]@1:9-1:14'])
    expect(only(nodes, 'emphasis').position.start.offset).toBe(4)
  })

  it('CRLF line endings', () => {
    const {nodes} = parse('one *two*\r\nthree ``four``\r\n')
    expect(summary(nodes)).toEqual([
      'text[one ]@1:1-1:5',
      'emphasis[two]@1:5-1:10',
      'text[\nthree ]@1:10-2:7',
      'literal[four]@2:7-2:15',
    ])
    expect(only(nodes, 'literal').position.start.offset).toBe(17)
  })

  it('lines of an indented block (block parser passes dedented lines)', () => {
    const source = new Source('- item *one*\n  and ``two``\n')
    const lines: Line[] = [
      {text: 'item *one*', line: 0, col: 2},
      {text: 'and ``two``', line: 1, col: 2},
    ]
    const problems: Problem[] = []
    const nodes = parseInline(lines, contextFor(source, problems))
    expect(summary(nodes)).toEqual(['text[item ]@1:3-1:8', 'emphasis[one]@1:8-1:13', 'text[\nand ]@1:13-2:7', 'literal[two]@2:7-2:14'])
  })

  it('a tab-indented block', () => {
    const source = new Source('\t*x* y\n')
    const lines: Line[] = [{text: '*x* y', line: 0, col: 8}]
    const nodes = parseInline(lines, contextFor(source, []))
    expect(summary(nodes)).toEqual(['emphasis[x]@1:2-1:5', 'text[ y]@1:5-1:7'])
  })

  it('characters outside the BMP count as two UTF-16 units', () => {
    const {nodes} = parse('😀 *x* y')
    expect(summary(nodes)).toEqual(['text[😀 ]@1:1-1:4', 'emphasis[x]@1:4-1:7', 'text[ y]@1:7-1:9'])
  })

  it('empty input gives no nodes', () => {
    expect(parse('').nodes).toEqual([])
    expect(parseInline([], contextFor(new Source(''), []))).toEqual([])
  })
})

describe('warnings', () => {
  const cases: Array<[string, string, string]> = [
    ['a *b', 'Inline emphasis start-string without end-string.', '1:3-1:4'],
    ['a **b', 'Inline strong start-string without end-string.', '1:3-1:5'],
    ['a ``b', 'Inline literal start-string without end-string.', '1:3-1:5'],
    ['a `b', 'Inline interpreted text or phrase reference start-string without end-string.', '1:3-1:4'],
    ['a _`b', 'Inline target start-string without end-string.', '1:3-1:5'],
    ['a |b', 'Inline substitution_reference start-string without end-string.', '1:3-1:4'],
  ]
  for (const [input, message, where] of cases) {
    it(message, () => {
      const {problems} = parse(input)
      expect(problems.map((problem) => [problem.level, problem.text, span(problem), problem.phase])).toEqual([
        [2, message, where, 'parse'],
      ])
    })
  }
})

describe('long inputs stay linear (each would take minutes if quadratic)', () => {
  const size = 200_000
  it('many start-strings without end-strings', () => {
    const {nodes, problems} = parse('*a `b ``c |d _`e '.repeat(size / 16))
    expect(problems).toHaveLength((size / 16) * 5)
    expect(nodes.length).toBeGreaterThan(size / 16)
  })

  it('a long hyphenated word with an underscore at its end', () => {
    const {nodes} = parse('a-'.repeat(size / 2) + 'b_x')
    expect(nodes.map((node) => node.type)).toEqual(['text'])
  })

  it('long URI-like and e-mail-like runs', () => {
    expect(parse('x:'.repeat(size / 2) + '<').nodes).toHaveLength(1)
    expect(parse('a@'.repeat(size / 2)).nodes).toHaveLength(1)
    expect(parse('http://x.org/' + 'a'.repeat(size) + '<').nodes.map((node) => node.type)).toEqual(['reference', 'text'])
  })
})
