// Read one patch input for `qemu-rst-lint patch`, keeping mail parsing off
// the common CI path: a Patchwork JSON dump or a plain diff is read here with
// the patch layer's own readers, and only what may be an e-mail or mbox goes
// through `readPatchInput`, whose mail reader loads mailparser (a large
// module that costs a noticeable share of a patch check's time to load).

import {buildPatch, splitBody} from '../patch/body.ts'
import {looksLikeDiff} from '../patch/diff.ts'
import {looksLikePatchwork, readPatchwork} from '../patch/patchwork.ts'
import type {InputError, PatchInput} from '../patch/types.ts'
import {decodeUtf8} from '../patch/utf8.ts'

export async function readOneInput(bytes: Buffer, name: string): Promise<PatchInput | InputError> {
  const view = bytes.toString('latin1')
  if (bytes.length === 0 || mayBeMail(view)) return (await import('../patch/input.ts')).readPatchInput(bytes, name)
  // The same steps as readPatchInput takes for inputs that are not mail.
  const decoded = decodeUtf8(bytes, name)
  if (!decoded.ok) return {ok: false, error: decoded.error}
  const text = decoded.text.replace(/^\ufeff/, '')
  if (looksLikePatchwork(text)) return readPatchwork(text, name)
  if (!looksLikeDiff(text)) return (await import('../patch/input.ts')).readPatchInput(bytes, name)
  const parts = splitBody(text)
  const built = buildPatch({subject: {tags: [], title: ''}, message: parts.message, diffText: parts.diffText, diffLine: parts.diffStart + 1}, name)
  if (!built.ok) return built
  return {ok: true, kind: 'diff', name, patches: [built.patch], problems: built.problems.map((problem) => ({...problem, patch: 0}))}
}

/**
 * A superset of the patch layer's mail test: an mbox `From ` first line, or a
 * mail header among the lines before the first blank line. Anything it lets
 * through is surely not mail.
 */
export function mayBeMail(view: string): boolean {
  if (view.startsWith('From ')) return true
  const head = view.slice(0, 64 * 1024)
  let start = 0
  while (start < head.length) {
    const end = head.indexOf('\n', start)
    const line = head.slice(start, end < 0 ? head.length : end).replace(/\r$/, '')
    if (line === '') return false
    if (/^(subject|from|message-id|date):/i.test(line)) return true
    if (end < 0) break
    start = end + 1
  }
  return false
}
