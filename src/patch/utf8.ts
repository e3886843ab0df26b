// Strict UTF-8 decoding that says where the input goes wrong: a patch with a
// stray Latin-1 byte must be reported at its byte offset, not turned into
// U+FFFD and linted as if nothing happened.

export type DecodeResult = {ok: true; text: string} | {ok: false; offset: number; error: string}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

export function decodeUtf8(bytes: Uint8Array, name: string): DecodeResult {
  try {
    return {ok: true, text: decoder.decode(bytes)}
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const shown = bytes
      .subarray(offset, offset + 4)
      .reduce((s, b) => `${s} 0x${b.toString(16).padStart(2, '0')}`, '')
      .trim()
    return {
      ok: false,
      offset,
      error: `${name}: invalid UTF-8 at byte offset ${offset} (bytes ${shown}); QEMU patches must be UTF-8 — re-encode the file (e.g. \`iconv -f latin1 -t utf-8\`)`,
    }
  }
}

/** Offset of the first byte that doesn't start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return bytes.length
}
