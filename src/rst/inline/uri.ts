// Standalone URIs and e-mail addresses, recognised exactly as docutils'
// `Inliner.patterns.uri` does (scheme, hierarchical part, optional query and
// fragment, the "final URI character" rule that leaves trailing punctuation
// out), but scanned by hand in linear time on the NUL-escaped text.

import {
  codeBefore,
  isAsciiLetter,
  isEmailc,
  isPrefix,
  isSchemeChar,
  isSuffix,
  isUric,
  isUrilast,
  codeAt,
} from './chars.ts'
import {codes} from '../symbols.ts'

/** docutils' `urischemes.schemes`: a standalone URI with another scheme is no URI (and stops the search). */
export const uriSchemes: ReadonlySet<string> = new Set(
  (
    'about acap addbook afp afs aim callto castanet chttp cid crid data dav dict dns eid fax feed file ' +
    'finger freenet ftp go gopher gsm-sms h323 h324 hdl hnews http https hydra iioploc ilu im imap info ' +
    'ior ipp irc iris.beep iseek jar javascript jdbc ldap lifn livescript lrq mailbox mailserver mailto ' +
    'md5 mid mocha modem mtqp mupdate news nfs nntp opaquelocktoken phone pop pop3 pres printer prospero ' +
    'rdar res rtsp rvp rwhois rx sdp service shttp sip sips smb snews snmp soap.beep soap.beeps ssh t120 ' +
    'tag tcp tel telephone telnet tftp tip tn3270 tv urn uuid vemmi videotex view-source wais whodp ' +
    'whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r z39.50s'
  ).split(' '),
)

export interface UriMatch {
  start: number
  end: number
  /** The scheme as written, for an absolute URI; absent for an e-mail address. */
  scheme?: string
}

/** docutils' `uri_end`: a final URI character, or any URI character right before `>`. */
function isUriEnd(text: string, last: number, limit: number): boolean {
  const code = text.charCodeAt(last)
  if (isUrilast(code)) return true
  return isUric(code) && last + 1 < limit && text.charCodeAt(last + 1) === codes.greaterThan
}

function suffixAt(text: string, index: number, limit: number): boolean {
  return index >= limit || isSuffix(codeAt(text, index))
}

function uricRunEnd(text: string, from: number, limit: number): number {
  let index = from
  while (index < limit && isUric(text.charCodeAt(index))) index++
  return index
}

/** `(\#uric*uri_end)?` then the end-string suffix: the match end, or -1. */
function fragmentThenSuffix(text: string, at: number, limit: number): number {
  if (at < limit && text.charCodeAt(at) === codes.hash) {
    const runEnd = uricRunEnd(text, at + 1, limit)
    for (let end = runEnd; end >= at + 2; end--) {
      if (isUriEnd(text, end - 1, limit) && suffixAt(text, end, limit)) return end
    }
  }
  return suffixAt(text, at, limit) ? at : -1
}

/** `(\?uric*uri_end)?(\#uric*uri_end)?` then the suffix, in regex priority order. */
function queryThenRest(text: string, at: number, limit: number): number {
  if (at < limit && text.charCodeAt(at) === codes.question) {
    const runEnd = uricRunEnd(text, at + 1, limit)
    for (let end = runEnd; end >= at + 2; end--) {
      if (!isUriEnd(text, end - 1, limit)) continue
      const matched = fragmentThenSuffix(text, end, limit)
      if (matched !== -1) return matched
    }
  }
  return fragmentThenSuffix(text, at, limit)
}

/** An absolute URI (`scheme:...`) starting at `start`, any scheme; the end, or -1. */
export function matchAbsoluteUri(text: string, start: number, limit: number): number {
  if (!isAsciiLetter(text.charCodeAt(start))) return -1
  let index = start + 1
  while (index < limit && isSchemeChar(text.charCodeAt(index))) index++
  if (index >= limit || text.charCodeAt(index) !== codes.colon) return -1
  const partStart = index + 1
  const runEnd = uricRunEnd(text, partStart, limit)
  // Greedy `uric*` then one final character: try the longest first.
  for (let end = runEnd + 1; end >= partStart + 1; end--) {
    if (end > limit || !isUriEnd(text, end - 1, limit)) continue
    if (end - 1 >= runEnd && !isUric(text.charCodeAt(end - 1))) continue
    const matched = queryThenRest(text, end, limit)
    if (matched !== -1) return matched
  }
  return -1
}

/** An e-mail name (`emailc+(\.emailc+)*`) from `start` and the unescaped `@` after it: the `@`'s index, or -1. */
function emailAtSign(text: string, start: number, limit: number): number {
  let index = start
  for (;;) {
    const runStart = index
    while (index < limit && isEmailc(text.charCodeAt(index))) index++
    if (index === runStart) return -1
    if (index + 1 < limit && text.charCodeAt(index) === codes.dot && isEmailc(text.charCodeAt(index + 1))) {
      index++
      continue
    }
    break
  }
  if (index >= limit || text.charCodeAt(index) !== codes.at || text.charCodeAt(index - 1) === 0) return -1
  return index
}

/** An e-mail address starting at `start`; the end, or -1. */
export function matchEmail(text: string, start: number, limit: number): number {
  const at = emailAtSign(text, start, limit)
  if (at === -1) return -1
  // host: emailc+(\.emailc*)* then uri_end, longest first
  const hostStart = at + 1
  if (hostStart >= limit || !isEmailc(text.charCodeAt(hostStart))) return -1
  let runEnd = hostStart
  while (runEnd < limit && (isEmailc(text.charCodeAt(runEnd)) || text.charCodeAt(runEnd) === codes.dot)) runEnd++
  for (let end = Math.min(runEnd + 1, limit); end >= hostStart + 2; end--) {
    if (isUriEnd(text, end - 1, limit) && suffixAt(text, end, limit)) return end
  }
  return -1
}

/**
 * The leftmost standalone URI or e-mail address in `text[from, limit)`, the
 * slice being docutils' string (start and end of the slice count as start
 * and end of text). A match starts in a run of e-mail/scheme characters that
 * runs into its `:` or `@`, so only such runs are tried.
 */
export function searchUri(text: string, from: number, limit: number): UriMatch | undefined {
  // Each `:` or `@` right after a run character ends a run worth trying:
  // found by a native search, the run's start by a short walk back.
  stopChars.lastIndex = from
  while (stopChars.test(text)) {
    const stop = stopChars.lastIndex - 1
    if (stop >= limit) break
    let index = stop
    while (index > from && isRunChar(text.charCodeAt(index - 1))) index--
    if (index === stop) continue
    const stopCode = text.charCodeAt(stop)
    for (let start = index; start < stop; start++) {
      if (start > from && !isPrefix(codeBefore(text, start))) continue
      if (stopCode === codes.colon) {
        const end = matchAbsoluteUri(text, start, limit)
        if (end !== -1) return {start, end, scheme: text.slice(start, stop)}
      } else {
        const end = matchEmail(text, start, limit)
        if (end !== -1) return {start, end}
      }
    }
  }
  return undefined
}

const stopChars = /[:@]/g

/**
 * Whether `text[from, limit)` holds a `:` or `@` (else it has no URI). Pieces
 * are asked about in increasing order, so the last `indexOf` answers are kept.
 */
export class UriHints {
  private colon = -2
  private at = -2

  mayHold(text: string, from: number, limit: number): boolean {
    if (this.colon !== -1 && this.colon < from) this.colon = text.indexOf(':', from)
    if (this.colon !== -1 && this.colon < limit) return true
    if (this.at !== -1 && this.at < from) this.at = text.indexOf('@', from)
    return this.at !== -1 && this.at < limit
  }
}

/** Characters of a scheme or an e-mail name: e-mail characters and `.`. */
function isRunChar(code: number): boolean {
  return code === codes.dot || isEmailc(code)
}

/** docutils' `patterns.email` matched against a whole string (embedded `<user@host>`). */
export function isEmailAddress(text: string): boolean {
  if (text.length === 0) return false
  // The full-string pattern has no start/end context: check the match covers the text.
  const end = matchEmailWhole(text)
  return end === text.length
}

function matchEmailWhole(text: string): number {
  // `email_pattern + '$'`: the longest host whose final character ends the text.
  const limit = text.length
  const at = emailAtSign(text, 0, limit)
  if (at === -1) return -1
  const hostStart = at + 1
  if (hostStart + 1 >= limit || !isEmailc(text.charCodeAt(hostStart))) return -1
  for (let host = hostStart + 1; host < limit - 1; host++) {
    const code = text.charCodeAt(host)
    if (!isEmailc(code) && code !== codes.dot) return -1
  }
  return isUriEnd(text, limit - 1, limit) ? limit : -1
}
