// The stylish format's string-width shortcut must measure exactly what the
// library measures, for the ASCII it answers itself and for what it hands on.

import libraryWidth from 'string-width'
import {describe, expect, test} from 'vitest'
import stringWidth from '../../src/report/string-width.ts'

const samples = [
  '',
  ' ',
  'docs/system/index.rst',
  '12:3-12:9',
  'Use ``literal`` markup for `-M isapc`; a single backtick is a cross-reference',
  'every printable: !"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~',
  'tab\there',
  '\x1b[33mwarning\x1b[39m',
  'naïve café',
  'wide: 漢字 and ｆｕｌｌ',
  'emoji: 👍🏽 and keycap #️⃣',
  'combining: e\u0301',
]

describe('string-width shortcut', () => {
  test.each(samples)('%j measures as the library does', (text) => {
    expect(stringWidth(text)).toBe(libraryWidth(text))
  })

  test('every printable ASCII character is one column', () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const char = String.fromCharCode(code)
      expect(stringWidth(char)).toBe(libraryWidth(char))
    }
  })

  test('options reach the library', () => {
    expect(stringWidth('\x1b[1mbold\x1b[22m', {countAnsiEscapeCodes: true})).toBe(libraryWidth('\x1b[1mbold\x1b[22m', {countAnsiEscapeCodes: true}))
  })
})
