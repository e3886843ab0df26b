// MAINTAINERS: sections of `X: value` lines, read as
// scripts/get_maintainer.pl does. `F:`/`X:` patterns become regexes the
// same way (`.` literal, `*` → `.*`, `?` → `.`, an existing directory gains a
// trailing `/`) and match as its `file_match_pattern`: a prefix match, and
// without a trailing `/` only at the same folder depth. `N:`/`K:` are regexes.

import type {TreeFiles} from './files.ts'

export interface MaintainersEntry {
  tag: string
  value: string
  /** 1-based line, and 0-based offsets of the value in the file text. */
  line: number
  start: number
  end: number
}

export interface MaintainersSection {
  name: string
  line: number
  entries: MaintainersEntry[]
}

export interface MaintainersProblem {
  kind: 'unknown-tag' | 'malformed' | 'empty-value' | 'bad-regex' | 'bad-status'
  line: number
  start: number
  end: number
  text: string
}

export interface FilePattern {
  entry: MaintainersEntry
  section: MaintainersSection
  /** The converted regex source (as get_maintainer.pl builds it). */
  source: string
  /** Undefined when the source does not compile. */
  regex: RegExp | undefined
  /** Ends in `/`: covers everything below. */
  directory: boolean
  /** Literal text before the first wildcard, for range lookups in the sorted file list. */
  prefix: string
  slashes: number
}

export const KNOWN_TAGS = new Set(['M', 'R', 'L', 'W', 'Q', 'T', 'S', 'F', 'X', 'K', 'N', 'B', 'C', 'P'])
const STATUSES = new Set(['supported', 'maintained', 'odd fixes', 'orphan', 'obsolete', 'deprecated', 'buried alive in reporters'])

export interface Maintainers {
  sections: MaintainersSection[]
  problems: MaintainersProblem[]
  patterns: FilePattern[]
}

/** Hoisted: a regex literal in the loop would be a new object per line. */
const TAG = /^([A-Za-z]):\s*/
const UNDERLINE = /^[-=]{3,}\s*$/

export function parseMaintainers(text: string, files?: TreeFiles): Maintainers {
  const sections: MaintainersSection[] = []
  const problems: MaintainersProblem[] = []
  let current: MaintainersSection | undefined
  let previousBlank = true
  let offset = 0
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string
    const start = offset
    offset += raw.length + 1
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') {
      previousBlank = true
      continue
    }
    const tag = TAG.exec(line)
    if (tag && current) {
      const name = tag[1] as string
      const valueStart = start + tag[0].length
      const value = line.slice(tag[0].length).trimEnd()
      const entry: MaintainersEntry = {tag: name, value, line: index + 1, start: valueStart, end: valueStart + value.length}
      if (!KNOWN_TAGS.has(name)) {
        problems.push({kind: 'unknown-tag', line: index + 1, start, end: start + 2, text: name})
      } else if (value === '') {
        problems.push({kind: 'empty-value', line: index + 1, start, end: start + line.length, text: name})
      } else {
        if (name === 'S' && !STATUSES.has(value.toLowerCase())) {
          problems.push({kind: 'bad-status', line: index + 1, start: valueStart, end: entry.end, text: value})
        }
        if ((name === 'N' || name === 'K') && compile(value) === undefined) {
          problems.push({kind: 'bad-regex', line: index + 1, start: valueStart, end: entry.end, text: value})
        }
        current.entries.push(entry)
      }
      previousBlank = false
      continue
    }
    if (previousBlank || !current) {
      // A section name: a non-tag line after a blank line (the preamble has no tags).
      current = {name: line.trim(), line: index + 1, entries: []}
      sections.push(current)
    } else if (current.entries.length === 0 && UNDERLINE.test(line)) {
      // The underline of the preamble's or a heading's title.
    } else if (current.entries.length === 0) {
      // A second name line (continuation of a long section name).
      current.name += ` ${line.trim()}`
    } else if (sections.length > 1 || current.entries.length > 0) {
      problems.push({kind: 'malformed', line: index + 1, start, end: start + line.length, text: line})
    }
    previousBlank = false
  }
  // The preamble (before the first tagged section) is prose, not a section.
  const real = sections.filter((section) => section.entries.length > 0)
  const patterns: FilePattern[] = []
  for (const section of real) {
    for (const entry of section.entries) {
      if (entry.tag === 'F' || entry.tag === 'X') patterns.push(filePattern(entry, section, files))
    }
  }
  return {sections: real, problems, patterns}
}

export function filePattern(entry: MaintainersEntry, section: MaintainersSection, files?: TreeFiles): FilePattern {
  const value = entry.value
  let source = converted.get(value)
  if (source === undefined) {
    source = value.replace(DOTS, '\\.')
    if (GLOB.test(source)) source = source.replace(STARS, '.*').replace(QUESTION_MARKS, '.')
    converted.set(value, source)
  }
  // get_maintainer.pl tests `-d` on the converted value: only plain names qualify.
  if (!source.endsWith('/') && files && source === value && files.isDirectory(source)) source += '/'
  let parts = patternParts.get(source)
  if (parts?.value !== value) {
    // `.` is escaped, so the text before the first glob or regex character is literal.
    parts = {value, regex: undefined, compiled: false, directory: source.endsWith('/'), prefix: value.slice(0, indexOfWildcard(value)), slashes: count(source, '/')}
    patternParts.set(source, parts)
  }
  return new Pattern(entry, section, source, parts)
}

/**
 * A `FilePattern` whose regex compiles on first use: a whole-tree check looks
 * literal patterns up without one, and ~2,000 regexes cost a cold process
 * several milliseconds.
 */
class Pattern implements FilePattern {
  readonly directory: boolean
  readonly prefix: string
  readonly slashes: number

  constructor(
    readonly entry: MaintainersEntry,
    readonly section: MaintainersSection,
    readonly source: string,
    private readonly parts: PatternParts,
  ) {
    this.directory = parts.directory
    this.prefix = parts.prefix
    this.slashes = parts.slashes
  }

  get regex(): RegExp | undefined {
    const parts = this.parts
    if (!parts.compiled) {
      parts.regex = compile(`^${this.source}`)
      parts.compiled = true
    }
    return parts.regex
  }

  /** For a pattern without glob or regex syntax, the text its regex looks for at the start; else null. */
  get literal(): string | null {
    const parts = this.parts
    if (parts.literal === undefined) parts.literal = NOT_LITERAL.test(parts.value) ? null : this.source.replace(ESCAPED_DOTS, '.')
    return parts.literal
  }
}

/** Characters that make a value more than literal text once `.` is escaped. */
const NOT_LITERAL = /[*?[\]\\()|+{}^$]/
const ESCAPED_DOTS = /\\\./g

interface PatternParts {
  value: string
  regex: RegExp | undefined
  compiled: boolean
  /** Computed on first use: see `Pattern.literal`. */
  literal?: string | null
  directory: boolean
  prefix: string
  slashes: number
}

const DOTS = /\./g
const GLOB = /[*?]/
const STARS = /\*/g
const QUESTION_MARKS = /\?/g

/** What a pattern's value makes, remembered: both sides of a patch parse nearly the same MAINTAINERS. */
const converted = new Map<string, string>()
const patternParts = new Map<string, PatternParts>()

const WILDCARD = /[*?[\\(|+{^$]/

function indexOfWildcard(value: string): number {
  const index = value.search(WILDCARD)
  return index < 0 ? value.length : index
}

/** Whether the pattern's regex matches at the start of `text` (false when it does not compile). */
export function regexMatches(pattern: FilePattern, text: string): boolean {
  const literal = pattern instanceof Pattern ? pattern.literal : null
  if (literal !== null) return text.startsWith(literal)
  return pattern.regex?.test(text) === true
}

/** get_maintainer.pl's `file_match_pattern`. */
export function matchesFile(pattern: FilePattern, file: string): boolean {
  // A literal pattern's regex only asks "starts with": no regex to compile and run.
  const literal = pattern instanceof Pattern ? pattern.literal : null
  if (literal !== null) return file.startsWith(literal) && (pattern.directory || count(file, '/') === pattern.slashes)
  if (!file.startsWith(pattern.prefix)) return false
  const regex = pattern.regex
  if (!regex || !regex.test(file)) return false
  return pattern.directory || count(file, '/') === pattern.slashes
}

const compiled = new Map<string, RegExp | undefined>()

/**
 * A JS RegExp for a Perl pattern, or undefined when it does not compile.
 * Perl's inline `(?i)` (which MAINTAINERS uses mid-pattern) becomes the `i` flag.
 */
export function compile(source: string): RegExp | undefined {
  if (compiled.has(source)) return compiled.get(source)
  let regex: RegExp | undefined
  let flags = ''
  const body = !source.includes('(?') ? source : source.replace(/\(\?([imsx]+)\)/g, (_match, inline: string) => {
    if (inline.includes('i') && !flags.includes('i')) flags += 'i'
    if (inline.includes('s') && !flags.includes('s')) flags += 's'
    return ''
  })
  try {
    regex = new RegExp(body, flags)
  } catch {
    regex = undefined
  }
  compiled.set(source, regex)
  return regex
}

function count(text: string, char: string): number {
  let total = 0
  for (let index = text.indexOf(char); index >= 0; index = text.indexOf(char, index + 1)) total++
  return total
}
