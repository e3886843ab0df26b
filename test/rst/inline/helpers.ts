// Test helpers: a minimal ParseContext over a source text, and the
// conversion of our inline nodes to the docutils oracle's flat records
// (type, text) so both can be compared directly.

import {parseInline} from '../../../src/rst/inline/index.ts'
import type {ParseContext} from '../../../src/rst/context.ts'
import {sourceLines, type Line} from '../../../src/rst/lines.ts'
import {Source} from '../../../src/rst/source.ts'
import type {Inline, Problem} from '../../../src/rst/types.ts'
import {docutilsRoles} from '../../conformance/records.ts'

export interface Parsed {
  source: Source
  nodes: Inline[]
  problems: Problem[]
}

export function contextFor(source: Source, problems: Problem[]): ParseContext {
  const ctx: ParseContext = {
    source,
    report(level, text, position, phase = 'parse') {
      problems.push({level, text, position, phase})
    },
    parseBlocks: () => [],
    parseInline: (lines: Line[]) => parseInline(lines, ctx),
  }
  return ctx
}

/** Parse all lines of `text` (or those from `from` to `to`, 0-based, exclusive) as one text block. */
export function parse(text: string, from = 0, to?: number): Parsed {
  const source = new Source(text)
  const problems: Problem[] = []
  const lines = sourceLines(source).slice(from, to)
  return {source, nodes: parseInline(lines, contextFor(source, problems)), problems}
}

/** `line:column-line:column` of a node, for compact assertions. */
export function span(node: {position: {start: {line: number; column: number}; end: {line: number; column: number}}}): string {
  const {start, end} = node.position
  return `${start.line}:${start.column}-${end.line}:${end.column}`
}

export interface OracleRecord {
  t: string
  x: string
  /** Line where the node's markup starts (null where the oracle has none). */
  l?: number | null
  a?: Record<string, unknown>
}

/** Our nodes as the oracle's inline records, in pre-order; `#text` records only if `withText`. */
export function toOracle(nodes: Inline[], source: Source, withText = false): OracleRecord[] {
  const out: OracleRecord[] = []
  for (const node of nodes) {
    const l = node.position.start.line
    switch (node.type) {
      case 'text':
        if (node.data?.problematic) out.push({t: 'problematic', x: node.value, l})
        else if (withText) out.push({t: '#text', x: node.value, l: null})
        break
      case 'emphasis':
      case 'strong':
        out.push({t: node.type, x: node.children.map((child) => child.value).join(''), l})
        break
      case 'literal':
        out.push({t: 'literal', x: node.value, l})
        break
      case 'interpreted_text': {
        const role = (node.role ?? 'any').toLowerCase()
        const mapped = docutilsRoles[role]
        // Known roles unescape their text, except `code` and `math` which keep it raw.
        const raw = mapped === undefined || role === 'code' || mapped === 'math'
        out.push({t: mapped ?? 'interpreted', x: raw ? node.value : unescapeRaw(node.value), l})
        break
      }
      case 'reference': {
        out.push({t: 'reference', x: node.children.map((child) => child.value).join(''), l})
        const raw = source.text.slice(node.position.end.offset! - 2, node.position.end.offset)
        if (node.embeddedPosition && raw !== '__') {
          const name = node.children.map((child) => child.value).join('').toLowerCase().split(/\s+/).join(' ')
          out.push({t: 'target', x: name, l: node.embeddedPosition.start.line})
        }
        break
      }
      case 'footnote_reference':
        out.push({t: 'footnote_reference', x: node.auto ? '' : node.label, l})
        break
      case 'citation_reference':
        out.push({t: 'citation_reference', x: node.label, l})
        break
      case 'substitution_reference': {
        const x = node.children.map((child) => child.value).join('')
        if (node.reference) out.push({t: 'reference', x, l})
        out.push({t: 'substitution_reference', x, l: node.reference ? null : l})
        break
      }
      case 'inline_target':
        out.push({t: 'target', x: node.names.join(' '), l})
        break
    }
  }
  return out
}

function unescapeRaw(raw: string): string {
  // Backslash escapes as docutils resolves them in a role's text.
  let out = ''
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]
    if (char !== '\\') {
      out += char
      continue
    }
    index++
    const next = raw[index]
    if (next !== undefined && next !== ' ' && next !== '\n') out += next
  }
  return out
}
