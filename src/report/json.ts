// `--format json`: the contract other tools rely on (DESIGN.md): an array with
// one entry per file with findings, `{path, messages: [{ruleId, severity,
// line, column, endLine, endColumn, message, fix?}]}`.

import {severityOf} from './severity.ts'
import {endOf, sortedMessages, type Formatter} from './types.ts'

export const json: Formatter = ({files}) => {
  const out = []
  for (const file of files) {
    if (file.messages.length === 0) continue
    out.push({
      path: file.path,
      messages: sortedMessages(file.messages).map((message) => {
        const end = endOf(message)
        return {
          ruleId: message.ruleId ?? null,
          severity: severityOf(message),
          line: message.line ?? 1,
          column: message.column ?? 1,
          endLine: end.line,
          endColumn: end.column,
          message: message.reason,
          ...(message.fix ? {fix: message.fix} : {}),
        }
      }),
    })
  }
  return JSON.stringify(out, null, 2) + '\n'
}
