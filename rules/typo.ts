// `typo`: known English misspellings in prose (the common-misspellings list
// codespell-style tools use). Only prose is checked: code, literals, URLs,
// targets and directive arguments are never words to correct.

import {defineRule} from '../src/lint/define-rule.ts'
import {isMisspeltAscii, matchCase, misspelling} from '../src/lint/helpers/misspellings.ts'
import {markdownProse, rstProse} from '../src/lint/helpers/prose.ts'
import type {Range} from '../src/lint/helpers/text-ranges.ts'

interface Options {
  /** Words never reported (case-insensitive). */
  allow: string[]
}

export default defineRule<Options>({
  meta: {
    id: 'typo',
    description: 'Prose must not contain common misspellings',
    severity: 'warning',
    fixable: 'safe',
    scope: 'file',
    languages: ['rst', 'markdown'],
    messages: {
      typo: '`{{word}}` is a common misspelling of `{{suggestion}}`; reviewers and codespell will flag it. Write `{{suggestion}}`',
      typos: '`{{word}}` is a common misspelling; did you mean {{suggestions}}?',
    },
    docs: {
      why: 'Misspellings in user-facing documentation look careless and are routinely pointed out in review (QEMU runs codespell on patches). Only words of the known-misspellings list are reported, so real words and jargon never are.',
      instead: 'Use the suggested spelling; add project words to the `allow` option.',
      options: '`allow` (default `[]`): more words never reported, case-insensitive. QEMU jargon the list mistakes for misspellings (`passt`, `stap`, `emac`) is always allowed; all-caps words shorter than 7 letters and mixed-case names are acronyms and identifiers, not checked.',
    },
    defaultOptions: {allow: []},
    examples: [
      {title: 'correct prose', input: 'The guest keeps its functionality.\n'},
      {
        title: 'a misspelling, case kept',
        input: 'Fuctionality\n==============\n\nThe new FUCTIONALITY works.\n',
        errors: ['1:1-1:13 typo', '4:9-4:21 typo'],
        output: 'Functionality\n==============\n\nThe new FUNCTIONALITY works.\n',
      },
      {title: 'literals are not prose', input: 'Run ``fuctionality`` and see `fuctionality`_.\n\n.. _fuctionality: https://example.org\n'},
      {title: 'two possible corrections, no fix', input: 'Old logs are archieved weekly.\n', errors: ['1:14-1:23 typos']},
      {title: 'allowed word', input: 'The new fuctionality works.\n', options: {allow: ['Fuctionality']}},
      {
        title: 'Markdown text',
        path: 'README.md',
        input: 'Some `fuctionality` and some fuctionality.\n',
        errors: ['1:30-1:42 typo'],
        output: 'Some `fuctionality` and some functionality.\n',
      },
    ],
  },

  check(context) {
    const {file} = context
    const ranges: Range[] = file.rst ? rstProse(file.rst, file.source) : file.markdown ? markdownProse(file.markdown) : []
    const extra = context.options.allow ?? []
    const allow = extra.length === 0 ? QEMU_WORDS : new Set([...QEMU_WORDS, ...extra.map((word) => word.toLowerCase())])
    const text = file.text
    for (const range of ranges) {
      scanWords(text, range, (start, end, ascii) => {
        // Most words are no misspelling: rule those out without building them.
        if (ascii && !isMisspeltAscii(text, start, end)) return
        const word = text.slice(start, end)
        const lower = word.toLowerCase()
        if (allow.has(lower)) return
        const rights = misspelling(lower)
        if (!rights || rights.length === 0) return
        const suggestions = rights.map((right) => matchCase(word, right))
        if (suggestions.length === 1) {
          const suggestion = suggestions[0]!
          const fix = {title: `Replace with \`${suggestion}\``, safety: 'safe' as const, edits: [{start, end, text: suggestion}]}
          context.report({messageId: 'typo', data: {word, suggestion}, place: {start, end}, fix})
        } else {
          context.report({messageId: 'typos', data: {word, suggestions: suggestions.map((s) => `\`${s}\``).join(' or ')}, place: {start, end}})
        }
      })
    }
  },
})

/** QEMU names the misspellings list flags: the passt network back-end, SystemTap's `stap`, an Ethernet MAC. */
const QEMU_WORDS: ReadonlySet<string> = new Set(['passt', 'stap', 'emac'])

const LETTER = /\p{L}/u
const UPPER = /\p{Lu}/u
// Per UTF-16 unit outside ASCII: 0 not yet known, 1 letter, 2 not a letter.
const letterCache = new Uint8Array(0x10000)

/** Whether the UTF-16 unit at `at` is a letter (`\p{L}`); false past the end. */
function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  if (code !== code) return false // NaN: past the end
  let known = letterCache[code]!
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(code)) ? 1 : 2
    letterCache[code] = known
  }
  return known === 1
}

/** Characters that make a neighbouring word part of an identifier, path or address: `_ / \ @ $ % # = & ~ < > { } [ ] + ^ |`. */
const CODE_NEIGHBOURS = new Uint8Array(128)
for (const char of '_/\\@$%#=&~<>{}[]+^|') CODE_NEIGHBOURS[char.charCodeAt(0)] = 1

/** Whether the unit at `at` is an ASCII digit or a code neighbour (false past either end). */
function isCodeNeighbour(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code < 128 && ((code >= 48 && code <= 57) || CODE_NEIGHBOURS[code] === 1)
}

const APOSTROPHE = 39
const RIGHT_QUOTE = 0x2019

/**
 * Words of a range: letter runs with inner apostrophes, skipping those glued
 * to digits, identifier or path characters, dotted names (`foo.bar`) and
 * mixed-case names (`camelCase`), which are code rather than English.
 * Scans character codes (no per-character strings): it runs over all prose.
 */
function scanWords(text: string, range: Range, onWord: (start: number, end: number, ascii: boolean) => void): void {
  const rangeEnd = range.end
  let at = range.start
  while (at < rangeEnd) {
    // Between words: ASCII non-letters are skipped without a call.
    const lead = text.charCodeAt(at)
    if (lead < 128 ? ((lead | 32) < 97 || (lead | 32) > 122) : !isLetterAt(text, at)) {
      at++
      continue
    }
    const start = at
    let ascii = true
    let capitals = 0
    let camel = false
    let previousLower = false
    for (;;) {
      if (at >= rangeEnd) break
      const code = text.charCodeAt(at)
      if (code < 128) {
        if (code >= 97 && code <= 122) {
          previousLower = true
        } else if (code >= 65 && code <= 90) {
          capitals++
          if (previousLower) camel = true
          previousLower = false
        } else if (code === APOSTROPHE && at + 1 < rangeEnd && isLetterAt(text, at + 1)) {
          previousLower = false
        } else break
      } else if (isLetterAt(text, at)) {
        ascii = false
      } else if (code === RIGHT_QUOTE && at + 1 < rangeEnd && isLetterAt(text, at + 1)) {
        ascii = false
      } else break
      at++
    }
    const end = at
    if (start > 0 && isCodeNeighbour(text, start - 1)) continue
    const after = text.charCodeAt(end)
    if (isCodeNeighbour(text, end) || after === 40 /* ( */) continue
    const before = start > 0 ? text.charCodeAt(start - 1) : -1
    if ((before === 46 /* . */ && start >= 2 && isLetterAt(text, start - 2)) || (after === 46 && isLetterAt(text, end + 1))) continue
    // `-device`, `--enable-foo`: option names, not words.
    if (before === 45 /* - */ && (start - 2 < range.start || /[\s-]/.test(text[start - 2] ?? ' '))) continue
    if (!ascii) {
      const word = text.slice(start, end)
      if (/\p{Ll}\p{Lu}/u.test(word)) continue
      capitals = 0
      for (const char of word) if (UPPER.test(char)) capitals += char.length
    } else if (camel) continue
    const length = end - start
    // Acronyms (`SIE`, `MSIs`) are names, not English: only long all-caps words are checked.
    if (capitals > 1 && (capitals < length || length < 7)) continue
    // `mis-typed`, `pre-boot`: a prefix of a hyphenated compound.
    if (after === 45 && isLetterAt(text, end + 1) && length <= 4) continue
    onWord(start, end, ascii)
  }
}
