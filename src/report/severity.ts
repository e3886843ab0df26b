// Severity of a message in the words each format uses.

import type {VFileMessage} from 'vfile-message'
import {severityOf} from '../lint/message.ts'

export {severityOf}

export function isError(message: VFileMessage): boolean {
  return message.fatal === true
}

export function isWarning(message: VFileMessage): boolean {
  return message.fatal === false
}
