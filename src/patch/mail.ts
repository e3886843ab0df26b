// Read e-mails holding patches: one `git format-patch` file, or an mbox with a
// whole series. Each message is decoded by mailparser (MIME parts,
// quoted-printable, base64, charsets); the cover letter is kept apart and the
// patches are put in their `[PATCH n/N]` order, as `git am` would apply them.

import {simpleParser, type ParsedMail} from 'mailparser'
import {buildPatch, splitBody} from './body.ts'
import {splitMbox, type RawMessage} from './mbox.ts'
import {looksLikeDiff} from './diff.ts'
import {parseSubject} from './subject.ts'
import type {InputError, MailHeaders, Patch, PatchInput, PatchProblem, SubjectInfo} from './types.ts'
import {decodeUtf8} from './utf8.ts'

/** `Name <addr>` without the quotes mailparser adds around every name. */
function addressText(list: readonly {name: string; address?: string}[]): string {
  return list.map((a) => (a.name ? (a.address ? `${a.name} <${a.address}>` : a.name) : (a.address ?? ''))).join(', ')
}

function headers(mail: ParsedMail): MailHeaders {
  const raw = (key: string) => {
    const h = mail.headerLines.find((x) => x.key === key)
    if (!h) return undefined
    return h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()
  }
  const refs = mail.references
  return {
    ...(mail.messageId ? {messageId: mail.messageId} : {}),
    ...(mail.subject !== undefined ? {subject: mail.subject} : {}),
    ...(mail.from ? {from: addressText(mail.from.value)} : {}),
    ...(raw('date') !== undefined ? {date: raw('date')!} : {}),
    ...(mail.inReplyTo ? {inReplyTo: mail.inReplyTo} : {}),
    references: refs === undefined ? [] : Array.isArray(refs) ? refs : [refs],
  }
}

interface Parsed {
  subject: SubjectInfo
  mail: MailHeaders
  message: string
  patch?: Patch
  problems: PatchProblem[]
  hasDiff: boolean
  /** A `Re:` in a thread mbox: review, not a patch, even when it quotes a diff. */
  reply: boolean
}

async function parseMessage(raw: RawMessage, name: string, n: number): Promise<Parsed | InputError> {
  const mail = await simpleParser(raw.bytes)
  const mh = headers(mail)
  const subject = parseSubject(mail.subject ?? '')
  const reply = /^\s*(re|aw|sv)\s*:/i.test(mail.subject ?? '')
  const where = `${name}: message ${n} ("${mail.subject ?? 'no subject'}", line ${raw.line})`
  let body = mail.text ?? ''
  if (body.includes('\ufffd') && !raw.text.includes('\ufffd'))
    return {ok: false, error: `${where}: its decoded body is not valid UTF-8 (check the charset and transfer encoding)`}
  let parts = splitBody(body)
  let fromAttachment = false
  if (parts.diffStart < 0) {
    // Some mailers send the patch as an attachment (text/x-patch, *.patch).
    for (const a of mail.attachments) {
      const isPatch = /^text\//.test(a.contentType) || /\.(patch|diff)$/i.test(a.filename ?? '')
      if (!isPatch) continue
      const decoded = decodeUtf8(a.content, `${where}, attachment ${a.filename ?? a.contentType}`)
      if (!decoded.ok) return {ok: false, error: decoded.error}
      if (!looksLikeDiff(decoded.text)) continue
      const att = splitBody(decoded.text)
      parts = {message: parts.message || att.message, diffText: att.diffText, diffStart: att.diffStart}
      fromAttachment = true
      break
    }
  }
  if (parts.diffStart < 0) return {subject, mail: mh, message: parts.message, problems: [], hasDiff: false, reply}
  // The body is verbatim for 7bit/8bit mail: find where the diff sits in the input file.
  let diffLine = 0
  const firstDiffLine = parts.diffText.slice(0, parts.diffText.indexOf('\n') >>> 0)
  const encoding = String(mail.headers.get('content-transfer-encoding') ?? '').toLowerCase()
  if (!fromAttachment && !/quoted-printable|base64/.test(encoding) && firstDiffLine !== '') {
    const headerEnd = raw.text.search(/\r?\n\r?\n/)
    const at = raw.text.indexOf(`\n${firstDiffLine}`, Math.max(0, headerEnd))
    if (at >= 0) diffLine = raw.line + countNewlines(raw.text, at + 1)
  }
  const built = buildPatch({subject, mail: mh, message: parts.message, diffText: parts.diffText, diffLine}, name)
  if (!built.ok) return built
  return {subject, mail: mh, message: parts.message, patch: built.patch, problems: built.problems, hasDiff: true, reply}
}

function countNewlines(text: string, end: number): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Read an mbox or a single e-mail into a series. */
export async function readMail(bytes: Buffer, name: string): Promise<PatchInput | InputError> {
  const messages = splitMbox(bytes)
  const parsed: Parsed[] = []
  for (let k = 0; k < messages.length; k++) {
    const p = await parseMessage(messages[k]!, name, k + 1)
    if ('ok' in p) return p
    parsed.push(p)
  }
  return assembleSeries(parsed, name)
}

function assembleSeries(parsed: Parsed[], name: string): PatchInput | InputError {
  const problems: PatchProblem[] = []
  // A cover letter may carry a diff too (`--interdiff`, `--range-diff`): never apply it.
  const cover = parsed.find((p) => p.subject.index === 0 && !p.reply)
  let withDiff = parsed.filter((p) => p.hasDiff && p !== cover && !p.reply)
  for (const p of parsed)
    if (p.reply) problems.push({kind: 'series', severity: 'info', message: `reply "${p.mail.subject ?? ''}" skipped`})
    else if (!p.hasDiff && p !== cover)
      problems.push({kind: 'series', severity: 'info', message: `message "${p.mail.subject ?? ''}" holds no diff; skipped`})
  if (withDiff.length === 0) return {ok: false, error: `${name}: no diff found in ${parsed.length === 1 ? 'the message' : `any of its ${parsed.length} messages`}`}
  // A mailbox may hold several versions of a series: keep the newest.
  const versions = new Set(withDiff.map((p) => p.subject.version ?? 1))
  if (versions.size > 1) {
    const newest = Math.max(...versions)
    problems.push({
      kind: 'series',
      severity: 'warning',
      message: `the input mixes versions ${[...versions].sort((a, b) => a - b).map((v) => `v${v}`).join(', ')} of the series; only v${newest} is used`,
    })
    withDiff = withDiff.filter((p) => (p.subject.version ?? 1) === newest)
  }
  const numbered = withDiff.every((p) => p.subject.index !== undefined)
  if (numbered) {
    withDiff = [...withDiff].sort((a, b) => a.subject.index! - b.subject.index!)
    const total = withDiff[0]!.subject.total ?? withDiff.length
    const seen = new Set(withDiff.map((p) => p.subject.index!))
    const missing = [...Array(total).keys()].map((k) => k + 1).filter((k) => !seen.has(k))
    if (missing.length > 0)
      problems.push({
        kind: 'series',
        severity: 'warning',
        message: `patch${missing.length > 1 ? 'es' : ''} ${missing.map((m) => `${m}/${total}`).join(', ')} missing from the input: later patches may not apply and their lines aren't linted`,
      })
    if (seen.size < withDiff.length)
      problems.push({kind: 'series', severity: 'warning', message: 'the input holds the same patch number twice; they are applied in file order'})
  }
  const patches = withDiff.map((p, index) => {
    for (const q of p.problems) problems.push({...q, patch: index})
    return {...p.patch!, index}
  })
  const coverPart = cover ? {cover: {subject: cover.subject, mail: cover.mail, message: cover.message}} : {}
  return {ok: true, kind: 'mbox', name, patches, ...coverPart, problems}
}
