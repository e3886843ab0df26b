// A matcher for the regex a plain MAINTAINERS glob becomes (`^` + literal
// text with `\.`, `.*` for `*`, `.` for `?`, `[...]` classes), without
// compiling a regex: a cold process pays ~10 µs to compile and tier up each
// of several hundred regexes that then test a path or two.

/** One step of the pattern: a literal code unit, any one character, any run (`.*`), or a class. */
type Token = {kind: 'char'; code: number} | {kind: 'any'} | {kind: 'star'} | {kind: 'class'; codes: number[]; ranges: number[]}

/**
 * The tokens of a converted source (`FilePattern.source`) made from a value of
 * printable ASCII without `\ ( ) | + { } ^ $`; undefined for anything else.
 * Such a pattern can only match within a line, like the regex without `s`.
 */
export function globTokens(source: string): Token[] | undefined {
  const tokens: Token[] = []
  for (let at = 0; at < source.length; at++) {
    const code = source.charCodeAt(at)
    if (code === 0x5c /* \ */) {
      // Only `\.` (a converted dot) can occur.
      if (source[at + 1] !== '.') return undefined
      tokens.push({kind: 'char', code: 0x2e})
      at++
    } else if (code === 0x2e /* . */) {
      if (source[at + 1] === '*') {
        tokens.push({kind: 'star'})
        at++
      } else tokens.push({kind: 'any'})
    } else if (code === 0x5b /* [ */) {
      // A class ends at its first `]` (`[]` matches nothing).
      const close = source.indexOf(']', at + 1)
      if (close < 0) return undefined
      const token = classOf(source.slice(at + 1, close))
      if (!token) return undefined
      tokens.push(token)
      at = close
    } else if (code < 0x20 || code > 0x7e || REGEX_SYNTAX.includes(source[at] as string)) return undefined
    else tokens.push({kind: 'char', code})
  }
  return tokens
}

/** Outside a class: regex syntax a plain glob never has. */
const REGEX_SYNTAX = '()|+{}^$*?'

/** A class body as JS reads it: atoms (`\.` is a dot), and `a-b` ranges where a `-` stands between two atoms. */
function classOf(body: string): Token | undefined {
  const atoms: number[] = []
  for (let at = 0; at < body.length; at++) {
    const code = body.charCodeAt(at)
    if (code === 0x5c) {
      if (body[at + 1] !== '.') return undefined
      atoms.push(-0x2e) // an escaped atom: never a range dash
      at++
    } else if (code < 0x20 || code > 0x7e) return undefined
    else atoms.push(code)
  }
  const codes: number[] = []
  const ranges: number[] = []
  for (let index = 0; index < atoms.length; index++) {
    const atom = Math.abs(atoms[index] as number)
    const dash = atoms[index + 1]
    const end = atoms[index + 2]
    if (dash === 0x2d && end !== undefined) {
      const last = Math.abs(end)
      // An inverted range does not compile: the caller has no regex then and never asks.
      if (last < atom) return undefined
      ranges.push(atom, last)
      index += 2
    } else codes.push(atom)
  }
  return {kind: 'class', codes, ranges}
}

/** Whether the tokens match at the start of `text` (the regex is anchored there, not at the end). */
export function globMatches(tokens: readonly Token[], text: string): boolean {
  // No token matches a line terminator, and `.` and `.*` stop at one: only the text before it counts.
  let end = text.search(LINE_TERMINATOR)
  if (end < 0) end = text.length
  // Wildcard matching with a backtrack point at the last star; the end of the tokens acts as a final star.
  let token = 0
  let at = 0
  let starToken = -1
  let starAt = 0
  for (;;) {
    if (token === tokens.length) return true
    const current = tokens[token] as Token
    if (current.kind === 'star') {
      starToken = token++
      starAt = at
      continue
    }
    if (at < end && stepMatches(current, text.charCodeAt(at))) {
      token++
      at++
      continue
    }
    if (starToken < 0 || starAt >= end) return false
    token = starToken + 1
    at = ++starAt
  }
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/

function stepMatches(token: Token, code: number): boolean {
  if (token.kind === 'char') return token.code === code
  if (token.kind === 'any') return true
  if (token.kind !== 'class') return false
  if (token.codes.includes(code)) return true
  for (let index = 0; index < token.ranges.length; index += 2) {
    if (code >= (token.ranges[index] as number) && code <= (token.ranges[index + 1] as number)) return true
  }
  return false
}
