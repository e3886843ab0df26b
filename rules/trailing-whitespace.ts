// `trailing-whitespace`: spaces or tabs at the end of a line. QEMU's
// checkpatch.pl rejects them in every file, and they make diffs noisy.

import {defineRule} from '../src/lint/define-rule.ts'

export default defineRule({
  meta: {
    id: 'trailing-whitespace',
    description: 'Lines must not end in spaces or tabs',
    severity: 'error',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst', 'markdown'],
    messages: {found: 'Trailing whitespace: delete the spaces or tabs at the end of the line'},
    docs: {
      why: '`checkpatch.pl` rejects patches adding trailing whitespace, and it shows up as noise in diffs and reviews.',
      instead: 'End lines with their last visible character; the fix deletes the whitespace. In Markdown, two trailing spaces are a hard line break: that fix is marked unsafe (use a backslash at the end of the line instead).',
    },
    examples: [
      {title: 'clean lines', input: 'Heading\n=======\n\nSome text.\n'},
      {
        title: 'spaces after a sentence',
        input: 'Some text.  \n',
        errors: ['1:11-1:13 found'],
        output: 'Some text.\n',
      },
      {
        title: 'a tab at the end, and a whitespace-only line',
        input: 'First.\t\n   \nSecond.\n',
        errors: ['1:7-1:8 found', '2:1-2:4 found'],
        output: 'First.\n\nSecond.\n',
      },
      {
        title: 'inside a literal block too',
        input: 'Run::\n\n  make check \n',
        errors: ['3:13-3:14 found'],
        output: 'Run::\n\n  make check\n',
      },
      {
        title: 'before a CRLF line ending',
        input: 'Text. \r\n',
        errors: ['1:6-1:7 found'],
        output: 'Text.\r\n',
      },
      {title: 'Markdown', path: 'README.md', input: '# Title \n', errors: ['1:8-1:9 found'], output: '# Title\n'},
      {
        title: 'a Markdown hard break is reported, its fix not applied',
        path: 'README.md',
        input: 'One  \ntwo\n',
        errors: ['1:4-1:6 found'],
        output: 'One  \ntwo\n',
      },
    ],
  },
  check({file, report}) {
    const {text, source} = file
    const reportLine = (line: number): void => {
      const start = source.lineStarts[line]!
      const end = source.lineEnds[line]!
      let from = end
      while (from > start) {
        const code = text.charCodeAt(from - 1)
        if (code !== 32 && code !== 9) break
        from--
      }
      if (from < end) {
        // In Markdown two or more trailing spaces are a hard line break:
        // deleting them changes the rendering, so that fix is only offered.
        const hardBreak = file.language === 'markdown' && end - from >= 2 && !text.slice(from, end).includes('\t')
        report({
          messageId: 'found',
          place: {start: from, end},
          fix: {title: 'Delete trailing whitespace', safety: hardBreak ? 'unsafe' : 'safe', edits: [{start: from, end, text: ''}]},
        })
      }
    }
    // Only the lines a native search finds trailing blanks on are looked at:
    // a line's end is followed by `\r`, `\n` or the end of the text.
    TRAILING.lastIndex = 0
    let last = -1
    for (let match = TRAILING.exec(text); match; match = TRAILING.exec(text)) {
      const line = source.lineOfOffset(match.index)
      if (line === last) continue
      last = line
      reportLine(line)
    }
    const final = text.charCodeAt(text.length - 1)
    if (final === 32 || final === 9) {
      const line = source.lineOfOffset(text.length - 1)
      if (line !== last) reportLine(line)
    }
  },
})

/**
 * A blank before a line break (the last line's end is checked apart): two
 * plain characters, as a lookahead tried after every space scanned twice as slowly.
 */
const TRAILING = /[ \t][\r\n]/g
