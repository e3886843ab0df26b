// Directives (`.. name:: argument`), docutils' `run_directive` and
// `parse_directive_block`: the block after `::` splits into arguments (up to
// the first blank line, when the directive takes any), an option field list,
// and content, which is parsed as nested rST or kept verbatim per
// directive-specs.ts.

import {exact, type Line} from '../lines.ts'
import type {Directive, DirectiveOption, Position} from '../types.ts'
import {matchFieldMarker} from './classify.ts'
import {directiveSpec} from './directive-specs.ts'
import type {Construct} from './explicit.ts'
import {getIndented, trimEnd} from './indented.ts'
import type {BlockParser} from './parser.ts'

/** A directive docutils rejects: only a system message is left. */
class DirectiveError extends Error {
  /** The whole message, when it is not docutils' "Error in ... directive" form. */
  readonly full?: string
  readonly level: 2 | 3
  constructor(message: string, full?: string, level: 2 | 3 = 3) {
    super(message)
    if (full !== undefined) this.full = full
    this.level = level
  }
}

/** Directives whose `run()` insists on content (docutils' `assert_has_content`). */
const contentRequired = new Set([
  'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'admonition',
  'topic', 'sidebar', 'line-block', 'parsed-literal', 'code', 'compound', 'container', 'epigraph',
  'highlights', 'pull-quote', 'replace',
])

export function directive(
  p: BlockParser,
  lines: Line[],
  index: number,
  nameStart: number,
  nameEnd: number,
  markerEnd: number,
  topLevel = false,
): Construct {
  const line = lines[index]!
  const name = line.text.slice(nameStart, nameEnd)
  const block = getIndented(lines, index, {firstIndent: markerEnd, stripTop: false})
  const whole = p.join(p.span(line, 0, line, line.text.length), p.blockSpan(block.lines.slice(1)) ?? p.lineSpan(line))
  const result: Construct = {nodes: [], end: block.end, blankFinish: block.blankFinish}
  try {
    result.nodes.push(buildDirective(p, name, block.lines, whole, p.span(line, nameStart, line, nameEnd), topLevel))
  } catch (error) {
    if (!(error instanceof DirectiveError)) throw error
    p.report(error.level, error.full ?? `Error in "${name}" directive:\n${error.message}.`, whole)
  }
  return result
}

function buildDirective(p: BlockParser, name: string, blockLines: Line[], whole: Position, namePosition: Position, topLevel: boolean): Directive {
  const spec = directiveSpec(name)
  let indented = blockLines
  if (indented.length > 0 && indented[0]!.text.length === 0) indented = indented.slice(1)
  indented = trimEnd(indented)
  const takesArguments = spec.required > 0 || spec.optional > 0
  let argBlock: Line[] = []
  let content: Line[]
  let blank = 0
  if (indented.length > 0 && (takesArguments || spec.options)) {
    blank = indented.findIndex((item) => item.text.length === 0)
    if (blank < 0) blank = indented.length
    argBlock = indented.slice(0, blank)
    content = indented.slice(blank + 1)
  } else content = indented
  let options: DirectiveOption[] = []
  if (spec.options) {
    const first = argBlock.findIndex((item) => matchFieldMarker(item.text) >= 0)
    if (first >= 0) {
      options = parseOptions(p, argBlock.slice(first), spec.optionNames)
      argBlock = argBlock.slice(0, first)
    }
  }
  if (argBlock.length > 0 && !takesArguments) {
    content = [...argBlock, ...indented.slice(blank)]
    argBlock = []
  }
  let skip = 0
  while (skip < content.length && content[skip]!.text.length === 0) skip++
  if (skip > 0) content = content.slice(skip)
  const argumentText = argBlock.map((item) => item.text).join('\n')
  const args = takesArguments ? splitArguments(argumentText, spec.required, spec.optional, spec.finalWhitespace) : []
  if (content.length > 0 && !spec.content) throw new DirectiveError('no content permitted')
  const lower = name.toLowerCase()
  checkRun(name, lower, content.length > 0, options, topLevel)
  let body = spec.body
  if (lower === 'qmp-example' && options.some((option) => option.name === 'annotated')) body = 'rst'
  const node: Directive = {
    type: 'directive',
    name,
    argument: argumentText,
    options: exact(options),
    content: content.map((item) => item.text).join('\n'),
    body,
    namePosition,
    children: [],
    position: whole,
    data: {arguments: args},
  }
  const argumentPosition = p.blockSpan(argBlock)
  if (argumentPosition) node.argumentPosition = argumentPosition
  const contentPosition = p.blockSpan(content)
  if (contentPosition) node.contentPosition = contentPosition
  if (content.length > 0) {
    if (body === 'rst') node.children = p.nested(content)
    else if (lower === 'parsed-literal' || lower === 'replace') node.data!.inline = p.parseInline(content)
  }
  return node
}

/** The checks docutils' directive classes make in `run()` before building anything. */
function checkRun(name: string, lower: string, hasContent: boolean, options: DirectiveOption[], topLevel: boolean): void {
  if ((lower === 'topic' || lower === 'sidebar') && !topLevel) {
    throw new DirectiveError('', `The "${name}" directive may not be used within topics or body elements.`)
  }
  if (hasContent) return
  if (contentRequired.has(lower)) throw new DirectiveError('', `Content block expected for the "${name}" directive; none found.`)
  if (lower === 'table') throw new DirectiveError('', `Content block expected for the "${name}" directive; none found.`, 2)
  if (lower === 'list-table') throw new DirectiveError('', `The "${name}" directive is empty; content required.`)
  if (lower === 'raw' && !options.some((option) => option.name === 'file' || option.name === 'url')) {
    throw new DirectiveError('', `Content block expected for the "${name}" directive; none found.`)
  }
}

/** docutils' `parse_directive_arguments`. */
function splitArguments(text: string, required: number, optional: number, finalWhitespace: boolean): string[] {
  const words = text.split(/\s+/).filter((word) => word.length > 0)
  if (words.length < required) throw new DirectiveError(`${required} argument(s) required, ${words.length} supplied`)
  if (words.length <= required + optional) return exact(words)
  if (!finalWhitespace) throw new DirectiveError(`maximum ${required + optional} argument(s) allowed, ${words.length} supplied`)
  // Python's `split(None, n - 1)`: the last argument keeps its inner whitespace.
  const out: string[] = []
  let rest = text.trimStart()
  while (out.length < required + optional - 1) {
    const match = /\s+/.exec(rest)
    if (!match) break
    out.push(rest.slice(0, match.index))
    rest = rest.slice(match.index + match[0].length)
  }
  out.push(rest)
  return out
}

/** The option field list (docutils' ExtensionOptions): `:name: value` with indented continuation lines. */
function parseOptions(p: BlockParser, lines: Line[], names: ReadonlySet<string> | undefined): DirectiveOption[] {
  const options: DirectiveOption[] = []
  let index = 0
  while (index < lines.length) {
    const line = lines[index]!
    const markerEnd = matchFieldMarker(line.text)
    if (markerEnd < 0) throw new DirectiveError('invalid option block')
    const nameEnd = line.text.lastIndexOf(':', markerEnd - 1)
    const block = getIndented(lines, index, {firstIndent: markerEnd})
    const value = trimEnd(block.lines)
      .map((item) => item.text)
      .join('\n')
    const name = line.text.slice(1, nameEnd)
    if (names && !names.has(name)) throw new DirectiveError(`unknown option: "${name}"`)
    if (options.some((option) => option.name === name)) throw new DirectiveError(`duplicate option "${name}"`)
    options.push({name, value, position: p.join(p.lineSpan(line), p.blockSpan(block.lines) ?? p.lineSpan(line))})
    index = Math.max(block.end, index + 1)
  }
  return options
}
