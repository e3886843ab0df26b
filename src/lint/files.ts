// Finding what to lint: the QEMU tree root (re-exported from src/tree/root.ts),
// the `.rst`, `.rst.inc` and `.md` files under the given paths, and reading them as strict UTF-8 — a file that cannot
// be read or decoded becomes an input problem, never an exception.

import {isUtf8} from 'node:buffer'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative, resolve, sep} from 'node:path'
import {isLintable} from './parsers.ts'

// One tree-root finder for the whole linter: the tree's own.
export {findTreeRoot, isTreeRoot} from '../tree/root.ts'

/** Directories a walk never enters. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'build', '__pycache__'])

/**
 * Expand paths to the files to lint (absolute, sorted, unique). Explicit files
 * are kept whatever their extension; directories contribute lintable files.
 * Returns the paths that do not exist separately.
 */
export function collectFiles(paths: readonly string[]): {files: string[]; missing: string[]} {
  const files = new Set<string>()
  const missing: string[] = []
  for (const path of paths) {
    const absolute = resolve(path)
    let stats
    try {
      stats = statSync(absolute)
    } catch {
      missing.push(path)
      continue
    }
    if (stats.isDirectory()) walk(absolute, files)
    else files.add(absolute)
  }
  return {files: [...files].sort(), missing}
}

function walk(dir: string, out: Set<string>): void {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return
  }
  for (const entry of entries) {
    const name = entry.name
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(join(dir, name), out)
    } else if (isLintable(name)) {
      out.add(join(dir, name))
    }
  }
}

/** A path relative to the root, with `/` (what every report shows). */
export function relativePath(root: string, absolute: string): string {
  const rel = relative(root, absolute)
  return sep === '/' ? rel : rel.split(sep).join('/')
}

export type ReadOutcome = {ok: true; text: string; buffer: Buffer} | {ok: false; reason: string; line: number; column: number}


/** Read a file as strict UTF-8; the BOM, if any, is kept so fixes round-trip. */
export function readText(path: string): ReadOutcome {
  let buffer: Buffer
  try {
    buffer = readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {ok: false, reason: `Cannot read the file (${code ?? String(error)})`, line: 1, column: 1}
  }
  // `isUtf8` is a native check; `toString` keeps a BOM (no stripping).
  if (isUtf8(buffer)) return {ok: true, text: buffer.toString('utf8'), buffer}
  const bad = firstInvalidByte(buffer)
  const before = buffer.subarray(0, bad)
  const lineStart = before.lastIndexOf(10) + 1
  let line = 1
  for (let index = 0; index < lineStart; index++) if (before[index] === 10) line++
  const column = new TextDecoder().decode(before.subarray(lineStart)).length + 1
  const byte = (buffer[bad] ?? 0).toString(16).padStart(2, '0')
  return {ok: false, reason: `Invalid UTF-8 (byte 0x${byte} at offset ${bad}): save the file as UTF-8`, line, column}
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    let need = 0
    let min = 0
    if (byte < 0x80) {
      index++
      continue
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1
      min = 0x80
    } else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2
      min = 0x800
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3
      min = 0x10000
    } else return index
    // A sequence cut off by the end of the file.
    if (index + need >= bytes.length) return index
    let code = byte & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const next = bytes[index + k]!
      if ((next & 0xc0) !== 0x80) return index
      code = (code << 6) | (next & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index
    index += need + 1
  }
  return bytes.length
}
