// Recognise and split an mbox without parsing any mail: what patch input
// detection needs, kept apart from mail.ts so that reading a Patchwork dump or
// a plain diff never loads mailparser (a large module, slow to load).

/** A header line: a field name, a colon. */
const HEADER_LINE = /^[!-9;-~]+:/

/** `git format-patch`'s separator: the commit id (SHA-1 or SHA-256) and a fixed date. */
const FORMAT_PATCH_FROM = /^From (?:[0-9a-f]{40}|[0-9a-f]{64}) Mon Sep 17 00:00:00 2001\r?$/

/**
 * Is this an `mbox` separator (`From <sender> <date>`) at line `i`? An mbox
 * puts a blank line before it; `git format-patch` files joined with `cat`
 * have none when made with `--no-signature`, so its own, unmistakable
 * separator line counts without one.
 */
function isFromLine(lines: readonly string[], i: number): boolean {
  const l = lines[i]!
  if (!l.startsWith('From ') || l.length < 6 || l[5] === ' ') return false
  if (i > 0 && lines[i - 1]!.replace(/\r$/, '') !== '' && !FORMAT_PATCH_FROM.test(l)) return false
  return HEADER_LINE.test(lines[i + 1] ?? '')
}

/** Does the text start like an e-mail (an mbox `From ` line or a header block with a mail header)? */
export function looksLikeMail(text: string): boolean {
  const lines = text.slice(0, 64 * 1024).split('\n')
  if (lines.length > 1 && isFromLine(lines, 0)) return true
  for (const raw of lines) {
    const l = raw.replace(/\r$/, '')
    if (l === '') return false
    if (/^(subject|from|message-id|date):/i.test(l)) return true
    if (!HEADER_LINE.test(l) && !l.startsWith(' ') && !l.startsWith('\t')) return false
  }
  return false
}

export interface RawMessage {
  bytes: Buffer
  /** 1-based line of the message's first line in the input. */
  line: number
  /** The message as text (latin1 view when the input isn't UTF-8), to find the diff in. */
  text: string
}

/** Split an mbox on its `From ` lines; the separator lines are dropped. */
export function splitMbox(bytes: Buffer): RawMessage[] {
  const view = bytes.toString('latin1')
  const lines = view.split('\n')
  const starts: number[] = []
  for (let i = 0; i < lines.length; i++) if (isFromLine(lines, i)) starts.push(i)
  if (starts.length === 0) starts.push(-1) // one message without a separator
  const offsets: number[] = [0]
  for (const l of lines) offsets.push(offsets[offsets.length - 1]! + l.length + 1)
  const out: RawMessage[] = []
  for (let k = 0; k < starts.length; k++) {
    const first = starts[k]! + 1
    const end = k + 1 < starts.length ? starts[k + 1]! : lines.length
    const from = offsets[first]!
    const to = Math.min(offsets[end]!, bytes.length)
    const slice = bytes.subarray(from, to)
    out.push({bytes: slice, line: first + 1, text: slice.toString('utf8')})
  }
  return out
}
