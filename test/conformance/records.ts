// Our syntax tree as the docutils oracle's flat record list (see
// shared/tools/ORACLE.md): the same pre-order, node names and lines, with
// directives docutils knows expanded into the nodes docutils builds for them,
// and Sphinx/QEMU directives as generic `directive` records.

import {isAnonymousEmbedded} from '../../src/rst/transform/collect.ts'
import type {Inline, Root, RstNode, Table} from '../../src/rst/types.ts'
import {directive, substitutionDirective} from './records-directives.ts'

export interface OracleRecord {
  t: string
  d: number
  l: number | null
  x?: string
  a?: Record<string, unknown>
  i?: 1
  s?: string
}

/** Roles docutils itself knows, and the node each one makes (others make `interpreted` records). */
export const docutilsRoles: Record<string, string> = {
  emphasis: 'emphasis',
  strong: 'strong',
  literal: 'literal',
  code: 'literal',
  math: 'math',
  sub: 'subscript',
  subscript: 'subscript',
  sup: 'superscript',
  superscript: 'superscript',
  'title-reference': 'title_reference',
  title: 'title_reference',
  t: 'title_reference',
  abbreviation: 'abbreviation',
  ab: 'abbreviation',
  acronym: 'acronym',
  ac: 'acronym',
  'pep-reference': 'reference',
  pep: 'reference',
  'rfc-reference': 'reference',
  rfc: 'reference',
}

export type AnyNode = RstNode & {children?: RstNode[]}

let sourceText = ''

/** `text` is the source, to tell `` `x <uri>`__ `` (no target) from `` `x <uri>`_ ``. */
export function toRecords(root: Root, text = ''): OracleRecord[] {
  sourceText = text
  const out: OracleRecord[] = [{t: 'document', d: 0, l: null}]
  for (const child of root.children) block(child, 1, out)
  return out
}

/** The `include` directives of a tree (docutils splices the file in and leaves no node). */
export function includesOf(root: Root): Array<{l: number; x: string}> {
  const out: Array<{l: number; x: string}> = []
  const walk = (node: AnyNode): void => {
    if (node.type === 'directive' && node.name.toLowerCase() === 'include') {
      out.push({l: node.position.start.line, x: node.argument})
      return
    }
    for (const child of node.children ?? []) walk(child as AnyNode)
  }
  walk(root as AnyNode)
  return out
}

export function line(node: {position?: {start: {line: number}}}): number | null {
  return node.position ? node.position.start.line : null
}

export function block(node: AnyNode, d: number, out: OracleRecord[]): void {
  switch (node.type) {
    case 'section': {
      const title = node.children[0]
      out.push({t: 'section', d, l: title?.type === 'title' ? line(title) : line(node), a: attributes(node, {level: node.level})})
      children(node, d + 1, out)
      return
    }
    case 'field_body':
    case 'description': {
      const first = node.children[0]
      out.push({t: node.type, d, l: first ? firstLine(first) : null})
      children(node, d + 1, out)
      return
    }
    case 'footnote':
    case 'citation': {
      const auto = node.type === 'footnote' && node.auto ? {auto: node.auto === '1' ? 1 : '*'} : {}
      out.push({t: node.type, d, l: line(node), a: attributes(node, auto)})
      if (node.type === 'citation' || !node.auto) out.push({t: 'label', d: d + 1, l: line(node), x: node.label})
      children(node, d + 1, out)
      return
    }
    case 'target':
      out.push({t: 'target', d, l: line(node), x: node.names.join(' '), a: attributes(node, node.anonymous ? {anonymous: 1} : {})})
      return
    case 'substitution_definition':
      out.push({t: 'substitution_definition', d, l: line(node), x: node.name, a: attributes({...node, names: [node.name.split(/\s+/).join(' ')]}, {})})
      for (const child of node.children) {
        if (child.type === 'directive') substitutionDirective(child, d + 1, out)
        else inline(child, d + 1, out)
      }
      return
    case 'literal_block':
    case 'doctest_block':
      out.push({t: node.type, d, l: line(node), x: node.value})
      return
    case 'comment':
      out.push({t: 'comment', d, l: line(node), x: node.value})
      return
    case 'table':
      table(node, d, line(node), undefined, out)
      return
    case 'directive':
      directive(node, d, out)
      return
    case 'bullet_list':
      out.push({t: node.type, d, l: line(node), a: {bullet: node.bullet}})
      children(node, d + 1, out)
      return
    case 'enumerated_list':
      out.push({
        t: node.type,
        d,
        l: line(node),
        a: {enumtype: node.enumtype, prefix: node.prefix, suffix: node.suffix, ...(node.start === 1 ? {} : {start: node.start})},
      })
      children(node, d + 1, out)
      return
    case 'option_argument':
      out.push({t: node.type, d, l: line(node), x: node.value, a: {delimiter: node.delimiter}})
      return
    case 'option_string':
      out.push({t: node.type, d, l: line(node), x: node.value})
      return
    default: {
      const record: OracleRecord = {t: node.type, d, l: line(node)}
      out.push(record)
      if (isTextElement(node.type)) {
        record.x = textOf((node.children ?? []) as Inline[])
        for (const child of (node.children ?? []) as Inline[]) inline(child, d + 1, out)
      } else {
        children(node, d + 1, out)
      }
    }
  }
}

export function children(node: AnyNode, d: number, out: OracleRecord[]): void {
  for (const child of node.children ?? []) {
    if (isInline(child.type)) inline(child as Inline, d, out)
    else block(child as AnyNode, d, out)
  }
}

/** `l` of a node whose own line docutils derives from its first child. */
export function firstLine(node: RstNode): number | null {
  if (node.type === 'section') {
    const title = node.children[0]
    return title ? line(title) : line(node)
  }
  return line(node)
}

export function table(node: Table, d: number, l: number | null, title: string | undefined, out: OracleRecord[]): void {
  out.push({t: 'table', d, l})
  if (title !== undefined) out.push({t: 'title', d: d + 1, l, x: title})
  out.push({t: 'tgroup', d: d + 1, l, a: {cols: node.colwidths.length}})
  for (const width of node.colwidths) out.push({t: 'colspec', d: d + 2, l: null, a: {colwidth: width}})
  for (const part of node.children) {
    out.push({t: part.type, d: d + 2, l: line(part)})
    for (const row of part.children) {
      out.push({t: 'row', d: d + 3, l: line(row)})
      for (const entry of row.children) {
        const spans = {...(entry.morerows ? {morerows: entry.morerows} : {}), ...(entry.morecols ? {morecols: entry.morecols} : {})}
        out.push({t: 'entry', d: d + 4, l: line(entry), a: spans})
        children(entry, d + 5, out)
      }
    }
  }
}

export function inline(node: Inline, d: number, out: OracleRecord[]): void {
  const l = line(node)
  switch (node.type) {
    case 'text':
      return
    case 'emphasis':
    case 'strong':
      out.push({t: node.type, d, l, x: textOf(node.children), i: 1})
      return
    case 'literal':
      out.push({t: 'literal', d, l, x: node.value, i: 1})
      return
    case 'interpreted_text': {
      const role = node.role === null ? 'any' : node.role.toLowerCase()
      const known = node.role === null ? undefined : docutilsRoles[role]
      if (known === 'reference') {
        const prefix = role.startsWith('pep') ? 'PEP ' : 'RFC '
        out.push({t: 'reference', d, l, x: prefix + node.value, i: 1})
      } else if (known) {
        out.push({t: known, d, l, x: unescape(node.value), i: 1})
      } else {
        out.push({t: 'interpreted', d, l, x: node.value, a: {role}, i: 1})
      }
      return
    }
    case 'reference': {
      out.push({t: 'reference', d, l, x: textOf(node.children), i: 1})
      if (node.embeddedPosition && !isAnonymousEmbedded(node, sourceText) && (node.refuri !== undefined || node.refname !== undefined)) {
        // docutils names the target after the text; a duplicate name moved to dupnames.
        const dupnames = node.data?.dupnames
        const name = normalize(textOf(node.children) || node.refuri || node.refname || '')
        const x = Array.isArray(dupnames) && dupnames.includes(name) ? '' : name
        out.push({t: 'target', d, l: line({position: node.embeddedPosition}), x, i: 1})
      }
      return
    }
    case 'footnote_reference':
      out.push({t: 'footnote_reference', d, l, x: node.auto ? '' : node.label, i: 1})
      return
    case 'citation_reference':
      out.push({t: 'citation_reference', d, l, x: node.label, i: 1})
      return
    case 'substitution_reference':
      if (node.reference) {
        out.push({t: 'reference', d, l, x: node.refname, i: 1})
        out.push({t: 'substitution_reference', d: d + 1, l, x: node.refname, i: 1})
      } else {
        out.push({t: 'substitution_reference', d, l, x: node.refname, i: 1})
      }
      return
    case 'inline_target':
      out.push({t: 'target', d, l, x: node.names.join(' '), i: 1})
      return
  }
}

/** `names` / `dupnames` as the oracle shows them (absent when empty), plus `extra`. */
export function attributes(node: {names: string[]; data?: Record<string, unknown>}, extra: Record<string, unknown>): Record<string, unknown> {
  const a: Record<string, unknown> = {}
  if (node.names.length > 0) a.names = node.names
  const dupnames = node.data?.dupnames
  if (Array.isArray(dupnames) && dupnames.length > 0) a.dupnames = dupnames
  return {...a, ...extra}
}

function isInline(type: string): boolean {
  switch (type) {
    case 'text':
    case 'emphasis':
    case 'strong':
    case 'literal':
    case 'interpreted_text':
    case 'reference':
    case 'footnote_reference':
    case 'citation_reference':
    case 'substitution_reference':
    case 'inline_target':
      return true
    default:
      return false
  }
}

function isTextElement(type: string): boolean {
  switch (type) {
    case 'paragraph':
    case 'title':
    case 'term':
    case 'classifier':
    case 'field_name':
    case 'line':
    case 'attribution':
    case 'rubric':
    case 'caption':
      return true
    default:
      return false
  }
}

export function textOf(children: readonly Inline[]): string {
  let text = ''
  for (const child of children) {
    if (child.type === 'text') text += child.value
    else if (child.type === 'literal' || child.type === 'interpreted_text') text += child.value
    else if (child.type === 'footnote_reference') text += child.auto ? '' : child.label
    else if (child.type === 'citation_reference') text += child.label
    else if ('children' in child) text += textOf(child.children as Inline[])
  }
  return text
}

function normalize(name: string): string {
  return name.toLowerCase().split(/\s+/).filter(Boolean).join(' ')
}

/** docutils' `unescape`: backslash-escaped characters stand for themselves, escaped whitespace vanishes. */
function unescape(text: string): string {
  let out = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    if (char === '\\' && index + 1 < text.length) {
      const next = text[index + 1] as string
      index++
      if (next !== ' ' && next !== '\n') out += next
    } else {
      out += char
    }
  }
  return out
}
