// Hand-built trees for the transform tests: just the nodes and fields the
// transforms read, each placed on a line, so the tests do not depend on the
// block and inline parsers.

import type {Inline, Position, Problem, Root, RstNode} from '../../../src/rst/types.ts'

type Any = Record<string, unknown>

export function at(line: number, column = 1, endColumn = column + 1): Position {
  return {start: {line, column, offset: 0}, end: {line, column: endColumn, offset: 0}}
}

function norm(name: string): string {
  return name.toLowerCase().split(/\s+/).filter(Boolean).join(' ')
}

export function doc(...children: RstNode[]): Root {
  return {type: 'document', children, position: at(1), data: {problems: []}} as unknown as Root
}

export function text(line: number, value: string): Inline {
  return {type: 'text', value, position: at(line)} as Inline
}

export function section(line: number, title: string, ...children: RstNode[]): RstNode {
  const heading = {type: 'title', position: at(line), children: [text(line, title)]}
  return {type: 'section', level: 1, style: '=', names: [norm(title)], position: at(line), children: [heading, ...children]} as unknown as RstNode
}

export function para(line: number, ...children: Inline[]): RstNode {
  return {type: 'paragraph', position: at(line), children} as unknown as RstNode
}

export function target(line: number, name: string | null, link: {refuri?: string; refname?: string} = {}): RstNode {
  const node: Any = {type: 'target', names: name === null ? [] : [norm(name)], position: at(line), ...link}
  if (name === null) node.anonymous = true
  return node as unknown as RstNode
}

export function ref(
  line: number,
  words: string,
  link: {refname?: string; refuri?: string; anonymous?: boolean; embedded?: boolean} = {},
): Inline {
  const node: Any = {type: 'reference', position: at(line), children: [text(line, words)]}
  if (link.refname !== undefined) node.refname = link.refname
  if (link.refuri !== undefined) node.refuri = link.refuri
  if (link.anonymous) node.anonymous = true
  if (link.embedded) node.embeddedPosition = at(line, 20)
  if (link.refname === undefined && link.refuri === undefined && !link.anonymous) node.refname = norm(words)
  return node as unknown as Inline
}

export function inlineTarget(line: number, words: string): Inline {
  return {type: 'inline_target', names: [norm(words)], position: at(line), children: [text(line, words)]} as unknown as Inline
}

export function subref(line: number, name: string, reference?: 'named' | 'anonymous'): Inline {
  const node: Any = {type: 'substitution_reference', refname: name, position: at(line), children: [text(line, name)]}
  if (reference) node.reference = reference
  return node as unknown as Inline
}

export function subdef(line: number, name: string, ...children: Inline[]): RstNode {
  return {type: 'substitution_definition', name, position: at(line), children} as unknown as RstNode
}

export function footnote(line: number, label: string, ...children: RstNode[]): RstNode {
  const node: Any = {type: 'footnote', label, names: [], position: at(line), children}
  if (label.startsWith('#')) {
    node.auto = '1'
    if (label.length > 1) node.names = [norm(label.slice(1))]
  } else if (label === '*') {
    node.auto = '*'
  } else {
    node.names = [norm(label)]
  }
  return node as unknown as RstNode
}

export function fnref(line: number, label: string): Inline {
  const node: Any = {type: 'footnote_reference', label, position: at(line)}
  if (label.startsWith('#')) {
    node.auto = '1'
    if (label.length > 1) node.refname = norm(label.slice(1))
  } else if (label === '*') {
    node.auto = '*'
  } else {
    node.refname = norm(label)
  }
  return node as unknown as Inline
}

export function citation(line: number, label: string, ...children: RstNode[]): RstNode {
  return {type: 'citation', label, names: [norm(label)], position: at(line), children} as unknown as RstNode
}

export function citeref(line: number, label: string): Inline {
  return {type: 'citation_reference', label, refname: norm(label), position: at(line)} as unknown as Inline
}

export function directive(line: number, name: string, options: Array<[string, string]> = [], ...children: RstNode[]): RstNode {
  return {
    type: 'directive',
    name,
    argument: '',
    options: options.map(([key, value]) => ({name: key, value, position: at(line + 1)})),
    content: '',
    body: 'rst',
    namePosition: at(line),
    position: at(line),
    children,
  } as unknown as RstNode
}

export function comment(line: number): RstNode {
  return {type: 'comment', value: 'x', position: at(line)} as unknown as RstNode
}

/** Problems as `LEVEL line phase text` lines, in the order they were reported. */
export function problems(root: Root): string[] {
  const names = {1: 'INFO', 2: 'WARNING', 3: 'ERROR', 4: 'SEVERE'} as const
  return root.data.problems.map((p: Problem) => `${names[p.level]} ${p.position.start.line} ${p.phase} ${p.text}`)
}
