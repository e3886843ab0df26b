// docutils' Body state: the first line of each construct decides what it is
// (classify.ts, in docutils' transition order); an indented line starts a
// block quote. Each construct consumes its lines and returns where the next
// construct starts.

import {indentOf, type Line} from '../lines.ts'
import {codes} from '../symbols.ts'
import {blockQuote} from './block-quote.ts'
import {classifyLine} from './classify.ts'
import {explicitList} from './explicit.ts'
import {tryTableAt} from './external.ts'
import {lineBlock} from './line-block.ts'
import {bulletList, enumeratedList} from './lists.ts'
import {fieldList, optionList} from './field-list.ts'
import type {BlockParser} from './parser.ts'
import {adornmentLine} from './section.ts'
import type {Sink} from './sink.ts'
import {doctestBlock, textState} from './text.ts'

/** What a consumed line of the document is replaced with (see `parseBody`). */
const CONSUMED: Line = Object.freeze({text: '', line: 0, col: 0})

export function parseBody(p: BlockParser, lines: Line[], sink: Sink): void {
  // At document level (the only sink that takes titles) no construct looks
  // back before its first line, so lines already parsed are dropped as we go:
  // a big document's Line objects need not all stay alive until its end.
  const release = sink.matchTitles
  let index = 0
  while (index < lines.length) {
    const line = lines[index]!
    if (line.text.length === 0) {
      if (release) lines[index] = CONSUMED
      index++
      continue
    }
    const next = line.text.charCodeAt(0) === codes.space ? blockQuote(p, lines, index, sink) : construct(p, lines, index, sink)
    // Every construct consumes at least its first line; never loop forever.
    const end = next > index ? next : index + 1
    if (release) for (let consumed = index; consumed < end && consumed < lines.length; consumed++) lines[consumed] = CONSUMED
    index = end
  }
}

function construct(p: BlockParser, lines: Line[], index: number, sink: Sink): number {
  const line = lines[index]!
  const classified = classifyLine(line.text)
  // Cases in order of frequency: a switch tests them one by one.
  switch (classified.kind) {
    case 'text':
      return textState(p, lines, index, sink)
    case 'bullet':
      return bulletList(p, lines, index, sink, classified)
    case 'enumerator': {
      const end = enumeratedList(p, lines, index, sink, classified)
      return end < 0 ? textState(p, lines, index, sink) : end
    }
    case 'field':
      return fieldList(p, lines, index, sink, classified)
    case 'option': {
      const end = optionList(p, lines, index, sink, classified)
      return end < 0 ? textState(p, lines, index, sink) : end
    }
    case 'doctest':
      return doctestBlock(p, lines, index, sink)
    case 'line_block':
      return lineBlock(p, lines, index, sink)
    case 'grid_table':
    case 'simple_table': {
      const table = tryTableAt(lines, index, p)
      if (!table) return textState(p, lines, index, sink)
      if (table.node) sink.add(table.node)
      return table.end
    }
    case 'explicit':
    case 'anonymous':
      return explicitList(p, lines, index, sink)
    case 'line':
      return adornmentLine(p, lines, index, sink)
  }
}

/** Whether `line` is the first line of a construct of `kind` (an unindented, non-blank line). */
export function isUnindented(line: Line | undefined): line is Line {
  return line !== undefined && line.text.length > 0 && indentOf(line) === 0
}

/** docutils' `unindent_warning`: "<construct> ends without a blank line; unexpected unindent." at the offending line. */
export function unindentWarning(p: BlockParser, lines: Line[], end: number, name: string): void {
  const line = lines[end]
  if (!line) return
  p.report(2, `${name} ends without a blank line; unexpected unindent.`, p.lineSpan(line))
}
