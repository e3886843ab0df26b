// Phrase references (`` `text`_ ``, `` `text`__ ``) and their embedded
// targets: `` `text <https://uri>`_ `` (a URI) or `` `text <name_>`_ `` (an
// alias), as docutils' `Inliner.phrase_ref` builds them, with the exact
// source span of the text and of the `<...>` part.

import {isWhitespace} from './chars.ts'
import {unescape} from './escapes.ts'
import {normalizeName} from './names.ts'
import type {OffsetMap} from './offsets.ts'
import {isEmailAddress, matchAbsoluteUri, matchEmail} from './uri.ts'
import type {Reference} from '../types.ts'
import {codes} from '../symbols.ts'

interface Embedded {
  /** Where the whitespace before `<` starts: the reference text ends there. */
  textEnd: number
  /** Index of `<`. */
  open: number
  /** Index of `>`. */
  close: number
}

/**
 * docutils' `embedded_link` pattern on `text[start, end)`: `<...>` at the very
 * end, preceded by spaces/newlines or at the start, with no unescaped angle
 * bracket inside, not starting with whitespace nor ending with whitespace or
 * an escape.
 */
function findEmbedded(text: string, start: number, end: number): Embedded | undefined {
  const close = end - 1
  if (close <= start || text.charCodeAt(close) !== codes.greaterThan) return undefined
  let open = -1
  for (let index = close - 1; index >= start; index--) {
    const code = text.charCodeAt(index)
    if ((code === codes.lessThan || code === codes.greaterThan) && !(index > start && text.charCodeAt(index - 1) === 0)) {
      if (code === codes.greaterThan) return undefined
      open = index
      break
    }
  }
  if (open === -1 || close - open < 2) return undefined
  if (isWhitespace(text.charCodeAt(open + 1))) return undefined
  const last = text.charCodeAt(close - 1)
  if (isWhitespace(last) || last === 0) return undefined
  let textEnd = open
  while (textEnd > start) {
    const code = text.charCodeAt(textEnd - 1)
    if (code !== 32 && code !== 10) break
    textEnd--
  }
  if (textEnd === open && open !== start) return undefined
  return {textEnd, open, close}
}

/** The target part of `<...>` as docutils reads it as a URI: unescaped whitespace removed. */
function embeddedUri(text: string, start: number, end: number): string {
  // split_escaped_whitespace, then drop whitespace inside each part, join with spaces.
  let uri = ''
  let part = ''
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === 0 && index + 1 < end && (text.charCodeAt(index + 1) === 32 || text.charCodeAt(index + 1) === 10)) {
      uri += part + ' '
      part = ''
      index++
      continue
    }
    if (!isWhitespace(code)) part += text[index]
  }
  uri = unescape(uri + part)
  if (isEmailAddress(uri)) uri = 'mailto:' + uri
  return uri.endsWith('\\_') ? uri.slice(0, -2) + '_' : uri
}

/**
 * The reference node of `` `content`_ `` / `` `content`__ `` whose content is
 * `text[start, end)`; `span` is the whole construct.
 */
export function phraseReference(
  text: string,
  start: number,
  end: number,
  anonymous: boolean,
  spanStart: number,
  spanEnd: number,
  map: OffsetMap,
): Reference {
  const embedded = findEmbedded(text, start, end)
  const position = map.position(spanStart, spanEnd)
  if (embedded === undefined) {
    const value = unescape(text, start, end)
    const reference: Reference = {
      type: 'reference',
      children: [{type: 'text', value, position: map.position(start, end)}],
      position,
    }
    if (anonymous) reference.anonymous = true
    else reference.refname = normalizeName(value)
    return reference
  }
  const aliasStart = embedded.open + 1
  const aliasEnd = embedded.close
  const lastIsUnderscore = text.charCodeAt(aliasEnd - 1) === 95
  // An escaped `\_`, or a literal backslash before it, makes it part of a URI.
  const beforeUnderscore = text.charCodeAt(aliasEnd - 2)
  const underscoreEscaped = lastIsUnderscore && (beforeUnderscore === 0 || beforeUnderscore === 92)
  const aliasText = text.slice(aliasStart, aliasEnd)
  const looksLikeUri = matchAbsoluteUri(aliasText, 0, aliasText.length) !== -1 || matchEmail(aliasText, 0, aliasText.length) !== -1
  const isName = lastIsUnderscore && !underscoreEscaped && !looksLikeUri
  const alias = isName ? normalizeName(unescape(text, aliasStart, aliasEnd - 1)) : embeddedUri(text, aliasStart, aliasEnd)
  let value = unescape(text, start, embedded.textEnd)
  let valueStart = start
  let valueEnd = embedded.textEnd
  if (embedded.textEnd === start) {
    // `<target>` alone: the target is the text too.
    value = alias
    valueStart = aliasStart
    valueEnd = aliasEnd
  }
  const reference: Reference = {
    type: 'reference',
    children: [{type: 'text', value, position: map.position(valueStart, valueEnd)}],
    position,
    embeddedPosition: map.position(embedded.open, embedded.close + 1),
  }
  if (isName) reference.refname = alias
  else reference.refuri = alias
  return reference
}
