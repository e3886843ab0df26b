// `--format patchwork` (patch mode): the JSON body of a Patchwork checks API
// POST (`/api/patches/ID/checks/`): a state from the introduced findings, the
// check's context name, one line saying what was found where, and the URL of
// the CI run when given. One compact line, ready for `curl --data @-`.

import type {VFileMessage} from 'vfile-message'
import type {ReportContext} from './types.ts'

export interface PatchworkContext extends ReportContext {
  /** Link to the full report (the CI job), Patchwork's `target_url`. */
  targetUrl?: string
}

/** Patchwork limits `description` to 255 characters. */
const MAX_DESCRIPTION = 255

export function patchwork(context: PatchworkContext): string {
  const {errors, warnings, paths} = tally(context)
  const state = errors > 0 ? 'fail' : warnings > 0 ? 'warning' : 'success'
  const description = errors + warnings === 0 ? 'no new reStructuredText problems' : `${countsPhrase(errors, warnings)} in ${placesPhrase(paths)}`
  const body: Record<string, string> = {state, context: 'qemu-rst-lint', description: clip(description)}
  if (context.targetUrl) body['target_url'] = context.targetUrl
  return JSON.stringify(body) + '\n'
}

/** Errors and warnings over all files, and the files that have any (sorted). */
export function tally(context: ReportContext): {errors: number; warnings: number; paths: string[]} {
  let errors = 0
  let warnings = 0
  const paths = new Set<string>()
  for (const file of context.files) {
    for (const message of file.messages) {
      if (isCounted(message)) paths.add(file.path)
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  return {errors, warnings, paths: [...paths].sort()}
}

/** `2 errors, 1 warning` (a zero count is left out). */
export function countsPhrase(errors: number, warnings: number): string {
  const parts: string[] = []
  if (errors > 0) parts.push(plural(errors, 'error'))
  if (warnings > 0) parts.push(plural(warnings, 'warning'))
  return parts.join(', ')
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function isCounted(message: VFileMessage): boolean {
  return message.fatal === true || message.fatal === false
}

/** `a.rst`, `a.rst and b.rst`, `a.rst, b.rst and 3 more files`. */
function placesPhrase(paths: readonly string[]): string {
  if (paths.length <= 2) return paths.join(' and ')
  return `${paths.slice(0, 2).join(', ')} and ${plural(paths.length - 2, 'more file')}`
}

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`
}
