// Enumerated list markers as docutils reads them (`parse_enumerator`,
// `make_enumerator`): the sequence an enumerator belongs to, its ordinal,
// and the marker the next item must carry. Roman numerals follow the
// `roman` module docutils uses (strict forms only, 1..4999).

import type {EnumType} from '../types.ts'
import type {EnumFormat} from './classify.ts'

export type Sequence = EnumType | '#'

const romanPattern = /^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/
const romanValues: Array<[string, number]> = [
  ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
  ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
]

export function fromRoman(text: string): number | undefined {
  if (text.length === 0 || !romanPattern.test(text)) return undefined
  let value = 0
  let index = 0
  for (const [numeral, amount] of romanValues) {
    while (text.startsWith(numeral, index)) {
      value += amount
      index += numeral.length
    }
  }
  return value
}

export function toRoman(value: number): string | undefined {
  if (value <= 0 || value >= 5000) return undefined
  let out = ''
  for (const [numeral, amount] of romanValues) {
    while (value >= amount) {
      out += numeral
      value -= amount
    }
  }
  return out
}

function matchesSequence(text: string, sequence: EnumType): boolean {
  switch (sequence) {
    case 'arabic':
      return /^[0-9]+$/.test(text)
    case 'loweralpha':
      return /^[a-z]$/.test(text)
    case 'upperalpha':
      return /^[A-Z]$/.test(text)
    case 'lowerroman':
      return /^[ivxlcdm]+$/.test(text)
    case 'upperroman':
      return /^[IVXLCDM]+$/.test(text)
  }
}

const sequences: EnumType[] = ['arabic', 'loweralpha', 'upperalpha', 'lowerroman', 'upperroman']

/** docutils' `parse_enumerator`: sequence and ordinal (`undefined` when invalid, e.g. `iiii`). */
export function parseEnumerator(text: string, expected?: EnumType): {sequence: Sequence; ordinal: number | undefined} {
  let sequence: Sequence | undefined
  if (text === '#') sequence = '#'
  else if (expected) {
    if (matchesSequence(text, expected)) sequence = expected
  } else if (text === 'i') sequence = 'lowerroman'
  else if (text === 'I') sequence = 'upperroman'
  if (!sequence) sequence = sequences.find((candidate) => matchesSequence(text, candidate)) ?? 'arabic'
  let ordinal: number | undefined
  switch (sequence) {
    case '#':
      ordinal = 1
      break
    case 'arabic':
      ordinal = Number.parseInt(text, 10)
      break
    case 'loweralpha':
      ordinal = text.charCodeAt(0) - 96
      break
    case 'upperalpha':
      ordinal = text.charCodeAt(0) - 64
      break
    case 'lowerroman':
      ordinal = fromRoman(text.toUpperCase())
      break
    case 'upperroman':
      ordinal = fromRoman(text)
      break
  }
  return {sequence, ordinal}
}

const formatInfo: Record<EnumFormat, {prefix: string; suffix: string}> = {
  parens: {prefix: '(', suffix: ')'},
  rparen: {prefix: '', suffix: ')'},
  period: {prefix: '', suffix: '.'},
}

export function formatAffixes(format: EnumFormat): {prefix: string; suffix: string} {
  return formatInfo[format]
}

/** docutils' `make_enumerator`: the next item's marker and the auto marker (each with a trailing space). */
export function makeEnumerator(ordinal: number, sequence: Sequence, format: EnumFormat): [string, string] | undefined {
  let enumerator: string
  if (sequence === '#') enumerator = '#'
  else if (sequence === 'arabic') enumerator = String(ordinal)
  else if (sequence.endsWith('alpha')) {
    if (ordinal > 26) return undefined
    enumerator = String.fromCharCode(ordinal + 96)
    if (sequence === 'upperalpha') enumerator = enumerator.toUpperCase()
  } else {
    const roman = toRoman(ordinal)
    if (!roman) return undefined
    enumerator = sequence === 'lowerroman' ? roman.toLowerCase() : roman
  }
  const {prefix, suffix} = formatInfo[format]
  return [prefix + enumerator + suffix + ' ', prefix + '#' + suffix + ' ']
}
