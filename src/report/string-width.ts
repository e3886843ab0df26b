// string-width with a fast path, for vfile-reporter (the stylish format). The
// library walks every character through Intl.Segmenter, an emoji regex and an
// East Asian width table: for the ~100 findings of the QEMU tree that cost more
// than parsing a tenth of the tree. Our messages are nearly always printable
// ASCII, where every character is one column wide, so only other text goes to
// the library. The bundle substitutes this module for vfile-reporter's import
// (scripts/build.js); test/report/string-width.test.ts holds it to the library.

import libraryWidth from 'string-width'

type Options = Parameters<typeof libraryWidth>[1]

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

export default function stringWidth(text: string, options?: Options): number {
  // Anything else, colour codes included (only the short labels have them), is the library's.
  return typeof text === 'string' && PRINTABLE_ASCII.test(text) ? text.length : libraryWidth(text, options)
}
