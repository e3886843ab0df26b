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

/**
 * Each schema file's summaries by path, kept while its text is the same:
 * several schemas include the same modules, and a patch run reads the tree
 * twice (before and after).
 */
const summarizedFiles = new Map<string, {text: string; summaries: Summary[]}>()

export function readQapiSchema(files: TreeFiles, top: string): QapiSchema {
  const schema: QapiSchema = {definitions: [], files: [], missing: []}
  const visit = (path: string): void => {
    if (schema.files.includes(path)) return
    const text = files.read(path)
    if (text === undefined) return
    schema.files.push(path)
    const module = (path.split('/').pop() ?? path).replace(/\.json$/, '')
    let summarized = summarizedFiles.get(path)
    if (summarized?.text !== text) summarizedFiles.set(path, (summarized = {text, summaries: summarize(text)}))
    for (const {line, include, meta, name, members} of summarized.summaries) {
      if (include !== undefined) {
        const target = normalizePath(`${dirnameOf(path)}/${include}`)
        if (files.read(target) === undefined) schema.missing.push({path, line, include})
        else visit(target)
        continue
      }
      if (meta !== undefined) schema.definitions.push({meta, name, module, path, line, members: [...members]})
    }
  }
  visit(top)
  return schema
}

/** What a top-level object means to the schema: an include, a definition, or nothing (`meta` and `include` undefined). */
interface Summary {
  line: number
  include: string | undefined
  meta: string | undefined
  name: string
  members: string[]
}

function summaryOf(value: Json, line: number): Summary | undefined {
  if (!isRecord(value)) return undefined
  const include = value.include
  if (typeof include === 'string') return {line, include, meta: undefined, name: '', members: []}
  const meta = DEFINITION_KEYS.find((key) => typeof value[key] === 'string')
  return {line, include: undefined, meta, name: meta === undefined ? '' : (value[meta] as string), members: meta === undefined ? [] : memberNames(value.data)}
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
  return parseAsJson(text) ?? parseTolerantly(text)
}

// QAPI's syntax is JSON with `#` comments and single-quoted strings. Rewritten
// as JSON natively (comments dropped; then, when no `"` or backslash is left,
// every `'` is a string's quote and becomes `"`), each top-level expression goes through the
// native JSON.parse: the reader below runs interpreted in a cold process, where
// QEMU's 745 KB schema cost 3 % of a whole-tree run. QEMU starts every
// top-level expression at the start of a line, which is where the text is
// cut. Anything JSON.parse refuses, numbers with an exponent or of over 32
// characters (the reader stops before `e` and after 32 characters) and
// `__proto__` keys (the reader's object would take them as its prototype) send
// the whole file to the reader, so both give the same values — except that
// here nesting is not limited to 64 levels, since no recursion of ours is at risk.
const COMMENTS_OUTSIDE_STRINGS = /('[^'\\\n]*(?:\\[^][^'\\\n]*)*'|"[^"\\\n]*(?:\\[^][^"\\\n]*)*")|#[^\n]*/g
const NUMBER_THE_READER_STOPS_IN = /[:,[\s](?:-?\d+(?:\.\d+)?[eE]|[-\d.]{33})/

function parseAsJson(text: string): Array<{value: Json; line: number}> | undefined {
  // Line breaks stay where they were, so lines keep their numbers.
  const code = text.replace(COMMENTS_OUTSIDE_STRINGS, '$1')
  if (code.includes('"') || code.includes('\\') || code.includes('__proto__')) return undefined
  const json = code.replaceAll("'", '"')
  // A string may match too (say 'at 1e3'): then the reader reads the file, which is only slower.
  if (NUMBER_THE_READER_STOPS_IN.test(json)) return undefined
  const out: Array<{value: Json; line: number}> = []
  let line = 1
  let counted = 0
  let start = json.search(/\S/)
  while (start >= 0) {
    const next = json.indexOf('\n{', start)
    let value: Json
    try {
      value = JSON.parse(json.slice(start, next < 0 ? json.length : next)) as Json
    } catch {
      return undefined
    }
    line += json.slice(counted, start).replace(NOT_LINE_BREAKS, '').length
    counted = start
    out.push({value, line})
    start = next < 0 ? -1 : next + 1
  }
  return out
}

/** The same, read by hand: what JSON.parse refuses is skipped expression by expression, never thrown. */
export function parseTolerantly(text: string): Array<{value: Json; line: number}> {
  const scanner = {text, at: 0}
  const out: Array<{value: Json; line: number}> = []
  // Lines are counted incrementally (schema files are large), natively: the
  // line breaks between the previous expression and this one.
  let line = 1
  let counted = 0
  const lineAt = (offset: number): number => {
    if (offset > counted) {
      line += text.slice(counted, offset).replace(NOT_LINE_BREAKS, '').length
      counted = offset
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

const NOT_LINE_BREAKS = /[^\n]+/g

/** What each top-level value of a schema file means (a few strings and member names of each). */
function summarize(text: string): Summary[] {
  return parseExpressions(text).flatMap(({value, line}) => summaryOf(value, line) ?? [])
}

interface Scanner {
  text: string
  at: number
}

// Sticky regexes do the per-character work natively (a cold process runs
// this file's loops interpreted): blanks, a run of comment lines, strings.
const BLANKS = /[ \t\n\r]*/y
const COMMENT_LINES = /(?:#[^\n]*\n)+/y
const SINGLE_QUOTED = /'([^'\\\n]*(?:\\[^][^'\\\n]*)*)'/y
const DOUBLE_QUOTED = /"([^"\\\n]*(?:\\[^][^"\\\n]*)*)"/y
const ESCAPE = /\\([^])/g
const WORD = /true|false|null|-?\d+(?:\.\d+)?/y

function skip(scanner: Scanner): void {
  const {text} = scanner
  const next = text.charCodeAt(scanner.at)
  // Most calls find a token right away: no regex call then.
  if (next !== 0x20 && next !== 0x0a && next !== 0x23 && next !== 0x09 && next !== 0x0d) return
  for (;;) {
    BLANKS.lastIndex = scanner.at
    BLANKS.test(text)
    scanner.at = BLANKS.lastIndex
    if (text.charCodeAt(scanner.at) !== 0x23 /* # */) return
    COMMENT_LINES.lastIndex = scanner.at
    // A comment on the last line runs to the end.
    scanner.at = COMMENT_LINES.test(text) ? COMMENT_LINES.lastIndex : text.length
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
  const token = readWord(scanner)
  if (token === undefined) return undefined
  return token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token)
}

/** `true`, `false`, `null` or a number, read within 32 characters (a longer number is cut there). */
function readWord(scanner: Scanner): string | undefined {
  const {text} = scanner
  WORD.lastIndex = scanner.at
  let token = WORD.exec(text)?.[0]
  if (token !== undefined && token.length > 32) token = /^(?:true|false|null|-?\d+(?:\.\d+)?)/.exec(text.slice(scanner.at, scanner.at + 32))?.[0]
  if (!token) return undefined
  scanner.at += token.length
  return token
}

/** A quoted string (a backslash keeps the next character, a line break ends it unread), or undefined. */
function readString(scanner: Scanner): string | undefined {
  const {text} = scanner
  const quote = text[scanner.at]
  const regex = quote === "'" ? SINGLE_QUOTED : quote === '"' ? DOUBLE_QUOTED : undefined
  if (!regex) return undefined
  regex.lastIndex = scanner.at
  const match = regex.exec(text)
  if (!match) return undefined
  scanner.at = regex.lastIndex
  const body = match[1] as string
  return body.includes('\\') ? body.replace(ESCAPE, '$1') : body
}
