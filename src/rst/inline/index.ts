// Inline markup of reStructuredText: the entry point the block parser calls
// for each text block (paragraph, title, term, line, field name...). Follows
// docutils' `Inliner` exactly (recognition rules, escapes, standalone URIs)
// and gives every node its exact position in the original file.

import {escapeToNull, unescape} from './escapes.ts'
import {OffsetMap} from './offsets.ts'
import {scanInline} from './scan.ts'
import type {ParseContext} from '../context.ts'
import type {Line} from '../lines.ts'
import type {Inline} from '../types.ts'

export {normalizeName, whitespaceNormalizeName} from './names.ts'

/**
 * Parse the inline markup of one text block. The text is the lines' `text`
 * joined with `\n`; problems go to `ctx.report`, never thrown.
 */
export function parseInline(lines: Line[], ctx: ParseContext): Inline[] {
  if (lines.length === 0) return []
  // `join` makes one flat string; `+=` would make a rope that the first search flattens.
  const text = lines.length === 1 ? (lines[0] as Line).text : lines.map((line) => line.text).join('\n')
  if (text.length === 0) return []
  const escaped = escapeToNull(text)
  const map = new OffsetMap(ctx.source, lines)
  // No character that can start markup (`*`, backquote, `_`, `|`, `:`, `[`)
  // or end an e-mail name (`@`): the block is one text node, found by one
  // native test instead of a scanner run (what the scanner would make).
  if (!markupChars.test(escaped)) {
    return [{type: 'text', value: unescape(escaped, 0, escaped.length), position: map.position(0, escaped.length)}]
  }
  return scanInline(escaped, map, ctx)
}

const markupChars = /[*`_|:[@]/
