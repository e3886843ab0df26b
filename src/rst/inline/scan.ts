// The inline scan: one forward pass over a text block (NUL-escaped), trying
// docutils' start-strings and whole constructs where the recognition rules
// allow markup to start, building nodes with exact positions, and handing
// the text between them to the standalone-URI search. Mirrors
// `Inliner.parse`, including its quirk that the text right after a
// construct, a quoted start-string or an unmatched one counts as start of text.

import {asciiFlags, codeAt, codeBefore, FLAG_MARKUP, FLAG_NAME, FLAG_PREFIX, FLAG_WORD, isPrefix, isWord} from './chars.ts'
import {phraseReference} from './embedded.ts'
import {restoreBackslashes, unescape} from './escapes.ts'
import {implicitInline, type PlainText} from './implicit.ts'
import {UriHints} from './uri.ts'
import {normalizeName, simplenameEnd, whitespaceNormalizeName} from './names.ts'
import type {OffsetMap} from './offsets.ts'
import {
  EndStringCache,
  footnoteAt,
  isQuotedStart,
  nonWhitespaceAt,
  prefixRoleAt,
  refnameAt,
  simpleStartAt,
  startLength,
  type StartKind,
} from './recognition.ts'
import type {ParseContext} from '../context.ts'
import {exact} from '../lines.ts'
import {codes} from '../symbols.ts'
import type {FootnoteReference, Inline, Position, Text} from '../types.ts'

const nodeName: Record<StartKind, string> = {
  strong: 'strong',
  emphasis: 'emphasis',
  literal: 'literal',
  target: 'target',
  substitution: 'substitution_reference',
}

/** A regex character class of the ASCII characters whose flags match (or, with `not`, miss) `mask`. */
function asciiClass(mask: number, not = false): string {
  let out = ''
  for (let code = 0; code < 128; code++) {
    if ((((asciiFlags[code] ?? 0) & mask) !== 0) !== not) out += '\\x' + code.toString(16).padStart(2, '0')
  }
  return out
}

/** Characters that may start markup when the text has no `_` (letters cannot). */
const markupCandidates = new RegExp(`[${asciiClass(FLAG_MARKUP)}]`, 'g')
/**
 * With a `_`, also any non-ASCII character (tested by the caller). A letter
 * or digit matters only if its run of `[-.+A-Za-z0-9]` ends at `_`, `:` or
 * non-ASCII (see `plainNameRunEnd`: other runs are skipped whole), that is
 * right before a character this search finds: `wordBefore` looks there.
 */
const stopCandidates = new RegExp(`[${asciiClass(FLAG_MARKUP)}\\x80-\\uffff]`, 'g')
/** Name characters that cannot start markup: letters, digits and `-.+` (not `_`, `:`). */
const plainNameRun = /[-.+A-Za-z0-9]*/y

function isPlainNameChar(code: number): boolean {
  return ((asciiFlags[code] ?? 0) & FLAG_NAME) !== 0 && code !== codes.underscore && code !== codes.colon
}

class InlineScanner {
  private readonly text: string
  private readonly map: OffsetMap
  private readonly ctx: ParseContext
  readonly out: Inline[] = []
  /** Start of docutils' `remaining` string: markup may start here unconditionally. */
  private base = 0
  /** Start of the plain text not yet emitted. */
  private textStart = 0
  private index = 0
  private readonly plain: PlainText
  private readonly ends = new EndStringCache()
  private noReferenceBefore = -1
  /** The last candidate search: from `searchedFrom`, the first hit is at `searched` (or the length). */
  private searchedFrom = -1
  private searched = -1
  /** The `_`, `:` or non-ASCII character `wordBefore` saw last, and where its run starts. */
  private runStop = -1
  private runStart = 0

  constructor(text: string, map: OffsetMap, ctx: ParseContext) {
    this.text = text
    this.map = map
    this.ctx = ctx
    this.plain = {text, map, hints: new UriHints(), out: this.out}
  }

  run(): Inline[] {
    const text = this.text
    const length = text.length
    // Without `_` there is no `name_` reference: letters cannot start markup.
    const wordFlag = text.indexOf('_') === -1 ? 0 : FLAG_WORD
    const candidate = FLAG_MARKUP | wordFlag
    const flags = asciiFlags
    // The next candidate is found by a native regex search, not a loop over
    // every character (in a cold process the loop runs interpreted).
    const search = wordFlag === 0 ? markupCandidates : stopCandidates
    let index = 0
    while (index < length) {
      let code = text.charCodeAt(index)
      // Set for a word `wordBefore` found: its run ends at `_`, `:` or
      // non-ASCII, so `plainNameRunEnd` would say -1 (no need to scan it again).
      let endsAtStop = false
      // At `base` (start of docutils' `remaining`) no prefix is needed, which
      // the search does not know: test that character here.
      if (index !== this.base || (code < 128 ? ((flags[code] as number) & candidate) === 0 : wordFlag === 0 || !isWord(codeAt(text, index)))) {
        const from = index === this.base ? index + 1 : index
        // The last search result holds until it is passed: words tried one
        // by one before a far `_` must not each search up to it again.
        if (from > this.searched || from < this.searchedFrom) {
          search.lastIndex = from
          this.searched = search.test(text) ? search.lastIndex - 1 : length
          this.searchedFrom = from
        }
        let next = this.searched
        if (wordFlag !== 0) {
          // A word starting a reference comes before the `_`, `:` or
          // non-ASCII character that ends its run.
          const word = this.wordBefore(from, next)
          if (word !== -1) {
            next = word
            endsAtStop = true
          }
        }
        if (next >= length) break
        index = next
        code = text.charCodeAt(index)
        if (code >= 128 && !isWord(codeAt(text, index))) {
          index++
          continue
        }
        // Inline markup starts only after whitespace, an opener or a delimiter.
        if (index !== this.base) {
          const before = text.charCodeAt(index - 1)
          if (before < 128 ? ((flags[before] as number) & FLAG_PREFIX) === 0 : !isPrefix(codeBefore(text, index))) {
            index++
            continue
          }
        }
      }
      this.index = index + 1
      if (code === codes.asterisk || code === codes.backquote || code === codes.underscore || code === codes.verticalBar) {
        const kind = simpleStartAt(text, index)
        if (kind !== undefined) this.simple(index, kind)
        else if (code === codes.backquote && text.charCodeAt(index + 1) !== codes.backquote && nonWhitespaceAt(text, index + 1)) {
          this.interpreted(index, index)
        }
      } else if (code === codes.colon) {
        const quote = prefixRoleAt(text, index)
        if (quote !== -1) this.interpreted(index, quote)
      } else if (code === codes.leftBracket) {
        this.footnote(index)
      } else if (index >= this.noReferenceBefore) {
        const runEnd = endsAtStop ? -1 : this.plainNameRunEnd(index)
        if (runEnd === -1) this.reference(index)
        // A run of letters, digits and `-.+` without `_` or `:` holds no markup start.
        else this.index = runEnd
      }
      index = this.index
    }
    this.flush(length)
    return this.out
  }

  /**
   * The first letter or digit in `[from, stop)` that may start markup (after
   * whitespace, an opener or a delimiter, or at `base`) in the run of
   * `[-.+A-Za-z0-9]` that ends at `stop`, if the character there is `_`, `:`
   * or non-ASCII; else -1. Other letters cannot start markup (their run ends
   * at a character that is no `_`, `:` or non-ASCII).
   */
  private wordBefore(from: number, stop: number): number {
    const text = this.text
    const code = text.charCodeAt(stop)
    if (!(code === codes.underscore || code === codes.colon || code >= 128)) return -1
    // The run's start, found once per stop (a long run is not walked again
    // for each start tried inside it: linear time).
    if (stop !== this.runStop) {
      let start = stop
      while (start > 0 && isPlainNameChar(text.charCodeAt(start - 1))) start--
      this.runStop = stop
      this.runStart = start
    }
    // Starts before `noReferenceBefore` would be skipped anyway.
    const first = Math.max(this.runStart, from, this.noReferenceBefore)
    for (let at = first; at < stop; at++) {
      if (((asciiFlags[text.charCodeAt(at)] as number) & FLAG_WORD) === 0) continue
      if (at === this.base) return at
      const before = text.charCodeAt(at - 1)
      if (before < 128 ? ((asciiFlags[before] as number) & FLAG_PREFIX) !== 0 : isPrefix(codeBefore(text, at))) return at
    }
    return -1
  }

  /**
   * End of the name-character run at `start` if it can hold no markup start
   * (no `_`, no `:`, ASCII only), else -1 (try a reference here).
   */
  private plainNameRunEnd(start: number): number {
    const text = this.text
    plainNameRun.lastIndex = start
    plainNameRun.test(text)
    const index = plainNameRun.lastIndex
    const code = text.charCodeAt(index)
    return code === codes.underscore || code === codes.colon || code >= 128 ? -1 : index
  }

  /** Emit the pending plain text up to `end` (through the URI search). */
  private flush(end: number): void {
    implicitInline(this.plain, this.textStart, end)
  }

  /** A construct `[start, end)` was recognised: emit text before it, then the node. */
  private emit(start: number, end: number, node: Inline): void {
    this.flush(start)
    this.out.push(node)
    this.textStart = end
    this.base = end
    this.index = end
  }

  /** Not markup after all (a quoted start-string): scanning resumes after it, as at start of text. */
  private skip(end: number): void {
    this.base = end
    this.index = end
  }

  /** docutils' "problematic": the raw text stands alone, with a warning at its span. */
  private problem(start: number, end: number, message: string, resume: number): void {
    const position = this.map.position(start, end)
    const node: Text = {
      type: 'text',
      value: restoreBackslashes(this.text, start, end),
      position,
      data: {problematic: true},
    }
    this.ctx.report(2, message, this.map.position(start, end))
    this.flush(start)
    this.out.push(node)
    this.textStart = resume
    this.base = resume
    this.index = resume
  }

  private textNode(start: number, end: number): Text {
    return {type: 'text', value: unescape(this.text, start, end), position: this.map.position(start, end)}
  }

  private simple(start: number, kind: StartKind): void {
    const matchEnd = start + startLength[kind]
    if (isQuotedStart(this.text, start, matchEnd, this.base)) return this.skip(matchEnd)
    const end = this.ends.simpleEnd(this.text, kind, matchEnd)
    if (end === undefined || end.start <= matchEnd) {
      return this.problem(start, matchEnd, `Inline ${nodeName[kind]} start-string without end-string.`, matchEnd)
    }
    const position = this.map.position(start, end.end)
    const contentStart = matchEnd
    const contentEnd = end.start
    switch (kind) {
      case 'emphasis':
      case 'strong':
        return this.emit(start, end.end, {type: kind, children: [this.textNode(contentStart, contentEnd)], position})
      case 'literal':
        return this.emit(start, end.end, {
          type: 'literal',
          value: restoreBackslashes(this.text, contentStart, contentEnd),
          position,
        })
      case 'target': {
        const child = this.textNode(contentStart, contentEnd)
        return this.emit(start, end.end, {type: 'inline_target', names: [normalizeName(child.value)], children: [child], position})
      }
      case 'substitution': {
        const child = this.textNode(contentStart, contentEnd)
        const underscores = end.end - end.start - 1
        return this.emit(start, end.end, {
          type: 'substitution_reference',
          refname: whitespaceNormalizeName(child.value),
          ...(underscores === 0 ? {} : {reference: underscores === 2 ? 'anonymous' : 'named'}),
          children: [child],
          position,
        })
      }
    }
  }

  /** Interpreted text or a phrase reference; `roleStart < quote` when a `:role:` prefix is written. */
  private interpreted(roleStart: number, quote: number): void {
    const text = this.text
    const hasPrefixRole = roleStart !== quote
    const matchEnd = quote + 1
    if (!hasPrefixRole && isQuotedStart(text, quote, matchEnd, this.base)) return this.skip(matchEnd)
    const end = this.ends.interpretedEnd(text, matchEnd)
    if (end === undefined || end.start <= matchEnd) {
      // The role prefix, if any, stays plain text.
      return this.problem(
        quote,
        matchEnd,
        'Inline interpreted text or phrase reference start-string without end-string.',
        matchEnd,
      )
    }
    let role: string | null = null
    let side: 'prefix' | 'suffix' | undefined
    let rolePosition: Position | undefined
    if (hasPrefixRole) {
      role = text.slice(roleStart + 1, quote - 1)
      side = 'prefix'
      rolePosition = this.map.position(roleStart, quote)
    }
    if (end.roleStart !== undefined && end.roleEnd !== undefined) {
      if (hasPrefixRole) {
        return this.problem(
          roleStart,
          end.end,
          'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).',
          end.end,
        )
      }
      role = text.slice(end.roleStart, end.roleEnd)
      side = 'suffix'
      rolePosition = this.map.position(end.roleStart - 1, end.roleEnd + 1)
    }
    if (end.refend !== '') {
      if (side !== undefined) {
        return this.problem(
          roleStart,
          end.end,
          `Mismatch: both interpreted text role ${side} and reference suffix.`,
          end.end,
        )
      }
      const node = phraseReference(text, matchEnd, end.start, end.refend === '__', quote, end.end, this.map)
      return this.emit(quote, end.end, node)
    }
    return this.emit(roleStart, end.end, {
      type: 'interpreted_text',
      role,
      ...(side === undefined ? {} : {roleSide: side, rolePosition}),
      value: restoreBackslashes(text, matchEnd, end.start),
      valuePosition: this.map.position(matchEnd, end.start),
      position: this.map.position(roleStart, end.end),
    })
  }

  private footnote(start: number): void {
    const match = footnoteAt(this.text, start)
    if (match === undefined) return
    const label = this.text.slice(match.labelStart, match.labelEnd)
    const position = this.map.position(start, match.end)
    if (match.citation) {
      return this.emit(start, match.end, {type: 'citation_reference', label, refname: normalizeName(label), position})
    }
    const node: FootnoteReference = {type: 'footnote_reference', label, position}
    if (label.startsWith('#')) {
      node.auto = '1'
      if (label.length > 1) node.refname = normalizeName(label.slice(1))
    } else if (label === '*') {
      node.auto = '*'
    } else {
      node.refname = normalizeName(label)
    }
    this.emit(start, match.end, node)
  }

  private reference(start: number): void {
    // A later start inside a simplename that failed ends at the same place: it fails too.
    if (start < this.noReferenceBefore) return
    const match = refnameAt(this.text, start)
    if (match === undefined) {
      this.noReferenceBefore = simplenameEnd(this.text, start)
      return
    }
    const name = this.text.slice(start, match.nameEnd)
    this.emit(start, match.end, {
      type: 'reference',
      ...(match.anonymous ? {anonymous: true} : {refname: normalizeName(name)}),
      children: [{type: 'text', value: name, position: this.map.position(start, match.nameEnd)}],
      position: this.map.position(start, match.end),
    })
  }
}

/** Parse the inline markup of NUL-escaped `text` (see escapes.ts). */
export function scanInline(text: string, map: OffsetMap, ctx: ParseContext): Inline[] {
  return exact(new InlineScanner(text, map, ctx).run())
}
