// What the engine adds to vfile messages: the message id, the fix and the
// configured severity travel on the message itself, so reporters and the
// fixer read one object. Also fills `{{name}}` placeholders of templates.

import type {VFileMessage} from 'vfile-message'
import type {Fix, LintedFile, Severity} from './types.ts'
import type {ProjectIndex} from '../tree/project.ts'

declare module 'vfile-message' {
  interface VFileMessage {
    /** The key of the rule's `meta.messages` the text came from. */
    messageId?: string
    fix?: Fix
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The parsed file every rule of a run sees (set by the engine). */
    qrlFile: LintedFile
    qrlProject: ProjectIndex | undefined
  }
}

/** Replace `{{name}}` with `data.name`; unknown names stay as written. */
export function fillTemplate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data || !template.includes('{{')) return template
  let out = ''
  let index = 0
  while (index < template.length) {
    const open = template.indexOf('{{', index)
    if (open === -1) break
    const close = template.indexOf('}}', open + 2)
    if (close === -1) break
    const key = template.slice(open + 2, close).trim()
    const value = data[key]
    out += template.slice(index, open) + (value === undefined ? template.slice(open, close + 2) : String(value))
    index = close + 2
  }
  return out + template.slice(index)
}

/** The severity a message was reported with (vfile: fatal true/false/undefined). */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}
