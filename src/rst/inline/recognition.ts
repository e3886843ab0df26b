// The inline markup recognition rules of reStructuredText, as docutils'
// `Inliner` applies them: which start-string (or whole construct) matches at
// a position, whether it is "quoted", and where its end-string is. All on
// the NUL-escaped text (`\0` marks an escaping backslash), with `base` being
// the start of docutils' `remaining` string: it counts as start of text.

import {codeAt, codeBefore, isMatchingPair, isSuffix, isWhitespace} from './chars.ts'
import {simplenameEnd} from './names.ts'
import {codes} from '../symbols.ts'

export type StartKind = 'strong' | 'emphasis' | 'literal' | 'target' | 'substitution'

/** `(?!\s)` after a start-string: end of text counts as "not whitespace". */
export function nonWhitespaceAt(text: string, index: number): boolean {
  return index >= text.length || !isWhitespace(codeAt(text, index))
}

/** docutils' end-string suffix: end of text, whitespace, `\0`, closing punctuation or a delimiter. */
export function suffixAt(text: string, index: number): boolean {
  return index >= text.length || isSuffix(codeAt(text, index))
}

/** The simple start-string at `index`, or undefined (docutils' `start` group, in its order). */
export function simpleStartAt(text: string, index: number): StartKind | undefined {
  const code = text.charCodeAt(index)
  const next = text.charCodeAt(index + 1)
  switch (code) {
    case codes.asterisk:
      if (next === codes.asterisk) return nonWhitespaceAt(text, index + 2) ? 'strong' : undefined
      return nonWhitespaceAt(text, index + 1) ? 'emphasis' : undefined
    case codes.backquote:
      return next === codes.backquote && nonWhitespaceAt(text, index + 2) ? 'literal' : undefined
    case codes.underscore:
      return next === codes.backquote && nonWhitespaceAt(text, index + 2) ? 'target' : undefined
    case codes.verticalBar:
      return next !== codes.verticalBar && nonWhitespaceAt(text, index + 1) ? 'substitution' : undefined
    default:
      return undefined
  }
}

export const startLength: Record<StartKind, number> = {
  strong: 2,
  emphasis: 1,
  literal: 2,
  target: 2,
  substitution: 1,
}

/**
 * docutils' `quoted_start`: the start-string sits between a matching pair
 * (`'*'`, `(*)`, `«*»`), or at the very end of the text.
 */
export function isQuotedStart(text: string, start: number, end: number, base: number): boolean {
  if (start === base) return false
  if (end >= text.length) return true
  return isMatchingPair(codeBefore(text, start), codeAt(text, end))
}

/** Not preceded by whitespace or `\0` (lookbehind inside the string starting at `from`). */
function plainBefore(text: string, index: number, from: number, escapeCounts: boolean): boolean {
  if (index === from) return true
  const code = codeBefore(text, index)
  if (isWhitespace(code)) return false
  return !(escapeCounts && code === 0)
}

export interface EndString {
  /** Where the end-string starts (the content ends there). */
  start: number
  /** Past the end-string. */
  end: number
}

/**
 * Remembers the last end-string search of each kind: docutils searches from
 * each start-string to the first end-string, which is quadratic when many
 * start-strings have none. A later search from further on finds the same
 * end-string, except right at its start, where the lookbehind sees less.
 */
export class EndStringCache {
  // Made on first use (most text blocks have no start-string), as a plain
  // record: a Map per text block costs more.
  private simple: Record<StartKind, {from: number; result: EndString | undefined} | undefined> | undefined
  private interpreted: {from: number; result: InterpretedEnd | undefined} | undefined

  simpleEnd(text: string, kind: StartKind, from: number): EndString | undefined {
    const simple = (this.simple ??= {strong: undefined, emphasis: undefined, literal: undefined, target: undefined, substitution: undefined})
    const cached = simple[kind]
    if (cached !== undefined && cached.from <= from) {
      const here = findSimpleEnd(text, kind, from, from + 1)
      if (here !== undefined) return here
      if (cached.result === undefined || cached.result.start >= from + 1) return cached.result
    }
    const result = findSimpleEnd(text, kind, from)
    simple[kind] = {from, result}
    return result
  }

  interpretedEnd(text: string, from: number): InterpretedEnd | undefined {
    const cached = this.interpreted
    if (cached !== undefined && cached.from <= from) {
      const here = findInterpretedEnd(text, from, from + 2)
      if (here !== undefined) return here
      if (cached.result === undefined || cached.result.start >= from + 2) return cached.result
    }
    const result = findInterpretedEnd(text, from)
    this.interpreted = {from, result}
    return result
  }
}

/**
 * The first end-string of a simple construct searched from `from` (docutils
 * searches `string[matchend:]`; it fails when that first match is empty).
 */
export function findSimpleEnd(text: string, kind: StartKind, from: number, limit = text.length): EndString | undefined {
  const marker = kind === 'strong' ? '**' : kind === 'emphasis' ? '*' : kind === 'literal' ? '``' : kind === 'target' ? '`' : '|'
  // A literal's end may follow a backslash: ``C:\`` ends there.
  const escapeCounts = kind !== 'literal'
  let index = text.indexOf(marker, from)
  while (index !== -1 && index < limit) {
    if (plainBefore(text, index, from, escapeCounts)) {
      let end = index + marker.length
      if (kind === 'substitution') {
        // `\|_{0,2}` greedy, backing off one underscore at a time.
        let underscores = 0
        while (underscores < 2 && text.charCodeAt(end + underscores) === codes.underscore) underscores++
        for (; underscores >= 0; underscores--) {
          if (suffixAt(text, end + underscores)) break
        }
        if (underscores >= 0) return {start: index, end: end + underscores}
      } else if (suffixAt(text, end)) {
        return {start: index, end}
      }
    }
    index = text.indexOf(marker, index + 1)
  }
  return undefined
}

export interface InterpretedEnd extends EndString {
  /** The suffix role name, e.g. `ref` of `` `x`:ref: ``. */
  roleStart?: number
  roleEnd?: number
  /** `_` or `__` after the closing backquote (or after the suffix role). */
  refend: '' | '_' | '__'
}

/** `(__?)?` then the end-string suffix, in regex priority order. */
function refendAt(text: string, index: number): '' | '_' | '__' | undefined {
  if (text.charCodeAt(index) === codes.underscore) {
    if (text.charCodeAt(index + 1) === codes.underscore && suffixAt(text, index + 2)) return '__'
    if (suffixAt(text, index + 1)) return '_'
  }
  return suffixAt(text, index) ? '' : undefined
}

/** The closing backquote of interpreted text or a phrase reference, searched from `from`. */
export function findInterpretedEnd(text: string, from: number, limit = text.length): InterpretedEnd | undefined {
  let index = text.indexOf('`', from)
  while (index !== -1 && index < limit) {
    // `(?<!(?<!\x00)[\s\x00])`: an escaped space before the backquote is fine.
    let allowed = true
    if (index > from) {
      const before = codeBefore(text, index)
      if (isWhitespace(before) || before === 0) {
        allowed = index - 2 >= from && text.charCodeAt(index - 2) === 0
      }
    }
    if (allowed) {
      const after = index + 1
      if (text.charCodeAt(after) === codes.colon) {
        const nameEnd = simplenameEnd(text, after + 1)
        if (nameEnd !== -1 && text.charCodeAt(nameEnd) === codes.colon) {
          const refend = refendAt(text, nameEnd + 1)
          if (refend !== undefined) {
            return {start: index, end: nameEnd + 1 + refend.length, roleStart: after + 1, roleEnd: nameEnd, refend}
          }
        }
      }
      const refend = refendAt(text, after)
      if (refend !== undefined) return {start: index, end: after + refend.length, refend}
    }
    index = text.indexOf('`', index + 1)
  }
  return undefined
}

/** A prefix role `:name:` at `index` followed by an opening backquote: the backquote's index, or -1. */
export function prefixRoleAt(text: string, index: number): number {
  const nameEnd = simplenameEnd(text, index + 1)
  if (nameEnd === -1 || text.charCodeAt(nameEnd) !== codes.colon) return -1
  const quote = nameEnd + 1
  if (text.charCodeAt(quote) !== codes.backquote || text.charCodeAt(quote + 1) === codes.backquote) return -1
  return nonWhitespaceAt(text, quote + 1) ? quote : -1
}

export interface FootnoteMatch {
  end: number
  labelStart: number
  labelEnd: number
  citation: boolean
}

/** `[label]_` at `index` (footnote or citation reference), followed by an end-string suffix. */
export function footnoteAt(text: string, index: number): FootnoteMatch | undefined {
  const labelStart = index + 1
  let labelEnd = -1
  let citation = false
  const first = text.charCodeAt(labelStart)
  let digits = labelStart
  while (digits < text.length && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++
  if (digits > labelStart && text.charCodeAt(digits) === codes.rightBracket) {
    labelEnd = digits
  } else if (first === codes.hash) {
    const nameEnd = simplenameEnd(text, labelStart + 1)
    if (text.charCodeAt(labelStart + 1) === codes.rightBracket) labelEnd = labelStart + 1
    else if (nameEnd !== -1 && text.charCodeAt(nameEnd) === codes.rightBracket) labelEnd = nameEnd
  } else if (first === codes.asterisk) {
    if (text.charCodeAt(labelStart + 1) === codes.rightBracket) labelEnd = labelStart + 1
  }
  if (labelEnd === -1) {
    const nameEnd = simplenameEnd(text, labelStart)
    if (nameEnd === -1 || text.charCodeAt(nameEnd) !== codes.rightBracket) return undefined
    labelEnd = nameEnd
    citation = true
  }
  if (text.charCodeAt(labelEnd + 1) !== codes.underscore || !suffixAt(text, labelEnd + 2)) return undefined
  return {end: labelEnd + 2, labelStart, labelEnd, citation}
}

export interface RefnameMatch {
  nameEnd: number
  end: number
  anonymous: boolean
}

/** `name_` or `name__` at `index` followed by an end-string suffix. */
export function refnameAt(text: string, index: number): RefnameMatch | undefined {
  const nameEnd = simplenameEnd(text, index)
  if (nameEnd === -1 || text.charCodeAt(nameEnd) !== codes.underscore) return undefined
  if (text.charCodeAt(nameEnd + 1) === codes.underscore && suffixAt(text, nameEnd + 2)) {
    return {nameEnd, end: nameEnd + 2, anonymous: true}
  }
  if (suffixAt(text, nameEnd + 1)) return {nameEnd, end: nameEnd + 1, anonymous: false}
  return undefined
}

