// Hyperlink targets (`.. _name: uri`, `.. __: uri`, `__ uri`, indirect
// `.. _a: b_`) and substitution definitions (`.. |name| directive:: ...`),
// docutils' `hyperlink_target`, `anonymous_target`, `parse_target` and
// `substitution_def`, including names and URIs continued on later lines.

import type {Line} from '../lines.ts'
import {normalizeName, simpleNameLength, whitespaceNormalize} from '../symbols.ts'
import type {Directive, Position, SubstitutionDefinition, Target} from '../types.ts'
import {directive} from './directive.ts'
import {comment, type Construct} from './explicit.ts'
import {getIndented, trimEnd} from './indented.ts'
import type {BlockParser} from './parser.ts'

// docutils' `explicit.patterns.target`, with `\x00` standing for an escaping backslash.
const targetPattern = /^(?:_|(?!_)(`?)(?![ `])(.+?)(?<![\s\x00])\1)(?<!(?<!\x00):)(?<![\s\x00]) ?:(?: +|$)/
const substitutionPattern = /^(?![ ])(.+?)(?<![\s\x00])\|(?: +|$)/

/** docutils' `escape2null`: `\x` becomes NUL + `x` (same length, so indices still match). */
export function escapeToNull(text: string): string {
  if (!text.includes('\\')) return text
  let out = ''
  let start = 0
  for (;;) {
    const found = text.indexOf('\\', start)
    if (found < 0) return out + text.slice(start)
    out += text.slice(start, found) + '\x00' + text.slice(found + 1, found + 2)
    start = found + 2
  }
}

/** docutils' `unescape`: NULs removed, escaped whitespace dropped. */
export function unescapeNull(text: string): string {
  if (!text.includes('\x00')) return text
  return text.replace(/\x00[ \n]/g, '').replace(/\x00/g, '')
}

export function hyperlinkTarget(p: BlockParser, lines: Line[], index: number, nameStart: number): Construct {
  const block = getIndented(lines, index, {firstIndent: nameStart, untilBlank: true, stripIndent: false})
  const texts = block.lines.map((line) => escapeToNull(line.text))
  let escaped = texts[0] ?? ''
  let last = 0
  let match = targetPattern.exec(escaped)
  while (!match) {
    last++
    if (last >= texts.length) {
      const position = p.blockSpan([lines[index]!, ...block.lines.slice(1)])!
      p.report(2, 'malformed hyperlink target.', position)
      return comment(p, lines, index, nameStart - 1)
    }
    escaped += texts[last]
    match = targetPattern.exec(escaped)
  }
  const rest = texts[last]!
  const remainder = rest.slice(rest.length - (escaped.length - match[0].length)).trim()
  const linkLines = [remainder, ...texts.slice(last + 1)]
  const rawName = match[2]
  const node = makeTarget(linkLines, rawName === undefined ? undefined : unescapeNull(rawName))
  node.position = p.blockSpan([lines[index]!, ...block.lines.slice(1)])!
  return {nodes: [node], end: block.end, blankFinish: block.blankFinish}
}

export function anonymousTarget(p: BlockParser, lines: Line[], index: number, markerEnd: number): Construct {
  const block = getIndented(lines, index, {firstIndent: markerEnd, untilBlank: true})
  const node = makeTarget(
    block.lines.map((line) => escapeToNull(line.text)),
    undefined,
  )
  node.position = p.blockSpan([lines[index]!, ...block.lines.slice(1)])!
  return {nodes: [node], end: block.end, blankFinish: block.blankFinish}
}

/** docutils' `make_target` / `parse_target`: an indirect target (`name_`) or a URI (whitespace removed). */
function makeTarget(linkLines: string[], name: string | undefined): Target {
  const node: Target = {type: 'target', names: [], position: undefined as unknown as Position}
  if (name !== undefined) {
    node.names.push(normalizeName(name))
    node.label = name
  } else node.anonymous = true
  const lastLine = (linkLines[linkLines.length - 1] ?? '').trim()
  if (lastLine.endsWith('_')) {
    const refname = isReference(whitespaceNormalize(linkLines.map((line) => line.trim()).join(' ')))
    if (refname !== undefined) {
      node.refname = normalizeName(refname)
      return node
    }
  }
  const joined = linkLines.join(' ')
  const parts = joined.split(/\x00[ \n]/)
  const uri = parts.map((part) => unescapeNull(part).split(/\s+/).join('')).join(' ')
  if (uri.length > 0) node.refuri = uri
  return node
}

/** `name_` or `` `phrase`_ `` as the whole text: the referenced name. */
function isReference(text: string): string | undefined {
  if (text.endsWith('`_') && text.startsWith('`') && text.length > 3 && text[1] !== ' ') {
    const phrase = text.slice(1, -2)
    if (!/[\s\x00]$/.test(phrase)) return unescapeNull(phrase)
    return undefined
  }
  if (text.endsWith('_') && simpleNameLength(text, 0) === text.length - 1) return unescapeNull(text.slice(0, -1))
  return undefined
}

export function substitutionDefinition(p: BlockParser, lines: Line[], index: number, nameStart: number): Construct {
  const block = getIndented(lines, index, {firstIndent: nameStart, stripIndent: false})
  const first = lines[index]!
  const whole = p.blockSpan([first, ...block.lines.slice(1)])!
  let escaped = escapeToNull(block.lines[0]?.text ?? '')
  let last = 0
  let match = substitutionPattern.exec(escaped)
  while (!match) {
    last++
    const line = block.lines[last]
    if (!line) {
      p.report(2, 'malformed substitution definition.', whole)
      return comment(p, lines, index, nameStart - 1)
    }
    escaped += ' ' + escapeToNull(line.text.trim())
    match = substitutionPattern.exec(escaped)
  }
  const name = whitespaceNormalize(unescapeNull(match[1]!))
  const lastLine = block.lines[last]!
  const leading = lastLine.text.length - lastLine.text.trimStart().length
  const stripped = lastLine.text.trim()
  const cut = stripped.length - (escaped.length - match[0].length)
  const content: Line[] = []
  if (cut < stripped.length) content.push({text: stripped.slice(cut), line: lastLine.line, col: lastLine.col + leading + cut})
  content.push(...block.lines.slice(last + 1))
  const body = trimEnd(content)
  const result: Construct = {nodes: [], end: block.end, blankFinish: block.blankFinish}
  if (body.length === 0) {
    p.report(2, `Substitution definition "${name}" missing contents.`, whole)
    return result
  }
  const head = body[0]!.text
  const nameLength = simpleNameLength(head, 0)
  let at = nameLength
  if (head.charCodeAt(at) === 32) at++
  const isDirective = nameLength > 0 && head.startsWith('::', at) && (at + 2 === head.length || head.charCodeAt(at + 2) === 32)
  if (!isDirective) {
    p.report(2, `Substitution definition "${name}" empty or invalid.`, whole)
    return result
  }
  let markerEnd = at + 2
  while (head.charCodeAt(markerEnd) === 32) markerEnd++
  const inner = directive(p, body, 0, 0, nameLength, markerEnd)
  const node: SubstitutionDefinition = {type: 'substitution_definition', name, children: [], position: whole}
  const produced = inner.nodes[0] as Directive | undefined
  if (produced && inlineDirectives.has(produced.name.toLowerCase())) {
    node.children.push(produced)
    result.nodes.push(node)
  } else {
    // docutils moves block-level results out of the definition, which is then empty.
    result.nodes.push(...inner.nodes)
    p.report(2, `Substitution definition "${name}" empty or invalid.`, whole)
  }
  return result
}

/** Directives whose result may stand in a substitution definition (docutils' inline results). */
const inlineDirectives = new Set(['replace', 'image', 'unicode', 'date'])
