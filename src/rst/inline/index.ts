// Inline markup of reStructuredText: the entry point the block parser calls
// for each text block (paragraph, title, term, line, field name...). Follows
// docutils' `Inliner` exactly (recognition rules, escapes, standalone URIs)
// and gives every node its exact position in the original file.

import {escapeToNull, unescape} from './escapes.ts'
import {OffsetMap} from './offsets.ts'
import {scanInline} from './scan.ts'
import type {ParseContext} from '../context.ts'
import type {Line} from '../lines.ts'
import type {Inline, Text} from '../types.ts'

export {normalizeName, whitespaceNormalizeName} from './names.ts'

/**
 * Parse the inline markup of one text block. The text is the lines' `text`
 * joined with `\n`; problems go to `ctx.report`, never thrown.
 */
export function parseInline(lines: Line[], ctx: ParseContext): Inline[] {
  const count = lines.length
  if (count === 0) return []
  const text = count === 1 ? (lines[0] as Line).text : joinTexts(lines)
  if (text.length === 0) return []
  const escaped = escapeToNull(text)
  // No character that can start markup (`*`, backquote, `_`, `|`, `:`, `[`)
  // or end an e-mail name (`@`): the block is one text node, found by one
  // native test instead of a scanner run (what the scanner would make). It
  // spans the whole block: no offset map is needed for its two points.
  if (!markupChars.test(escaped)) {
    const first = lines[0] as Line
    const last = lines[count - 1] as Line
    const source = ctx.source
    const position = {start: source.pointAtColumn(first.line, first.col), end: source.pointAtColumn(last.line, last.col + last.text.length)}
    const node: Text = {type: 'text', value: unescape(escaped, 0, escaped.length), position}
    lastPlainText = node
    return [node]
  }
  return scanInline(escaped, new OffsetMap(ctx.source, lines), ctx)
}

const markupChars = /[*`_|:[@]/

/** The text node the plain-block fast path made last (see `wholeBlockText`). */
let lastPlainText: Text | undefined

/**
 * The one text node of `children` when the fast path made it for a whole
 * block: its position is then exactly the block's span, from the first
 * line's start to the last line's end, and the block node (paragraph,
 * title) can share that object instead of computing an equal one (two point
 * look-ups and an object fewer per plain paragraph, which most are).
 */
export function wholeBlockText(children: Inline[]): Text | undefined {
  const only = children.length === 1 ? children[0] : undefined
  return only !== undefined && only === lastPlainText ? lastPlainText : undefined
}

/**
 * The lines' text joined with `\n`, as one flat string (`+=` would make a
 * rope that the first search flattens); a loop, not `map`, which calls back
 * into JS once per line.
 */
function joinTexts(lines: Line[]): string {
  const texts = new Array<string>(lines.length)
  for (let index = 0; index < lines.length; index++) texts[index] = (lines[index] as Line).text
  return texts.join('\n')
}
