// The name and reference problems docutils reports, on hand-built trees. Each
// expectation was checked against docutils 0.19 on the matching fixture in
// fixtures/rst/transform/ (same constructs on the same lines).

import {describe, expect, it} from 'vitest'
import {Source} from '../../../src/rst/source.ts'
import {applyTransforms} from '../../../src/rst/transform/index.ts'
import type {Root} from '../../../src/rst/types.ts'
import {
  citation, citeref, comment, directive, doc, fnref, footnote, inlineTarget, para, problems, ref, section, subdef,
  subref, target, text,
} from './build.ts'

function run(root: Root, knownSubstitutions?: Iterable<string>): string[] {
  applyTransforms(root, new Source(''), knownSubstitutions ? {knownSubstitutions} : {})
  return problems(root)
}

describe('duplicate target names (parse phase)', () => {
  it('reports sections and explicit targets as docutils does (duplicate-names.rst)', () => {
    const first = section(3, 'Setup', para(6, text(6, 'words')))
    const second = section(8, 'Setup', para(11, text(11, 'words')))
    const root = doc(
      target(1, 'setup'),
      first,
      second,
      target(13, 'mirror', {refuri: 'https://example.org/a'}),
      target(14, 'mirror', {refuri: 'https://example.org/a'}),
      target(15, 'other', {refuri: 'https://example.org/b'}),
      target(16, 'other', {refuri: 'https://example.org/c'}),
      para(
        18,
        text(18, 'See '),
        ref(18, 'the docs', {refuri: 'https://example.org/docs', embedded: true}),
        ref(18, 'the docs', {refuri: 'https://example.org/docs', embedded: true}),
      ),
    )
    expect(run(root)).toEqual([
      'INFO 3 parse Duplicate implicit target name: "setup".',
      'INFO 8 parse Duplicate implicit target name: "setup".',
      'INFO 14 parse Duplicate explicit target name: "mirror".',
      'WARNING 16 parse Duplicate explicit target name: "other".',
      'INFO 18 parse Duplicate explicit target name: "the docs".',
      'INFO 1 transform Hyperlink target "setup" is not referenced.',
      'INFO 13 transform Hyperlink target "mirror" is not referenced.',
    ])
    // Names docutils moved to dupnames.
    expect((first as {names: string[]}).names).toEqual([])
    expect(first.data).toEqual({dupnames: ['setup']})
    expect((root.children[6] as {names: string[]}).names).toEqual([])
  })

  it('gives the same result when applied twice (names already moved to dupnames)', () => {
    const build = (): Root =>
      doc(
        target(1, 'dup', {refuri: 'https://example.org/1'}),
        target(2, 'dup', {refuri: 'https://example.org/2'}),
        section(4, 'Dup'),
        para(7, ref(7, 'dup')),
      )
    const once = run(build())
    const root = build()
    applyTransforms(root, new Source(''))
    root.data.problems = []
    expect(run(root)).toEqual(once)
    expect(once).toEqual([
      'WARNING 2 parse Duplicate explicit target name: "dup".',
      'INFO 4 parse Duplicate implicit target name: "dup".',
      'ERROR 7 transform Duplicate target name, cannot be used as a unique reference: "dup".',
    ])
  })

  it('keeps the first of two implicit names only as a dupname too', () => {
    const root = doc(section(1, 'Same'), section(4, 'Same'))
    expect(run(root)).toEqual(['INFO 4 parse Duplicate implicit target name: "same".'])
    expect(root.children.map((node) => (node as {names: string[]}).names)).toEqual([[], []])
  })

  it('registers :name: of docutils directives and the contents topic', () => {
    const root = doc(
      directive(1, 'note', [['name', 'Tip One']]),
      directive(4, 'contents'),
      section(6, 'Contents'),
      directive(9, 'toctree', [['name', 'ignored']]),
      directive(11, 'image', [['name', 'tip one']]),
    )
    expect(run(root)).toEqual([
      'INFO 6 parse Duplicate implicit target name: "contents".',
      'WARNING 11 parse Duplicate explicit target name: "tip one".',
    ])
  })
})

describe('references and targets (transform phase)', () => {
  it('reports unknown names, unreferenced targets and anonymous mismatches (references.rst)', () => {
    const root = doc(
      section(
        1,
        'Intro',
        para(4, ref(4, 'missing'), ref(4, 'Intro'), ref(4, 'known target')),
        target(6, 'known target', {refuri: 'https://example.org/k'}),
        target(7, 'unused', {refuri: 'https://example.org/u'}),
        target(8, 'My_Label'),
        para(10, text(10, 'after the label')),
        para(12, inlineTarget(12, 'inline spot'), ref(12, 'one', {anonymous: true}), ref(12, 'two', {anonymous: true})),
        target(14, null, {refuri: 'https://example.org/1'}),
      ),
    )
    expect(run(root)).toEqual([
      'ERROR 12 transform Anonymous hyperlink mismatch: 2 references but 1 targets.\nSee "backrefs" attribute for IDs.',
      'ERROR 4 transform Unknown target name: "missing".',
      'INFO 7 transform Hyperlink target "unused" is not referenced.',
      // A label before a paragraph moves to it; docutils names it by its id.
      'INFO 8 transform Hyperlink target "my-label" is not referenced.',
      'INFO 12 transform Hyperlink target "inline spot" is not referenced.',
    ])
  })

  it('counts a label as referenced through the node it moved to', () => {
    const root = doc(target(1, 'a_label'), section(3, 'Title', para(6, ref(6, 'a_label'))))
    expect(run(root)).toEqual([])
  })

  it('does not propagate a label into a comment, and names it by its name then', () => {
    const root = doc(target(1, 'lost_label'), comment(3), para(5, text(5, 'x')))
    expect(run(root)).toEqual(['INFO 1 transform Hyperlink target "lost_label" is not referenced.'])
  })

  it('reports references to a duplicate name', () => {
    const root = doc(section(1, 'Twice'), section(4, 'Twice', para(7, ref(7, 'Twice'))))
    expect(run(root)).toEqual([
      'INFO 4 parse Duplicate implicit target name: "twice".',
      'ERROR 7 transform Duplicate target name, cannot be used as a unique reference: "twice".',
    ])
  })

  it('resolves and reports indirect targets (indirect.rst)', () => {
    const root = doc(
      para(1, ref(1, 'alias'), ref(1, 'away', {refname: 'nowhere', embedded: true})),
      target(3, 'alias', {refname: 'real'}),
      target(4, 'real', {refuri: 'https://example.org/r'}),
      target(5, 'broken', {refname: 'absent'}),
    )
    expect(run(root)).toEqual([
      'ERROR 1 transform Indirect hyperlink target "away"  refers to target "nowhere", which does not exist.',
      'ERROR 5 transform Indirect hyperlink target "broken" (id="broken") refers to target "absent", which does not exist.',
      'ERROR 1 transform Unknown target name: "nowhere".',
      'INFO 1 transform Hyperlink target "away" is not referenced.',
      'INFO 5 transform Hyperlink target "broken" is not referenced.',
    ])
  })
})

describe('substitutions', () => {
  const tree = (): Root =>
    doc(
      para(1, subref(1, 'defined'), subref(1, 'Defined'), subref(1, 'version'), subref(1, 'missing'), subref(1, 'CONFDIR')),
      subdef(3, 'defined', text(3, 'a value')),
      subdef(4, 'defined', text(4, 'another value')),
    )

  it('reports duplicates and undefined names; Sphinx built-ins are known (substitutions.rst)', () => {
    expect(run(tree())).toEqual([
      'ERROR 4 parse Duplicate substitution definition name: "defined".',
      'ERROR 1 transform Undefined substitution referenced: "missing".',
      'ERROR 1 transform Undefined substitution referenced: "CONFDIR".',
    ])
  })

  it('takes the known names as an option', () => {
    expect(run(tree(), ['CONFDIR'])).toEqual([
      'ERROR 4 parse Duplicate substitution definition name: "defined".',
      'ERROR 1 transform Undefined substitution referenced: "version".',
      'ERROR 1 transform Undefined substitution referenced: "missing".',
    ])
  })

  it('checks references made through a substitution', () => {
    const root = doc(para(1, subref(1, 'link'), subref(1, 'link', 'named')), subdef(3, 'link', ref(3, 'nowhere')))
    expect(run(root)).toEqual([
      // The definition's reference is copied to each use (substitution-references.rst).
      'ERROR 1 transform Unknown target name: "nowhere".',
      'ERROR 1 transform Unknown target name: "link".',
      'ERROR 1 transform Unknown target name: "nowhere".',
      'ERROR 3 transform Unknown target name: "nowhere".',
    ])
  })
})

describe('footnotes and citations (footnotes.rst)', () => {
  it('numbers footnotes and reports what is left over', () => {
    const root = doc(
      para(
        1,
        fnref(1, '#'),
        fnref(1, '#'),
        fnref(1, '#note'),
        fnref(1, '3'),
        citeref(1, 'CIT2000'),
        fnref(1, '*'),
        fnref(1, '*'),
      ),
      footnote(3, '#', para(3, text(3, 'First'))),
      footnote(4, '#note', para(4, text(4, 'Named'))),
      footnote(5, '3', para(5, text(5, 'Manual'))),
      footnote(6, '*', para(6, text(6, 'Symbol'))),
    )
    expect(run(root)).toEqual([
      'ERROR 1 transform Too many autonumbered footnote references: only 1 corresponding footnotes available.',
      'ERROR 1 transform Too many symbol footnote references: only 1 corresponding footnotes available.',
      'ERROR 1 transform Unknown target name: "cit2000".',
    ])
  })

  it('resolves citations in the document', () => {
    const root = doc(para(1, citeref(1, 'Ref1')), citation(3, 'REF1', para(3, text(3, 'A book'))))
    expect(run(root)).toEqual([])
  })
})
