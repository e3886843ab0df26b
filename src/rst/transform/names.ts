// Name and id normalization as docutils does it (`nodes.fully_normalize_name`,
// `whitespace_normalize_name`, `make_id`): reference names match target names
// case-insensitively, and the ids docutils derives from names appear in its
// messages ("Hyperlink target "my-label" is not referenced.").

/** Lowercase, whitespace runs collapsed to one space, trimmed (docutils `fully_normalize_name`). */
export function normalizeName(name: string): string {
  return collapseWhitespace(name.toLowerCase())
}

/** Whitespace runs collapsed, case kept (docutils `whitespace_normalize_name`; substitution names). */
export function collapseWhitespace(text: string): string {
  if (isCollapsed(text)) return text
  let out = ''
  let pendingSpace = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    if (isSpace(char)) {
      pendingSpace = out.length > 0
    } else {
      if (pendingSpace) out += ' '
      pendingSpace = false
      out += char
    }
  }
  return out
}

/** Whether `text` has no whitespace but single spaces between words (most names): nothing to collapse. */
function isCollapsed(text: string): boolean {
  if (asciiWords.test(text)) return true
  const last = text.length - 1
  let space = true // a leading space is not collapsed
  for (let index = 0; index <= last; index++) {
    const code = text.charCodeAt(index)
    // Every separator `isSpace` knows is ASCII whitespace, NBSP or U+3000.
    const white = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000
    if (!white) space = false
    else if (code !== 32 || space || index === last) return false
    else space = true
  }
  return true
}

/** Printable ASCII words joined by single spaces: collapsed (one native test). */
const asciiWords = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/

function isSpace(char: string): boolean {
  // Python's str.split() separators that can occur in a name.
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\v' || char === '\f' || char === '\u00a0' || char === '\u3000'
}

const digraphs: Record<string, string> = {'\u00df': 'sz', '\u00e6': 'ae', '\u0153': 'oe', '\u0238': 'db', '\u0239': 'qp'}

// Letters NFKD cannot decompose to ASCII, mapped as docutils' `_non_id_translate`.
const strokes: Record<string, string> = {
  '\u00f8': 'o', '\u0111': 'd', '\u0127': 'h', '\u0131': 'i', '\u0142': 'l', '\u0167': 't', '\u0180': 'b',
  '\u0183': 'b', '\u0188': 'c', '\u018c': 'd', '\u0192': 'f', '\u0199': 'k', '\u019a': 'l', '\u019e': 'n',
  '\u01a5': 'p', '\u01ab': 't', '\u01ad': 't', '\u01b4': 'y', '\u01b6': 'z', '\u01e5': 'g', '\u0225': 'z',
  '\u0234': 'l', '\u0235': 'n', '\u0236': 't', '\u0237': 'j', '\u023c': 'c', '\u023f': 's', '\u0240': 'z',
  '\u0247': 'e', '\u0249': 'j', '\u024b': 'q', '\u024d': 'r', '\u024f': 'y',
}

/**
 * docutils' `make_id`: lowercase ASCII letters and digits, other runs become
 * one `-`, no leading digits or hyphens, no trailing hyphens.
 */
export function makeId(name: string): string {
  const lower = name.toLowerCase()
  if (isPlainId(lower)) return lower
  // ASCII (most names): runs of other characters become one `-`, then the
  // leading digits and hyphens and a trailing hyphen go, by native replaces.
  if (asciiOnly.test(lower)) return lower.replace(nonAlphanumerics, '-').replace(idEnds, '')
  let ascii = lower
  if (!isAscii(lower)) {
    let mapped = ''
    for (const char of lower) mapped += digraphs[char] ?? strokes[char] ?? char
    ascii = mapped.normalize('NFKD')
  }
  let id = ''
  let gap = false
  for (let index = 0; index < ascii.length; index++) {
    const code = ascii.charCodeAt(index)
    const keep = (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
    if (keep) {
      if (gap && id.length > 0) id += '-'
      gap = false
      id += ascii[index]
    } else if (code < 128) {
      // ASCII non-alphanumerics (and whitespace) separate; non-ASCII is dropped.
      gap = true
    }
  }
  // A leading run of digits and hyphens is removed ("2nd-try" → "nd-try").
  let start = 0
  while (start < id.length) {
    const code = id.charCodeAt(start)
    if (code === 45 || (code >= 48 && code <= 57)) start++
    else break
  }
  return id.slice(start)
}

/**
 * Whether `text` is already its own id: ASCII letters and digits in runs
 * joined by single `-`, starting with a letter (most names are), so
 * `makeId` need not rebuild it character by character.
 */
function isPlainId(text: string): boolean {
  return plainId.test(text)
}

const plainId = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
const asciiOnly = /^[\x00-\x7f]*$/
const nonAlphanumerics = /[^a-z0-9]+/g
const idEnds = /^[-0-9]+|-$/g

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 127) return false
  return true
}
