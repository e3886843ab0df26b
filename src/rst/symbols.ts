// Character codes and character classes the reStructuredText parser tests
// on hot paths, kept in one place so constructs classify a line by its first
// character without regular expressions (docutils' `Body.pats` fragments).

export const codes = {
  tab: 9,
  space: 32,
  exclamation: 33,
  quote: 34,
  hash: 35,
  asterisk: 42,
  plus: 43,
  comma: 44,
  dash: 45,
  dot: 46,
  slash: 47,
  digit0: 48,
  digit9: 57,
  colon: 58,
  lessThan: 60,
  equals: 61,
  greaterThan: 62,
  question: 63,
  at: 64,
  upperA: 65,
  upperZ: 90,
  leftBracket: 91,
  backslash: 92,
  rightBracket: 93,
  underscore: 95,
  backquote: 96,
  lowerA: 97,
  lowerZ: 122,
  leftParen: 40,
  rightParen: 41,
  verticalBar: 124,
  bullet: 0x2022,
  triangularBullet: 0x2023,
  hyphenBullet: 0x2043,
  emDash: 0x2014,
} as const

/** docutils' `nonalphanum7bit`: the characters a section adornment or transition may use. */
export function isAdornmentChar(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  )
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

export function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isDigit(code) || isAsciiAlpha(code)
}

export function isBulletChar(code: number): boolean {
  return (
    code === codes.dash ||
    code === codes.plus ||
    code === codes.asterisk ||
    code === codes.bullet ||
    code === codes.triangularBullet ||
    code === codes.hyphenBullet
  )
}

const wordPattern = /[\p{L}\p{N}\p{M}\p{Pc}]/u

/** Python's `\w` minus `_`: the characters of a docutils "simple name" word. */
export function isNameWordChar(char: string): boolean {
  const code = char.charCodeAt(0)
  if (code < 128) return isAsciiAlphanumeric(code)
  return char !== '_' && wordPattern.test(char)
}

/**
 * Length of the docutils "simple name" (`(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*`)
 * starting at `start` of `text`, 0 if none. Used for directive names,
 * citation labels and footnote labels.
 */
export function simpleNameLength(text: string, start: number): number {
  // ASCII names (nearly all) in one native match; the loop below settles
  // the rest, whenever a non-ASCII character could extend the name.
  asciiSimpleName.lastIndex = start
  if (asciiSimpleName.test(text)) {
    const end = asciiSimpleName.lastIndex
    const next = text.charCodeAt(end)
    if (!(next >= 128) && !(isNameSeparator(next) && text.charCodeAt(end + 1) >= 128)) return end - start
  } else if (!(text.charCodeAt(start) >= 128)) return 0
  return simpleNameLengthSlow(text, start)
}

const asciiSimpleName = /[A-Za-z0-9]+(?:[-._+:][A-Za-z0-9]+)*/y

function isNameSeparator(code: number): boolean {
  return code === codes.dash || code === codes.dot || code === codes.underscore || code === codes.plus || code === codes.colon
}

function simpleNameLengthSlow(text: string, start: number): number {
  let index = start
  let end = start
  while (index < text.length) {
    const wordStart = index
    while (index < text.length && isNameWordChar(text[index]!)) index++
    if (index === wordStart) break
    end = index
    const code = text.charCodeAt(index)
    if (code === codes.dash || code === codes.dot || code === codes.underscore || code === codes.plus || code === codes.colon) {
      index++
    } else break
  }
  return end - start
}

/** docutils' `normalize_name`: lowercase, whitespace collapsed. */
export function normalizeName(text: string): string {
  return whitespaceNormalize(text).toLowerCase()
}

/** docutils' `whitespace_normalize_name`. */
export function whitespaceNormalize(text: string): string {
  // Most names have nothing to collapse: one native test says so.
  if (normalizedWords.test(text)) return text
  let out = ''
  let pendingSpace = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12) {
      pendingSpace = out.length > 0
    } else {
      if (pendingSpace) out += ' '
      pendingSpace = false
      out += text[index]
    }
  }
  return out
}

const narrowOnly = /^[\x00-\u02ff]*$/

/** Words without whitespace (space, `\t`-`\r`) joined by single spaces. */
const normalizedWords = /^[^ \t-\r]+(?: [^ \t-\r]+)*$/

/**
 * docutils' `column_width`: East Asian wide and full-width characters count
 * two columns, combining marks none. Decides whether an underline is long
 * enough for its title.
 */
export function columnWidth(text: string): number {
  // Below U+0300 every character is one column (no combining or wide ones).
  if (narrowOnly.test(text)) return text.length
  let width = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!
    if (code > 0xffff) index++
    if (code < 0x300) width++
    else if (code <= 0x36f) continue
    else if (
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) ||
      (code >= 0x20000 && code <= 0x3fffd)
    )
      width += 2
    else width++
  }
  return width
}
