// Character classes of docutils' inline markup recognition rules (whitespace,
// what may precede a start-string, what may follow an end-string, word and URI
// characters), with an ASCII lookup table for the hot path and the generated
// Unicode ranges for the rest. Work on UTF-16 strings, code-point aware.

import {matchingPairs, prefixRanges, suffixRanges, whitespaceRanges, wordRanges} from './unicode-tables.ts'

/** The escape marker: docutils turns each escaping backslash into NUL before parsing. */
export const NUL = 0

const WS = 1
const PRE = 2
const SUF = 4
/** `\w` without `_` (docutils' simplename letters: `(?!_)\w`). */
const WORD = 8
const URIC = 16
const EMAILC = 32
const URILAST = 64
const SCHEME = 128

const ascii = new Uint16Array(128)

/** Flags of the ASCII characters, for loops that inline their tests. */
export const asciiFlags: Readonly<Uint16Array> = ascii
export const FLAG_PREFIX = WS | PRE
export const FLAG_WORD = 8
/** Characters that may appear in a simplename: letters, digits and `-._+:`. */
export const FLAG_NAME = 256
/** Characters that may start inline markup: `* ` _ | : [`. */
export const FLAG_MARKUP = 512

function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i)
    ascii[code] = (ascii[code] ?? 0) | flag
  }
}

function range(from: number, to: number): string {
  let out = ''
  for (let code = from; code <= to; code++) out += String.fromCharCode(code)
  return out
}

const letters = range(65, 90) + range(97, 122)
const digits = range(48, 57)
mark('\t\n\v\f\r \x1c\x1d\x1e\x1f', WS)
mark('"\'(<[{-/:', PRE)
mark('\x00\\.,;!?-/:"\')>]}', SUF)
mark(letters + digits, WORD)
mark(`-_.!~*'()[];/:@&=+$,%` + letters + digits + '\x00', URIC)
mark("-_!~*'{|}/#?^`&=+$%" + letters + digits + '\x00', EMAILC)
mark('_~*/=+' + letters + digits, URILAST)
mark('.+-' + letters + digits, SCHEME)
mark('-._+:' + letters + digits, FLAG_NAME)
mark('*`_|:[', FLAG_MARKUP)

function inRanges(ranges: readonly number[], code: number): boolean {
  // Binary search over inclusive [from, to] pairs; NaN (past the end) is in none.
  if (!(code >= 0)) return false
  let low = 0
  let high = (ranges.length >> 1) - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (code < (ranges[mid * 2] ?? 0)) high = mid - 1
    else if (code > (ranges[mid * 2 + 1] ?? 0)) low = mid + 1
    else return true
  }
  return false
}

/** The code point at `index` (a surrogate pair read whole). */
export function codeAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(index + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  }
  return code
}

/** The code point ending just before `index` (a surrogate pair read whole). */
export function codeBefore(text: string, index: number): number {
  const code = text.charCodeAt(index - 1)
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000
  }
  return code
}

export function isWhitespace(code: number): boolean {
  if (code < 128) return ((ascii[code] ?? 0) & WS) !== 0
  return inRanges(whitespaceRanges, code)
}

/** May precede a start-string: whitespace, an opener or a delimiter. */
export function isPrefix(code: number): boolean {
  if (code < 128) return ((ascii[code] ?? 0) & (WS | PRE)) !== 0
  return inRanges(whitespaceRanges, code) || inRanges(prefixRanges, code)
}

/** May follow an end-string: whitespace, an escape, a closer or a delimiter. */
export function isSuffix(code: number): boolean {
  if (code < 128) return ((ascii[code] ?? 0) & (WS | SUF)) !== 0
  return inRanges(whitespaceRanges, code) || inRanges(suffixRanges, code)
}

/** A simplename letter: `\w` but not `_`. NaN (past the end) is not. */
export function isWord(code: number): boolean {
  if (code < 128) return ((ascii[code] ?? 0) & WORD) !== 0
  return inRanges(wordRanges, code)
}

export function isUric(code: number): boolean {
  return code < 128 && ((ascii[code] ?? 0) & URIC) !== 0
}

export function isEmailc(code: number): boolean {
  return code < 128 && ((ascii[code] ?? 0) & EMAILC) !== 0
}

export function isUrilast(code: number): boolean {
  return code < 128 && ((ascii[code] ?? 0) & URILAST) !== 0
}

export function isSchemeChar(code: number): boolean {
  return code < 128 && ((ascii[code] ?? 0) & SCHEME) !== 0
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** docutils' `match_chars`: an opener and its closer (`(*)`, `'*'`, `«*»`). */
export function isMatchingPair(open: number, close: number): boolean {
  const closers = matchingPairs.get(open)
  if (closers === undefined) return false
  for (let i = 0; i < closers.length; i++) if (codeAt(closers, i) === close) return true
  return false
}

/** Width in UTF-16 units of the code point `code`. */
export function widthOf(code: number): number {
  return code > 0xffff ? 2 : 1
}
