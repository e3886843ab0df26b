// Reference names: docutils' `simplename` (letters and digits with isolated
// `-._+:` inside, as in `qapi:type` or `foo_bar`) and name normalization
// (whitespace collapsed; lowercased for reference and target names).

import {codeAt, isWhitespace, isWord, widthOf} from './chars.ts'

function isSimplenameSeparator(code: number): boolean {
  // - . _ + :
  return code === 45 || code === 46 || code === 95 || code === 43 || code === 58
}

/**
 * End (exclusive) of the longest simplename starting at `start`, or -1 when
 * none starts there. Only the longest one ever matters: every construct
 * ending a simplename needs a separator-like character after it, and a
 * shorter simplename is followed by a letter or a separator then a letter.
 */
export function simplenameEnd(text: string, start: number, end = text.length): number {
  if (start >= end) return -1
  // ASCII names (nearly all) in one native match; the loop below settles
  // the rest, whenever a non-ASCII character could extend the name.
  asciiSimplename.lastIndex = start
  if (asciiSimplename.test(text)) {
    const stop = asciiSimplename.lastIndex
    if (stop === end) return stop
    if (stop < end) {
      const next = text.charCodeAt(stop)
      if (next < 128 && !(isSimplenameSeparator(next) && stop + 1 < end && text.charCodeAt(stop + 1) >= 128)) return stop
    }
  } else if (text.charCodeAt(start) < 128) return -1
  return simplenameEndSlow(text, start, end)
}

const asciiSimplename = /[A-Za-z0-9]+(?:[-._+:][A-Za-z0-9]+)*/y

function simplenameEndSlow(text: string, start: number, end: number): number {
  let index = start
  for (;;) {
    const runStart = index
    while (index < end) {
      const code = codeAt(text, index)
      if (!isWord(code)) break
      index += widthOf(code)
    }
    if (index === runStart) return runStart === start ? -1 : runStart - 1
    if (index + 1 < end && isSimplenameSeparator(text.charCodeAt(index)) && isWord(codeAt(text, index + 1))) {
      index++
      continue
    }
    return index
  }
}

/** docutils' `whitespace_normalize_name`: runs of whitespace become one space, ends trimmed. */
export function whitespaceNormalizeName(name: string): string {
  if (isNormalized(name)) return name
  let out = ''
  let pendingSpace = false
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index)
    if (isWhitespace(code)) {
      pendingSpace = out.length > 0
      continue
    }
    if (pendingSpace) out += ' '
    pendingSpace = false
    out += name[index]
  }
  return out
}

/** Whether `name` has no whitespace but single spaces between words (most names): nothing to collapse. */
function isNormalized(name: string): boolean {
  if (asciiWords.test(name)) return true
  const last = name.length - 1
  let space = true // a leading space is not normalized
  for (let index = 0; index <= last; index++) {
    const code = name.charCodeAt(index)
    if (!isWhitespace(code)) space = false
    else if (code !== 32 || space || index === last) return false
    else space = true
  }
  return true
}

/** Printable ASCII words joined by single spaces: normalized (one native test). */
const asciiWords = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/

/** docutils' `normalize_name`: whitespace collapsed and lowercased. */
export function normalizeName(name: string): string {
  return whitespaceNormalizeName(name.toLowerCase())
}
