// Read a Patchwork REST API dump of a patch: the JSON object (`name`, `msgid`,
// `headers`, `content`, `diff`), possibly preceded by the text of the API's
// browsable page. A series object only links to mbox URLs, which can't be
// fetched offline, so it is refused with a clear way out.

import {buildPatch, splitBody} from './body.ts'
import {parseSubject} from './subject.ts'
import type {InputError, MailHeaders, Patch, PatchInput, PatchProblem} from './types.ts'

/** Where the JSON of a dump starts: the first line opening with `{` or `[`; -1 if none. */
export function jsonStart(text: string): number {
  if (text.startsWith('{') || text.startsWith('[')) return 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const c = text[at + 1]
    if (c === '{' || c === '[') return at + 1
  }
  return -1
}

/** Does the text look like a Patchwork dump (JSON with patch-ish keys)? */
export function looksLikePatchwork(text: string): boolean {
  const at = jsonStart(text)
  if (at < 0) return false
  const head = text.slice(at, at + 200_000)
  return /"(diff|msgid|mbox|patches)"\s*:/.test(head)
}

type Json = null | boolean | number | string | Json[] | {[k: string]: Json}

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0]
  return undefined
}

export function readPatchwork(text: string, name: string): PatchInput | InputError {
  const at = jsonStart(text)
  let data: Json
  try {
    data = JSON.parse(text.slice(at)) as Json
  } catch (e) {
    // The browsable page may carry text after the JSON too: cut at the last brace.
    const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'))
    try {
      data = JSON.parse(text.slice(at, end + 1)) as Json
    } catch {
      return {ok: false, error: `${name}: looks like a Patchwork API dump but its JSON doesn't parse (${(e as Error).message})`}
    }
  }
  const items = Array.isArray(data) ? data : [data]
  const patches: Patch[] = []
  const problems: PatchProblem[] = []
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return {ok: false, error: `${name}: the Patchwork JSON is not a patch object`}
    if (Array.isArray(item['patches']) && typeof item['diff'] !== 'string')
      return {
        ok: false,
        error: `${name}: this is a Patchwork *series* dump: it lists its patches only as mbox URLs, with no diff, so it can't be used offline. Download the series mbox (the series' "mbox" URL${typeof item['mbox'] === 'string' ? `: ${item['mbox']}` : ''}) and pass that file instead`,
      }
    if (typeof item['diff'] !== 'string' || item['diff'] === '')
      return {
        ok: false,
        error: `${name}: the Patchwork dump "${str(item['name']) ?? '?'}" has no \`diff\` (a cover letter or comment?): nothing to lint`,
      }
    const h = item['headers']
    const hdr = (k: string) => (h && typeof h === 'object' && !Array.isArray(h) ? str(h[k] ?? h[k.toLowerCase()]) : undefined)
    const subjectText = hdr('Subject') ?? str(item['name']) ?? ''
    const refs = (hdr('References') ?? '').split(/\s+/).filter((r) => r !== '')
    const messageId = str(item['msgid']) ?? hdr('Message-ID')
    const from = hdr('From')
    const date = hdr('Date')
    const inReplyTo = hdr('In-Reply-To')
    const mail: MailHeaders = {
      ...(messageId ? {messageId} : {}),
      ...(subjectText ? {subject: subjectText.replace(/\r?\n[ \t]+/g, ' ')} : {}),
      ...(from ? {from} : {}),
      ...(date ? {date} : {}),
      ...(inReplyTo ? {inReplyTo: inReplyTo.trim()} : {}),
      references: refs,
    }
    const content = str(item['content']) ?? ''
    const built = buildPatch(
      {subject: parseSubject(subjectText), mail, message: splitBody(content).message, diffText: item['diff'], diffLine: 0},
      name,
    )
    if (!built.ok) return built
    for (const p of built.problems) problems.push({...p, patch: patches.length})
    patches.push({...built.patch, index: patches.length})
  }
  if (patches.length > 1 && patches.every((p) => p.subject.index !== undefined)) {
    patches.sort((a, b) => a.subject.index! - b.subject.index!)
    // Renumber the patches and the problems that name them.
    const moved = new Map(patches.map((p, i) => [p.index, i]))
    patches.forEach((p, i) => (p.index = i))
    for (const q of problems) if (q.patch !== undefined) q.patch = moved.get(q.patch) ?? q.patch
  }
  return {ok: true, kind: 'patchwork', name, patches, problems}
}
