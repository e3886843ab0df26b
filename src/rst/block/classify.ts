// Which of docutils' Body transitions a (non-indented, non-blank) line
// starts, tried in docutils' order: bullet, enumerator, field marker, option
// marker, doctest, line block, grid/simple table top, explicit markup,
// anonymous target, adornment line, text. Dispatches on the first character.

import {codes, isAdornmentChar, isAsciiAlpha, isBulletChar, isDigit} from '../symbols.ts'

export type LineKind =
  | 'bullet'
  | 'enumerator'
  | 'field'
  | 'option'
  | 'doctest'
  | 'line_block'
  | 'grid_table'
  | 'simple_table'
  | 'explicit'
  | 'anonymous'
  | 'line'
  | 'text'

export interface Classified {
  kind: LineKind
  /** Index just past the marker and the whitespace after it (docutils' `match.end()`). */
  end: number
  enumerator?: EnumeratorMatch
}

export type EnumFormat = 'parens' | 'rparen' | 'period'

export interface EnumeratorMatch {
  format: EnumFormat
  /** The enumerator text without its punctuation (`3`, `iv`, `#`). */
  text: string
}

/** After `index`: `( +|$)`. Returns the index past the spaces, or -1. */
function spacesOrEnd(text: string, index: number): number {
  if (index === text.length) return index
  if (text.charCodeAt(index) !== codes.space) return -1
  while (index < text.length && text.charCodeAt(index) === codes.space) index++
  return index
}

const optionMarker = (() => {
  const optarg = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)'
  const shortopt = `(?:-|\\+)[a-zA-Z0-9](?: ?${optarg})?`
  const longopt = `(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${optarg})?`
  const option = `(?:${shortopt}|${longopt})`
  return new RegExp(`^${option}(?:, ${option})*(?:  +| ?$)`)
})()

/** The result for a plain text line (shared: results are never mutated). */
const TEXT: Classified = Object.freeze({kind: 'text', end: 0})

/**
 * A line starting with a word not followed by `.` or `)`: no enumerator, so
 * plain text (one native test instead of the whole chain below).
 */
const plainWord = /^[A-Za-z]+(?![.)A-Za-z])/

export function classifyLine(text: string): Classified {
  const first = text.charCodeAt(0)
  if (isAsciiAlpha(first) && plainWord.test(text)) return TEXT
  if (isBulletChar(first)) {
    const end = spacesOrEnd(text, 1)
    if (end >= 0) return {kind: 'bullet', end}
  }
  if (isDigit(first) || isAsciiAlpha(first) || first === codes.hash || first === codes.leftParen) {
    const enumerator = matchEnumerator(text)
    if (enumerator) return enumerator
  }
  if (first === codes.colon) {
    const end = matchFieldMarker(text)
    if (end >= 0) return {kind: 'field', end}
  }
  if (first === codes.dash || first === codes.plus || first === codes.slash) {
    const match = optionMarker.exec(text)
    if (match) return {kind: 'option', end: match[0].length}
  }
  if (first === codes.greaterThan && text.startsWith('>>>')) {
    const end = spacesOrEnd(text, 3)
    if (end >= 0) return {kind: 'doctest', end}
  }
  if (first === codes.verticalBar) {
    const end = spacesOrEnd(text, 1)
    if (end >= 0) return {kind: 'line_block', end}
  }
  if (first === codes.plus && isGridTableTop(text)) return {kind: 'grid_table', end: text.length}
  if (first === codes.equals && isSimpleTableTop(text)) return {kind: 'simple_table', end: text.length}
  if (first === codes.dot && text.charCodeAt(1) === codes.dot) {
    const end = spacesOrEnd(text, 2)
    if (end >= 0) return {kind: 'explicit', end}
  }
  if (first === codes.underscore && text.charCodeAt(1) === codes.underscore) {
    const end = spacesOrEnd(text, 2)
    if (end >= 0) return {kind: 'anonymous', end}
  }
  if (isAdornmentLine(text)) return {kind: 'line', end: text.length}
  return TEXT
}

/** A line made of one repeated punctuation character (docutils' `line` pattern; text is right-stripped). */
export function isAdornmentLine(text: string): boolean {
  return isAdornmentChar(text.charCodeAt(0)) && adornmentRun.test(text)
}

/** One character repeated to the end (a native test, not a loop over the line). */
const adornmentRun = /^(.)\1*$/s

function isGridTableTop(text: string): boolean {
  // \+-[-+]+-\+
  if (text.length < 5 || text.charCodeAt(1) !== codes.dash) return false
  if (text.charCodeAt(text.length - 1) !== codes.plus || text.charCodeAt(text.length - 2) !== codes.dash) return false
  for (let index = 2; index < text.length - 2; index++) {
    const code = text.charCodeAt(index)
    if (code !== codes.dash && code !== codes.plus) return false
  }
  return true
}

function isSimpleTableTop(text: string): boolean {
  // =+( +=+)+
  let sawGap = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === codes.space) sawGap = true
    else if (code !== codes.equals) return false
  }
  return sawGap
}

/** docutils' `field_marker` pattern; returns `match.end()` or -1. */
export function matchFieldMarker(text: string): number {
  const second = text.charCodeAt(1)
  if (text.charCodeAt(0) !== codes.colon || text.length < 2 || second === codes.colon || second === codes.space) return -1
  let index = 1
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === codes.backslash) {
      if (index + 1 >= text.length) return -1
      index += 2
      continue
    }
    if (code === codes.colon) {
      const next = text.charCodeAt(index + 1)
      if (index + 1 === text.length || next === codes.space) {
        if (text.charCodeAt(index - 1) === codes.space) return -1
        return spacesOrEnd(text, index + 1)
      }
      if (next === codes.backquote) return -1
    }
    index++
  }
  return -1
}

function isRomanLower(code: number): boolean {
  return code === 105 || code === 118 || code === 120 || code === 108 || code === 99 || code === 100 || code === 109
}

function isRomanUpper(code: number): boolean {
  return isRomanLower(code + 32)
}

function matchEnumerator(text: string): Classified | undefined {
  let index = 0
  const parens = text.charCodeAt(0) === codes.leftParen
  if (parens) index++
  const start = index
  const first = text.charCodeAt(index)
  if (first === codes.hash) index++
  else if (isDigit(first)) {
    while (isDigit(text.charCodeAt(index))) index++
  } else if (isAsciiAlpha(first)) {
    index++
    // Most lines start with a word: only a Roman numeral may have several letters.
    if (isAsciiAlpha(text.charCodeAt(index)) && !isRomanLower(first) && !isRomanUpper(first)) return undefined
    while (isAsciiAlpha(text.charCodeAt(index))) index++
    const after = text.charCodeAt(index)
    if (after !== codes.rightParen && after !== codes.dot) return undefined
    if (index - start > 1) {
      // Several letters: only a Roman numeral of one case.
      const lower = isRomanLower(first)
      const upper = isRomanUpper(first)
      for (let at = start; at < index; at++) {
        const code = text.charCodeAt(at)
        if (!((lower && isRomanLower(code)) || (upper && isRomanUpper(code)))) return undefined
      }
    }
  } else return undefined
  const enumText = text.slice(start, index)
  const suffix = text.charCodeAt(index)
  let format: EnumeratorMatch['format']
  if (parens) {
    if (suffix !== codes.rightParen) return undefined
    format = 'parens'
  } else if (suffix === codes.rightParen) format = 'rparen'
  else if (suffix === codes.dot) format = 'period'
  else return undefined
  const end = spacesOrEnd(text, index + 1)
  if (end < 0) return undefined
  return {kind: 'enumerator', end, enumerator: {format, text: enumText}}
}
