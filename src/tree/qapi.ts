// A tolerant reader for QAPI schema files: JSON-ish with `#` comments and
// single-quoted strings, one top-level expression after another. It follows
// `{ 'include': … }` (relative to the including file) and yields the
// definitions `qapi-doc` documents: commands, events, types and their members.

import type {TreeFiles} from './files.ts'
import {dirnameOf, normalizePath} from './docnames.ts'

export interface QapiDefinition {
  /** `command`, `event`, `struct`, `union`, `enum`, `alternate`. */
  meta: string
  name: string
  /** The schema module: the file name without `.json`. */
  module: string
  path: string
  line: number
  members: string[]
}

export interface QapiSchema {
  definitions: QapiDefinition[]
  /** Every file read (root-relative), the top one first. */
  files: string[]
  /** Includes that name a missing file. */
  missing: Array<{path: string; line: number; include: string}>
}

const DEFINITION_KEYS = ['command', 'event', 'struct', 'union', 'enum', 'alternate']

export function readQapiSchema(files: TreeFiles, top: string): QapiSchema {
  const schema: QapiSchema = {definitions: [], files: [], missing: []}
  const visit = (path: string): void => {
    if (schema.files.includes(path)) return
    const text = files.read(path)
    if (text === undefined) return
    schema.files.push(path)
    const module = (path.split('/').pop() ?? path).replace(/\.json$/, '')
    for (const {value, line} of parseExpressions(text)) {
      if (!isRecord(value)) continue
      const include = value.include
      if (typeof include === 'string') {
        const target = normalizePath(`${dirnameOf(path)}/${include}`)
        if (files.read(target) === undefined) schema.missing.push({path, line, include})
        else visit(target)
        continue
      }
      const meta = DEFINITION_KEYS.find((key) => typeof value[key] === 'string')
      if (!meta) continue
      schema.definitions.push({meta, name: value[meta] as string, module, path, line, members: memberNames(value.data)})
    }
  }
  visit(top)
  return schema
}

function memberNames(data: unknown): string[] {
  if (Array.isArray(data)) {
    return data.map((item) => (typeof item === 'string' ? item : isRecord(item) && typeof item.name === 'string' ? item.name : '')).filter(Boolean)
  }
  if (isRecord(data)) return Object.keys(data).map((key) => (key.startsWith('*') ? key.slice(1) : key))
  return []
}

type Json = string | number | boolean | null | Json[] | {[key: string]: Json}

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every top-level value with its 1-based starting line; malformed text is skipped, never thrown. */
export function parseExpressions(text: string): Array<{value: Json; line: number}> {
  const scanner = {text, at: 0}
  const out: Array<{value: Json; line: number}> = []
  // Lines are counted incrementally: schema files are large.
  let line = 1
  let counted = 0
  const lineAt = (offset: number): number => {
    for (let index = text.indexOf('\n', counted); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
      line++
      counted = index + 1
    }
    return line
  }
  for (;;) {
    skip(scanner)
    if (scanner.at >= text.length) break
    const start = scanner.at
    const value = readValue(scanner, 0)
    if (value === undefined) {
      // Resynchronise at the next line that starts an expression.
      const next = text.indexOf('\n{', start + 1)
      if (next < 0) break
      scanner.at = next + 1
      continue
    }
    out.push({value, line: lineAt(start)})
  }
  return out
}

interface Scanner {
  text: string
  at: number
}

function skip(scanner: Scanner): void {
  const {text} = scanner
  while (scanner.at < text.length) {
    const char = text[scanner.at]
    if (char === '#') {
      const end = text.indexOf('\n', scanner.at)
      scanner.at = end < 0 ? text.length : end + 1
    } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') scanner.at++
    else break
  }
}

function readValue(scanner: Scanner, depth: number): Json | undefined {
  if (depth > 64) return undefined
  skip(scanner)
  const {text} = scanner
  const char = text[scanner.at]
  if (char === '{') {
    scanner.at++
    const object: Record<string, Json> = {}
    for (;;) {
      skip(scanner)
      if (text[scanner.at] === '}') {
        scanner.at++
        return object
      }
      const key = readString(scanner)
      if (key === undefined) return undefined
      skip(scanner)
      if (text[scanner.at] !== ':') return undefined
      scanner.at++
      const value = readValue(scanner, depth + 1)
      if (value === undefined) return undefined
      object[key] = value
      skip(scanner)
      if (text[scanner.at] === ',') scanner.at++
      else if (text[scanner.at] !== '}') return undefined
    }
  }
  if (char === '[') {
    scanner.at++
    const array: Json[] = []
    for (;;) {
      skip(scanner)
      if (text[scanner.at] === ']') {
        scanner.at++
        return array
      }
      const value = readValue(scanner, depth + 1)
      if (value === undefined) return undefined
      array.push(value)
      skip(scanner)
      if (text[scanner.at] === ',') scanner.at++
      else if (text[scanner.at] !== ']') return undefined
    }
  }
  if (char === "'" || char === '"') return readString(scanner)
  const word = /^(true|false|null|-?\d+(?:\.\d+)?)/.exec(text.slice(scanner.at, scanner.at + 32))
  if (word?.[1]) {
    scanner.at += word[1].length
    const token = word[1]
    return token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token)
  }
  return undefined
}

function readString(scanner: Scanner): string | undefined {
  const {text} = scanner
  const quote = text[scanner.at]
  if (quote !== "'" && quote !== '"') return undefined
  let out = ''
  for (let index = scanner.at + 1; index < text.length; index++) {
    const char = text[index] as string
    if (char === '\\') {
      out += text[index + 1] ?? ''
      index++
    } else if (char === quote) {
      scanner.at = index + 1
      return out
    } else if (char === '\n') return undefined
    else out += char
  }
  return undefined
}
