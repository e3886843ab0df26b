// `typo`: known English misspellings in prose (the common-misspellings list
// codespell-style tools use). Only prose is checked: code, literals, URLs,
// targets and directive arguments are never words to correct.

import {defineRule} from '../src/lint/define-rule.ts'
import {commonWordsPattern} from '../src/lint/helpers/common-words.ts'
import {isMisspelt, matchCase, misspelling} from '../src/lint/helpers/misspellings.ts'
import {markdownProse, type ProseParts, rstProse} from '../src/lint/helpers/prose.ts'

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
    const prose: ProseParts | undefined = file.rst ? rstProse(file.rst, file.source) : file.markdown ? markdownProse(file.markdown, file.text) : undefined
    if (!prose || prose.texts.length === 0) return
    const {texts: parts, starts} = prose
    const extra = context.options.allow ?? []
    const allow = extra.length === 0 ? QEMU_WORDS : new Set([...QEMU_WORDS, ...extra.map((word) => word.toLowerCase())])
    const text = file.text
    const report = (start: number, end: number, rangeStart: number): void => {
      if (!isWord(text, start, end, rangeStart)) return
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
    }
    // All prose in one string, parts apart by a newline (not a letter), lowercased
    // at once: a few native calls list its words, and most files have none to report.
    const joined = parts.join('\n')
    const lower = joined.toLowerCase()
    if (lower.length !== joined.length) {
      // Lowercasing changed a length (`İ`): offsets do not carry over.
      for (let index = 0; index < parts.length; index++) scanRange(text, starts[index]!, starts[index]! + parts[index]!.length, report)
      return
    }
    const wanted = misspeltWords(lower, allow)
    if (!wanted) return
    // Find the words again, with offsets, and map them back through the ranges.
    let index = 0
    let partStart = 0
    for (const found of wantedOffsets(lower, wanted)) {
      while (found.at > partStart + parts[index]!.length) partStart += parts[index++]!.length + 1
      const start = starts[index]! + found.at - partStart
      report(start, start + found.length, starts[index]!)
    }
  },
})

/** QEMU names the misspellings list flags: the passt network back-end, SystemTap's `stap`, an Ethernet MAC. */
const QEMU_WORDS: ReadonlySet<string> = new Set(['passt', 'stap', 'emac'])

/**
 * A word: letters with inner apostrophes. Letters are those of the Basic
 * Multilingual Plane, one UTF-16 unit each (astral ones are not checked);
 * neither apostrophe is a letter, so the regex cannot backtrack. (The `v`
 * flag's class subtraction needs Node 20, the minimum the package declares.)
 */
const WORD = new RegExp("[\\p{L}--[\\u{10000}-\\u{10FFFF}]]+(?:['\\u2019][\\p{L}--[\\u{10000}-\\u{10FFFF}]]+)*", 'gv')

/** The words skipped before a match, as a regex trie. */
const COMMON = commonWordsPattern()

/**
 * The words of lowercase ASCII prose that may be misspellings: WORD's words
 * (in ASCII, `[a-z]+('[a-z]+)*`) of two letters or more, the length of every
 * misspelling, less the words QEMU's docs use most, none a misspelling.
 * Each match is a whole word of WORD's: it starts after no letter and no
 * letter-and-apostrophe, and is as long as it can be. Skipping a word here
 * costs a few regex steps; matching it costs a string, a Set entry and a
 * lookup (skipping a thousand words rather than 25 lowered a run over the
 * QEMU tree by ~150 M instructions: three words in four are these).
 */
const ASCII_WORD = new RegExp(`(?<![a-z]|[a-z]')(?!${COMMON}(?![a-z]|'[a-z]))[a-z](?:[a-z]|'[a-z])[a-z]*(?:'[a-z]+)*`, 'g')
const NON_ASCII = /[^\x00-\x7f]/

/** Letters outside ASCII, of the Basic Multilingual Plane (WORD's letters). */
const OTHER_LETTER = new RegExp('[\\p{L}--[\\x00-\\x7f\\u{10000}-\\u{10FFFF}]]', 'gv')

/**
 * Prose with other characters made ASCII_WORD's, unit for unit: a letter of
 * another script becomes `q` and `’` becomes `'`, so a word glued to one stays
 * one longer word, as for WORD. A word changed so can match where the prose
 * holds no such word; wantedOffsets() finds only words really there. (Running
 * a Unicode twin of ASCII_WORD instead cost ~40 M instructions over the QEMU
 * tree, for its 18 such documents.)
 */
function asAsciiWords(prose: string): string {
  return prose.replace(OTHER_LETTER, 'q').replaceAll('\u2019', "'")
}

/**
 * Lowercase words known to be no misspelling, across files: a document
 * mostly repeats words earlier ones used. Bounded, in case of huge trees.
 */
const correctWords = new Set<string>()

/** The distinct words of lowercase `prose` that are known misspellings and not allowed, or undefined for none. */
function misspeltWords(prose: string, allow: ReadonlySet<string>): Set<string> | undefined {
  const words = (NON_ASCII.test(prose) ? asAsciiWords(prose) : prose).match(ASCII_WORD)
  if (!words) return undefined
  if (correctWords.size > 200_000) correctWords.clear()
  // Distinct words first: the Set constructor hashes them natively, and the
  // loop below then runs once per distinct word, not per word.
  const fresh = unknownWords([...new Set(words)], correctWords)
  let wanted: Set<string> | undefined
  for (let index = 0; index < fresh.length; index++) {
    const word = fresh[index]!
    if (!isMisspelt(word)) correctWords.add(word)
    else if (!allow.has(word)) (wanted ??= new Set()).add(word)
  }
  return wanted
}

/**
 * The words not in `known`. `map` calls `Set.prototype.has` from native code
 * and `indexOf` scans the flags natively: the JS loop runs only for the few
 * unknown words (a loop calling `has` on every word cost ~50 M instructions
 * over the QEMU tree).
 */
function unknownWords(words: readonly string[], known: ReadonlySet<string>): string[] {
  const flags = words.map(Set.prototype.has, known)
  const out: string[] = []
  for (let index = flags.indexOf(false); index >= 0; index = flags.indexOf(false, index + 1)) out.push(words[index]!)
  return out
}

/**
 * Where the `wanted` words stand as whole words in `prose`, in order. Each is
 * searched natively: running WORD over all the prose again cost as much as
 * the first pass (a match object per word), for the few files with a finding.
 */
function wantedOffsets(prose: string, wanted: ReadonlySet<string>): Array<{at: number; length: number}> {
  const out: Array<{at: number; length: number}> = []
  for (const word of wanted) {
    for (let at = prose.indexOf(word); at >= 0; at = prose.indexOf(word, at + 1)) {
      if (isWholeWord(prose, at, at + word.length)) out.push({at, length: word.length})
    }
  }
  return out.sort((a, b) => a.at - b.at)
}

/**
 * Whether `text[start..end)`, a word WORD matches, is one WORD finds scanning
 * `text` from its start: not preceded by a letter, nor by a letter and an
 * apostrophe, and likewise not followed (those would be part of the word).
 */
function isWholeWord(text: string, start: number, end: number): boolean {
  if (isLetterAt(text, start - 1) || (isApostropheAt(text, start - 1) && isLetterAt(text, start - 2))) return false
  return !isLetterAt(text, end) && !(isApostropheAt(text, end) && isLetterAt(text, end + 1))
}

/** Whether the unit at `at` is one of the apostrophes WORD allows inside a word. */
function isApostropheAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code === APOSTROPHE || code === RIGHT_QUOTE
}

/** The general case: each word of the range `text[from..to)`, lowercased on its own. */
function scanRange(text: string, from: number, to: number, report: (start: number, end: number, rangeStart: number) => void): void {
  WORD.lastIndex = from
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const start = match.index
    let end = start + match[0].length
    if (end > to) {
      // Cut at the end of the range, without an apostrophe left dangling.
      end = to
      const last = text.charCodeAt(end - 1)
      if (last === APOSTROPHE || last === RIGHT_QUOTE) end--
    }
    if (isMisspelt(text.slice(start, end).toLowerCase())) report(start, end, from)
  }
}

const LETTER = /\p{L}/u
const UPPER = /\p{Lu}/u
// Per UTF-16 unit outside ASCII: 0 not yet known, 1 letter, 2 not a letter.
const letterCache = new Uint8Array(0x10000)

/** Whether the UTF-16 unit at `at` is a letter (`\p{L}`); false past either end. */
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
 * Whether the word at `text[start..end)` is English rather than code: not
 * glued to digits, identifier or path characters, not part of a dotted name
 * (`foo.bar`), an option name (`-device`), a mixed-case name (`camelCase`),
 * an acronym or the prefix of a hyphenated compound.
 */
function isWord(text: string, start: number, end: number, rangeStart: number): boolean {
  if (start > 0 && isCodeNeighbour(text, start - 1)) return false
  const after = text.charCodeAt(end)
  if (isCodeNeighbour(text, end) || after === 40 /* ( */) return false
  const before = start > 0 ? text.charCodeAt(start - 1) : -1
  if ((before === 46 /* . */ && start >= 2 && isLetterAt(text, start - 2)) || (after === 46 && isLetterAt(text, end + 1))) return false
  // `-device`, `--enable-foo`: option names, not words.
  if (before === 45 /* - */ && (start - 2 < rangeStart || /[\s-]/.test(text[start - 2] ?? ' '))) return false
  const word = text.slice(start, end)
  let capitals = 0
  if (/^[\x00-\x7f]*$/.test(word)) {
    if (/[a-z][A-Z]/.test(word)) return false
    capitals = word.length - word.replace(/[A-Z]/g, '').length
  } else {
    if (/\p{Ll}\p{Lu}/u.test(word)) return false
    for (const char of word) if (UPPER.test(char)) capitals += char.length
  }
  const length = end - start
  // Acronyms (`SIE`, `MSIs`) are names, not English: only long all-caps words are checked.
  if (capitals > 1 && (capitals < length || length < 7)) return false
  // `mis-typed`, `pre-boot`: a prefix of a hyphenated compound.
  if (after === 45 && isLetterAt(text, end + 1) && length <= 4) return false
  return true
}
