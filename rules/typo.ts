// `typo`: known English misspellings in prose (the common-misspellings list
// codespell-style tools use). Only prose is checked: code, literals, URLs,
// targets and directive arguments are never words to correct.

import {defineRule} from '../src/lint/define-rule.ts'
import {matchCase, misspelling} from '../src/lint/helpers/misspellings.ts'
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
    const allow = new Set([...QEMU_WORDS, ...(context.options.allow ?? []).map((word) => word.toLowerCase())])
    for (const range of ranges) {
      for (const {start, end} of words(file.text, range)) {
        const word = file.text.slice(start, end)
        const lower = word.toLowerCase()
        if (allow.has(lower)) continue
        const rights = misspelling(lower)
        if (!rights || rights.length === 0) continue
        const suggestions = rights.map((right) => matchCase(word, right))
        if (suggestions.length === 1) {
          const suggestion = suggestions[0]!
          const fix = {title: `Replace with \`${suggestion}\``, safety: 'safe' as const, edits: [{start, end, text: suggestion}]}
          context.report({messageId: 'typo', data: {word, suggestion}, place: {start, end}, fix})
        } else {
          context.report({messageId: 'typos', data: {word, suggestions: suggestions.map((s) => `\`${s}\``).join(' or ')}, place: {start, end}})
        }
      }
    }
  },
})

/** QEMU names the misspellings list flags: the passt network back-end, SystemTap's `stap`, an Ethernet MAC. */
const QEMU_WORDS = ['passt', 'stap', 'emac']

const isLetter = (char: string | undefined): boolean => char !== undefined && /\p{L}/u.test(char)

/** Characters that make a neighbouring word part of an identifier, path or address. */
const CODE_NEIGHBOURS = new Set(['_', '/', '\\', '@', '$', '%', '#', '=', '&', '~', '<', '>', '{', '}', '[', ']', '+', '^', '|'])

/**
 * Words of a range: letter runs with inner apostrophes, skipping those glued
 * to digits, identifier or path characters, dotted names (`foo.bar`) and
 * mixed-case names (`camelCase`), which are code rather than English.
 */
function* words(text: string, range: Range): Generator<Range> {
  let at = range.start
  while (at < range.end) {
    if (!isLetter(text[at])) {
      at++
      continue
    }
    const start = at
    while (at < range.end && (isLetter(text[at]) || (isApostrophe(text[at]) && isLetter(text[at + 1]) && at + 1 < range.end))) at++
    const end = at
    const before = text[start - 1]
    const after = text[end]
    const word = text.slice(start, end)
    if (before !== undefined && (/\d/.test(before) || CODE_NEIGHBOURS.has(before))) continue
    if (after !== undefined && (/\d/.test(after) || CODE_NEIGHBOURS.has(after) || after === '(')) continue
    if ((before === '.' && isLetter(text[start - 2])) || (after === '.' && isLetter(text[end + 1]))) continue
    // `-device`, `--enable-foo`: option names, not words.
    if (before === '-' && (start - 2 < range.start || /[\s-]/.test(text[start - 2] ?? ' '))) continue
    if (/\p{Ll}\p{Lu}/u.test(word)) continue
    // Acronyms (`SIE`, `MSIs`) are names, not English: only long all-caps words are checked.
    const capitals = word.replace(/[^\p{Lu}]/gu, '').length
    if (capitals > 1 && (capitals < word.length || word.length < 7)) continue
    // `mis-typed`, `pre-boot`: a prefix of a hyphenated compound.
    if (after === '-' && isLetter(text[end + 1]) && word.length <= 4) continue
    yield {start, end}
  }
}

function isApostrophe(char: string | undefined): boolean {
  return char === "'" || char === '\u2019'
}
