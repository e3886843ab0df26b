// docutils' `implicit_inline`: the text between explicit inline markup is
// searched for standalone URIs and e-mail addresses, recursively on the text
// before and after each one. A URI-like match with a scheme docutils does not
// know turns the whole piece into plain text (docutils' MarkupMismatch).

import {unescape} from './escapes.ts'
import type {OffsetMap} from './offsets.ts'
import {searchUri, type UriHints, uriSchemes} from './uri.ts'
import type {Inline, Reference, Text} from '../types.ts'

export function textNode(text: string, start: number, end: number, map: OffsetMap): Text {
  return {type: 'text', value: unescape(text, start, end), position: map.position(start, end)}
}

/** Where the plain text goes: the block's text, positions, and the search hints. */
export interface PlainText {
  text: string
  map: OffsetMap
  hints: UriHints
  out: Inline[]
}

/** Append the nodes of plain text `text[start, end)` (a docutils string of its own) to `out`. */
export function implicitInline(plain: PlainText, start: number, end: number): void {
  if (start >= end) return
  const {text, map, out} = plain
  const match = plain.hints.mayHold(text, start, end) ? searchUri(text, start, end) : undefined
  if (match === undefined || (match.scheme !== undefined && !uriSchemes.has(match.scheme.toLowerCase()))) {
    out.push(textNode(text, start, end, map))
    return
  }
  implicitInline(plain, start, match.start)
  const value = unescape(text, match.start, match.end)
  const position = map.position(match.start, match.end)
  const reference: Reference = {
    type: 'reference',
    refuri: match.scheme === undefined ? 'mailto:' + value : value,
    children: [{type: 'text', value, position}],
    position: map.position(match.start, match.end),
  }
  out.push(reference)
  implicitInline(plain, match.end, end)
}
