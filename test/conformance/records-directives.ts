// The records docutils builds for directives it knows (admonitions, tables,
// `contents`, `code`, `image`, ...), at the directive's line, and generic
// `directive` records (name, arguments, options, body, content) for the
// Sphinx and QEMU ones, as the oracle shows them.

import type {Directive, Inline, Table} from '../../src/rst/types.ts'
import {type AnyNode, type OracleRecord, block, children, firstLine, inline, line, table, textOf} from './records.ts'

const admonitions = new Set(['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning'])

/** Directives that leave nothing in docutils' tree (include is spliced in). */
const vanishing = new Set(['include', 'default-role', 'role', 'title', 'header', 'footer'])

export function directive(node: Directive, d: number, out: OracleRecord[]): void {
  const name = node.name.toLowerCase()
  const l = line(node)
  if (vanishing.has(name)) return
  if (admonitions.has(name)) {
    out.push({t: name, d, l})
    children(node, d + 1, out)
    return
  }
  switch (name) {
    case 'admonition':
      out.push({t: 'admonition', d, l})
      out.push({t: 'title', d: d + 1, l, x: node.argument})
      children(node, d + 1, out)
      return
    case 'topic':
    case 'sidebar':
      out.push({t: name, d, l})
      out.push({t: 'title', d: d + 1, l, x: node.argument})
      children(node, d + 1, out)
      return
    case 'rubric':
      out.push({t: 'rubric', d, l, x: node.argument})
      return
    case 'epigraph':
    case 'highlights':
    case 'pull-quote':
      out.push({t: 'block_quote', d, l})
      children(node, d + 1, out)
      return
    case 'compound':
    case 'container':
      out.push({t: name, d, l})
      children(node, d + 1, out)
      return
    case 'code':
    case 'parsed-literal': {
      const inlineNodes = node.data?.inline
      // A parsed literal's text is its content without the markup.
      const x = name === 'parsed-literal' && Array.isArray(inlineNodes) ? textOf(inlineNodes as Inline[]) : node.content
      out.push({t: 'literal_block', d, l, x})
      if (Array.isArray(inlineNodes)) for (const item of inlineNodes as Inline[]) inline(item, d + 1, out)
      return
    }
    case 'raw':
      out.push({t: 'raw', d, l, x: node.content})
      return
    case 'math':
      for (const part of node.content.split(/\n\s*\n/)) if (part.trim()) out.push({t: 'math_block', d, l, x: part})
      return
    case 'image':
      out.push({t: 'image', d, l})
      return
    case 'figure': {
      out.push({t: 'figure', d, l})
      out.push({t: 'image', d: d + 1, l})
      const [caption, ...legend] = node.children
      if (caption?.type === 'paragraph') {
        out.push({t: 'caption', d: d + 1, l: line(caption), x: textOf(caption.children)})
        for (const child of caption.children) inline(child, d + 2, out)
      }
      const first = legend[0]
      if (first) {
        out.push({t: 'legend', d: d + 1, l: firstLine(first)})
        for (const child of legend) block(child as AnyNode, d + 2, out)
      }
      return
    }
    case 'contents': {
      const local = node.options.some((option) => option.name === 'local')
      const topicNames = node.data?.names
      out.push({t: 'topic', d, l, a: Array.isArray(topicNames) && topicNames.length > 0 ? {names: topicNames} : {}})
      if (node.argument || !local) out.push({t: 'title', d: d + 1, l, x: node.argument || 'Contents'})
      out.push({t: 'pending', d: d + 1, l})
      return
    }
    case 'sectnum':
    case 'class':
      out.push({t: 'pending', d, l})
      return
    case 'table': {
      const inner = node.children.find((child): child is Table => child.type === 'table')
      if (inner) table(inner, d, l, node.argument || undefined, out)
      return
    }
    case 'list-table':
      listTable(node, d, out)
      return
    case 'csv-table':
      csvTable(node, d, out)
      return
    case 'line-block':
      out.push({t: 'line_block', d, l})
      node.content.split('\n').forEach((text, index) => {
        out.push({t: 'line', d: d + 1, l: node.contentPosition ? node.contentPosition.start.line + index : l, x: text.trim()})
      })
      return
    default: {
      const options: Record<string, string> = {}
      for (const option of node.options) options[option.name.toLowerCase()] = option.value
      const a: Record<string, unknown> = {name, arguments: node.argument, options, body: node.body}
      if (node.body === 'raw' && node.content) {
        a.content = node.content
        a.content_l = node.contentPosition ? node.contentPosition.start.line : null
      }
      out.push({t: 'directive', d, l, x: name, a})
      if (node.body === 'rst') children(node, d + 1, out)
    }
  }
}

/** `list-table`: a two-level bullet list becomes table rows and entries. */
function listTable(node: Directive, d: number, out: OracleRecord[]): void {
  const l = line(node)
  const list = node.children.find((child) => child.type === 'bullet_list')
  if (!list || list.type !== 'bullet_list') return
  const rows = list.children.map((item) => {
    const sub = item.children.find((child) => child.type === 'bullet_list')
    return {item, cells: sub && sub.type === 'bullet_list' ? sub.children : []}
  })
  const headerRows = tablePreamble(node, d, l, Math.max(0, ...rows.map((row) => row.cells.length)), out)
  const part = (type: string, slice: typeof rows): void => {
    if (slice.length === 0) return
    const rowLine = (row: (typeof rows)[number]): number | null => {
      const cell = row.cells[0]
      const content = cell?.children[0]
      return content ? firstLine(content) : line(row.item)
    }
    out.push({t: type, d: d + 2, l: rowLine(slice[0] as (typeof rows)[number])})
    for (const row of slice) {
      const rl = rowLine(row)
      out.push({t: 'row', d: d + 3, l: rl})
      for (const cell of row.cells) {
        const content = cell.children[0]
        out.push({t: 'entry', d: d + 4, l: content ? firstLine(content) : rl})
        children(cell, d + 5, out)
      }
    }
  }
  part('thead', rows.slice(0, headerRows))
  part('tbody', rows.slice(headerRows))
}

/** `csv-table` with inline content (a `:file:` table depends on the file; nothing is built here). */
function csvTable(node: Directive, d: number, out: OracleRecord[]): void {
  if (node.options.some((option) => option.name === 'file' || option.name === 'url')) return
  const l = line(node)
  const first = node.contentPosition ? node.contentPosition.start.line : l
  const records = node.content.split('\n').map((text, index) => ({text, l: first === null ? null : first + index}))
  const rows = records.filter((record) => record.text.trim() !== '').map((record) => ({l: record.l, cells: splitCsv(record.text)}))
  const headerRows = tablePreamble(node, d, l, Math.max(0, ...rows.map((row) => row.cells.length)), out)
  const part = (type: string, slice: typeof rows): void => {
    const head = slice[0]
    if (!head) return
    out.push({t: type, d: d + 2, l: head.l})
    for (const row of slice) {
      out.push({t: 'row', d: d + 3, l: row.l})
      for (const cell of row.cells) {
        out.push({t: 'entry', d: d + 4, l: row.l})
        if (cell.trim()) out.push({t: 'paragraph', d: d + 5, l: row.l, x: cell.trim()})
      }
    }
  }
  part('thead', rows.slice(0, headerRows))
  part('tbody', rows.slice(headerRows))
}

function splitCsv(text: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      cells.push(cell)
      cell = ''
    } else cell += char
  }
  cells.push(cell)
  return cells
}

/** The directives a substitution definition may hold: their inline result. */
export function substitutionDirective(node: Directive, d: number, out: OracleRecord[]): void {
  const name = node.name.toLowerCase()
  if (name === 'image') {
    out.push({t: 'image', d, l: line(node), i: 1})
    return
  }
  if (name === 'replace') {
    const kept = node.data?.inline
    if (Array.isArray(kept)) {
      for (const item of kept as Inline[]) inline(item, d, out)
      return
    }
    for (const child of node.children) {
      if (child.type === 'paragraph') for (const item of child.children) inline(item, d, out)
    }
  }
}

/** The records every directive table starts with (table, title, tgroup, colspecs); returns `:header-rows:`. */
function tablePreamble(node: Directive, d: number, l: number | null, cols: number, out: OracleRecord[]): number {
  out.push({t: 'table', d, l})
  if (node.argument) out.push({t: 'title', d: d + 1, l, x: node.argument})
  out.push({t: 'tgroup', d: d + 1, l, a: {cols}})
  for (let index = 0; index < cols; index++) out.push({t: 'colspec', d: d + 2, l: null})
  const headerOption = node.options.find((option) => option.name === 'header-rows')
  return headerOption ? Number.parseInt(headerOption.value, 10) || 0 : 0
}
