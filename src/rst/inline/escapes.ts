// Backslash escapes as docutils handles them: before recognition every
// escaping backslash becomes NUL (same length, so indices stay source
// indices); node text later drops the NULs, and an escaped space or newline
// disappears with its backslash. Literals put the backslashes back.

/** docutils' `escape2null`: each escaping backslash becomes `\0`; the escaped character stays. */
export function escapeToNull(text: string): string {
  let index = text.indexOf('\\')
  if (index === -1) return text
  let out = ''
  let start = 0
  while (index !== -1) {
    // The escaped character (even a backslash) is kept as is.
    out += text.slice(start, index) + '\x00' + text.slice(index + 1, index + 2)
    start = index + 2
    index = start >= text.length ? -1 : text.indexOf('\\', start)
  }
  return out + text.slice(start)
}

let lastText = ''
let lastHasEscapes = false

function hasEscapes(text: string): boolean {
  // Identity check first: the same block text is asked about again and again.
  if (text !== lastText) {
    lastText = text
    lastHasEscapes = text.indexOf('\x00') !== -1
  }
  return lastHasEscapes
}

/** docutils' `unescape`: drop escape markers; an escaped space or newline disappears. */
export function unescape(text: string, start = 0, end = text.length): string {
  // Most blocks have no escape at all: one native search (memoized per text) says so.
  if (!hasEscapes(text)) return text.slice(start, end)
  let first = start
  while (first < end && text.charCodeAt(first) !== 0) first++
  if (first >= end) return text.slice(start, end)
  let out = ''
  let from = start
  for (let index = first; index < end; index++) {
    if (text.charCodeAt(index) !== 0) continue
    out += text.slice(from, index)
    const next = text.charCodeAt(index + 1)
    from = index + 1
    if (index + 1 < end && (next === 32 || next === 10)) {
      from = index + 2
      index++
    }
  }
  return out + text.slice(from, end)
}

/** `unescape(text, restore_backslashes=True)`: the text as written. */
export function restoreBackslashes(text: string, start = 0, end = text.length): string {
  const slice = text.slice(start, end)
  return slice.indexOf('\x00') === -1 ? slice : slice.replaceAll('\x00', '\\')
}
