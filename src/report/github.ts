// `--format github`: GitHub Actions workflow commands, one annotation per
// finding (`::error file=…,line=…::message`), escaped as the runner expects.

import type {VFileMessage} from 'vfile-message'
import {endOf, sortedMessages, type Formatter} from './types.ts'

/** Escape the message part of a workflow command. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** Escape a property value (also `:` and `,`, which delimit properties). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

function command(message: VFileMessage): string {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'notice'
}

export const github: Formatter = ({files}) => {
  let out = ''
  for (const file of files) {
    for (const message of sortedMessages(file.messages)) {
      const end = endOf(message)
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${message.line ?? 1}`,
        `col=${message.column ?? 1}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(message.ruleId ?? 'qemu-rst-lint')}`,
      ]
      out += `::${command(message)} ${properties.join(',')}::${escapeData(message.reason)}\n`
    }
  }
  return out
}
