// `--format email` (patch mode): a plain-text review reply to the patch mail,
// as a CI bot pipes it into sendmail: threading headers (`In-Reply-To`,
// `References`, `Subject: Re: …`), a blank line, then each finding quoting the
// added line as `> +…` with a caret line under the span and `path:line:col`,
// and a summary line. No `From:`: the bot's mailer sets it.

import type {VFileMessage} from 'vfile-message'
import {countsPhrase} from './patchwork.ts'
import {endOf, sortedMessages, type ReportContext} from './types.ts'

export interface EmailFinding {
  /** `[PATCH v3 2/3] docs: …` of the patch that introduced the finding. */
  patchLabel?: string
  /** Its place in the series (groups are written in series order). */
  patchIndex?: number
  /** The flagged line's text. */
  lineText: string
  /** Whether the line is one the patch adds (quoted with `+`). */
  added: boolean
}

export interface EmailContext extends ReportContext {
  /** The mail replied to: its subject, Message-ID and References. */
  replyTo?: {subject?: string; messageId?: string; references: readonly string[]}
  /** Subject used when the input had none (a plain diff): its file name. */
  inputName?: string
  /** Per message: the patch and the quoted line. */
  details: ReadonlyMap<VFileMessage, EmailFinding>
  /** Group findings under the subject of their patch (a series answered as a whole). */
  grouped?: boolean
}

export function email(context: EmailContext): string {
  let out = headers(context) + '\n'
  const order = (message: VFileMessage) => context.details.get(message)?.patchIndex ?? Number.MAX_SAFE_INTEGER
  const entries = context.files.flatMap((file) => sortedMessages(file.messages).map((message) => ({path: file.path, message})))
  // A stable sort keeps path and line order within each patch.
  if (context.grouped) entries.sort((a, b) => order(a.message) - order(b.message))
  const groups = new Map<string, typeof entries>()
  for (const entry of entries) {
    const label = context.grouped ? (context.details.get(entry.message)?.patchLabel ?? '') : ''
    const group = groups.get(label)
    if (group) group.push(entry)
    else groups.set(label, [entry])
  }
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const [label, group] of groups) {
    if (label) out += `${label}:\n\n`
    for (const {path, message} of group) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
      else infos++
      out += finding(path, message, context.details.get(message))
    }
  }
  const counts = countsPhrase(errors, warnings) + (infos > 0 ? `${errors + warnings > 0 ? ', ' : ''}${infos} note${infos === 1 ? '' : 's'}` : '')
  out += counts
    ? `qemu-rst-lint ${context.version}: ${counts} introduced by this ${context.grouped ? 'series' : 'patch'}.\n`
    : `qemu-rst-lint ${context.version}: no new reStructuredText problems in this ${context.grouped ? 'series' : 'patch'}.\n`
  return out
}

function headers(context: EmailContext): string {
  const reply = context.replyTo
  let out = ''
  if (reply?.messageId) {
    out += `In-Reply-To: ${reply.messageId}\n`
    out += `References: ${[...reply.references.filter((ref) => ref !== reply.messageId), reply.messageId].join(' ')}\n`
  }
  const subject = reply?.subject?.trim() || `qemu-rst-lint report on ${context.inputName ?? 'the patch'}`
  out += `Subject: ${/^re:/i.test(subject) ? subject : `Re: ${subject}`}\n`
  return out
}

/** The quoted line, a caret line under the span, then `path:line:col: severity: message [rule]`. */
function finding(path: string, message: VFileMessage, detail: EmailFinding | undefined): string {
  const line = message.line ?? 1
  const column = message.column ?? 1
  const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note'
  let out = ''
  const text = detail?.lineText ?? ''
  if (text !== '' || detail?.added) {
    const prefix = detail?.added ? '> +' : '   '
    out += `${prefix}${text}\n${caretLine(text, column, endOf(message), line, prefix.length)}\n`
  }
  return out + `${path}:${line}:${column}: ${severity}: ${message.reason} [${message.ruleId ?? 'unknown'}]\n\n`
}

/** Padding (tabs kept where the line has them, so the carets align) then `^` under the span. */
function caretLine(text: string, column: number, end: {line: number; column: number}, line: number, indent: number): string {
  const from = Math.min(column - 1, text.length)
  const to = end.line === line ? Math.max(end.column - 1, from + 1) : Math.max(text.length, from + 1)
  let out = ' '.repeat(indent)
  for (let index = 0; index < from; index++) out += text[index] === '\t' ? '\t' : ' '
  return out + '^'.repeat(Math.max(1, to - from))
}
