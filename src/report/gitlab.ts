// `--format gitlab`: GitLab Code Quality JSON. The fingerprint hashes the
// path, rule and the text of the flagged line (not its number), so a finding
// keeps its identity when lines above it move; repeats get an occurrence count.

import {createHash} from 'node:crypto'
import {sortedMessages, type Formatter} from './types.ts'

export const gitlab: Formatter = ({files}) => {
  const out = []
  for (const file of files) {
    const seen = new Map<string, number>()
    for (const message of sortedMessages(file.messages)) {
      const line = message.line ?? 1
      const index = line - 1
      const lineText = file.source.text.slice(file.source.lineStarts[index] ?? 0, file.source.lineEnds[index] ?? 0)
      const key = `${file.path}\0${message.ruleId ?? ''}\0${lineText.trim()}`
      const occurrence = seen.get(key) ?? 0
      seen.set(key, occurrence + 1)
      out.push({
        description: message.reason,
        check_name: message.ruleId ?? 'qemu-rst-lint',
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
        severity: message.fatal === true ? 'major' : message.fatal === false ? 'minor' : 'info',
        location: {path: file.path, lines: {begin: line}},
      })
    }
  }
  return JSON.stringify(out, null, 2) + '\n'
}
