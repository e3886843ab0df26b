// Recognise a patch input by its content, not its name: a Patchwork API dump,
// an e-mail or mbox (`git format-patch`, a mailing-list archive), or a plain
// diff, and read it into one `PatchInput`. Only mail input loads the mail
// reader (and with it mailparser).

import {buildPatch, splitBody} from './body.ts'
import {looksLikeDiff} from './diff.ts'
import {looksLikeMail} from './mbox.ts'
import {looksLikePatchwork, readPatchwork} from './patchwork.ts'
import type {InputError, PatchInput} from './types.ts'
import {decodeUtf8} from './utf8.ts'

/** Mail may declare another charset and decode fine; everything else must be UTF-8. */
function declaresOtherCharset(view: string): boolean {
  const re = /charset="?([A-Za-z0-9_.:-]+)/gi
  for (let m = re.exec(view); m; m = re.exec(view)) {
    const cs = m[1]!.toLowerCase()
    if (cs !== 'utf-8' && cs !== 'utf8' && cs !== 'us-ascii') return true
  }
  return false
}

export async function readPatchInput(bytes: Buffer, name: string): Promise<PatchInput | InputError> {
  if (bytes.length === 0) return {ok: false, error: `${name}: the input is empty`}
  const view = bytes.toString('latin1')
  const mail = looksLikeMail(view)
  if (!(mail && declaresOtherCharset(view))) {
    const decoded = decodeUtf8(bytes, name)
    if (!decoded.ok) return {ok: false, error: decoded.error}
  }
  if (mail) {
    try {
      // Loaded only for mail: mailparser is slow to load, and CI mostly reads JSON or diffs.
      return await (await import('./mail.ts')).readMail(bytes, name)
    } catch (e) {
      return {ok: false, error: `${name}: the e-mail can't be read (${(e as Error).message})`}
    }
  }
  const text = bytes.toString('utf8').replace(/^\ufeff/, '')
  if (looksLikePatchwork(text)) return readPatchwork(text, name)
  if (!looksLikeDiff(text))
    return {ok: false, error: `${name}: not a patch: no \`diff --git\` or \`---\`/\`+++\` file header found (expected a diff, a git format-patch file or mbox, or a Patchwork JSON dump)`}
  const parts = splitBody(text)
  const built = buildPatch({subject: {tags: [], title: ''}, message: parts.message, diffText: parts.diffText, diffLine: parts.diffStart + 1}, name)
  if (!built.ok) return built
  const problems = built.problems.map((p) => ({...p, patch: 0}))
  return {ok: true, kind: 'diff', name, patches: [built.patch], problems}
}
