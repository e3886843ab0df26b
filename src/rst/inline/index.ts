// Inline markup of reStructuredText: the entry point the block parser calls
// for each text block (paragraph, title, term, line, field name...). Follows
// docutils' `Inliner` exactly (recognition rules, escapes, standalone URIs)
// and gives every node its exact position in the original file.

import {escapeToNull} from './escapes.ts'
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
  let text = lines[0]?.text ?? ''
  for (let index = 1; index < lines.length; index++) text += '\n' + (lines[index]?.text ?? '')
  if (text.length === 0) return []
  return scanInline(escapeToNull(text), new OffsetMap(ctx.source, lines), ctx)
}
