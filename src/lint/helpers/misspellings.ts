// The known-misspellings table of @cspell/dict-en-common-misspellings
// (`wrong->right, right2` lines), loaded and indexed once, on first use, so
// runs without the `typo` rule never pay for its 89,000 entries.

import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

let table: Map<string, string[]> | undefined

interface DictionaryFile {
  dictionaryDefinitions: Array<{flagWords?: string[]; suggestWords?: string[]}>
}

/** Suggestions for a lowercase word, or undefined when it is not a known misspelling. */
export function misspelling(lower: string): string[] | undefined {
  table ??= load()
  return table.get(lower)
}

function load(): Map<string, string[]> {
  const require = createRequire(import.meta.url)
  const base = dirname(require.resolve('@cspell/dict-en-common-misspellings/cspell-ext.json'))
  // Only the locale-neutral list: the en-GB/en-US ones flag the other locale's spellings.
  const file = JSON.parse(readFileSync(join(base, 'dict', 'dict-en.json'), 'utf8')) as DictionaryFile
  const out = new Map<string, string[]>()
  for (const definition of file.dictionaryDefinitions) {
    for (const entry of [...(definition.flagWords ?? []), ...(definition.suggestWords ?? [])]) {
      const arrow = entry.indexOf('->')
      if (arrow <= 0) continue
      const wrong = entry.slice(0, arrow).trim()
      // Single plain words only: the table also holds phrases and accented variants.
      if (!/^[a-z]+(?:'[a-z]+)?$/i.test(wrong)) continue
      const rights = entry.slice(arrow + 2).split(',').map((right) => right.trim()).filter(Boolean)
      out.set(wrong.toLowerCase(), rights)
    }
  }
  return out
}

/** `right` in the case pattern of `word`: `Fuctionality` -> `Functionality`. */
export function matchCase(word: string, right: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return right.toUpperCase()
  if (word[0] === word[0]?.toUpperCase()) return (right[0]?.toUpperCase() ?? '') + right.slice(1)
  return right
}
