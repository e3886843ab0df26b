// `--format checkpatch`: the shape of QEMU's scripts/checkpatch.pl output, so
// developers read it like the tool they know: `ERROR: message`, `#N: FILE:
// path:N:`, the line prefixed by `+`, a caret line under the span, and a
// final `total:` line.

import {sortedMessages, endOf, type Formatter} from './types.ts'

export const checkpatch: Formatter = ({files}) => {
  let out = ''
  let errors = 0
  let warnings = 0
  let lines = 0
  for (const file of files) {
    lines += file.source.lineCount
    for (const message of sortedMessages(file.messages)) {
      const kind = message.fatal === true ? 'ERROR' : message.fatal === false ? 'WARNING' : 'CHECK'
      if (kind === 'ERROR') errors++
      else if (kind === 'WARNING') warnings++
      const line = message.line ?? 1
      const index = line - 1
      const start = file.source.lineStarts[index] ?? 0
      const end = file.source.lineEnds[index] ?? start
      const text = file.source.text.slice(start, end)
      out += `${kind}: ${message.reason}\n#${line}: FILE: ${file.path}:${line}:\n+${text}\n${caret(text, message.column ?? 1, endOf(message), line)}\n\n`
    }
  }
  return out + `total: ${errors} errors, ${warnings} warnings, ${lines} lines checked\n`
}

/** Spaces (tabs kept, so alignment survives) up to the span, then `^` under it. */
function caret(text: string, column: number, end: {line: number; column: number}, line: number): string {
  const from = Math.min(column - 1, text.length)
  const to = end.line === line ? Math.min(Math.max(end.column - 1, from + 1), Math.max(text.length, from + 1)) : Math.max(text.length, from + 1)
  let out = ' '
  for (let index = 0; index < from; index++) out += text[index] === '\t' ? '\t' : ' '
  return out + '^'.repeat(Math.max(1, to - from))
}
