// Content hashes for cache keys: SHA-1 (hex) over bytes or text. Fast enough
// for the whole docs tree (~5 ms for 2.5 MB) and collision-safe for this use.
// `node:crypto` is loaded on the first hash, not with the CLI: it brings ~17
// internal modules (~20 M instructions), which runs without the result cache
// (patch mode, `--staged`, `--no-cache`) never need.

import type * as Crypto from 'node:crypto'
import {createRequire} from 'node:module'

let crypto: typeof Crypto | undefined

function sha1(): Crypto.Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto
  return crypto.createHash('sha1')
}

export function hashOf(data: string | Uint8Array): string {
  return sha1().update(data).digest('hex')
}

/** One hash over several parts, unambiguously separated. */
export function hashParts(parts: readonly string[]): string {
  // One update over a joined string: far cheaper than an update per part.
  let joined = ''
  for (const part of parts) joined += `${part.length}:${part}`
  return sha1().update(joined).digest('hex')
}
