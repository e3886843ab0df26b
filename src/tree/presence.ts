// Whether a MAINTAINERS `F:`/`X:` pattern matches any file, folder or
// submodule of the tree, as get_maintainer.pl matches, with little
// interpreted work (maintainers-dangling asks ~2,000 patterns against ~12,000
// paths in a cold process): a literal pattern is a set lookup, else one
// binary search; a plain glob tests only the paths holding its longest
// literal piece, found by `indexOf` over the joined paths; anything else
// goes path by path through the range starting with its prefix.

import type {ListIndex} from './disk-files.ts'
import {globMatches, globTokens} from './glob-match.ts'
import {matchesFile, type FilePattern} from './maintainers.ts'

/** Paths a plain glob checks by hand before its regex takes over. */
const HAND_MATCHES = 4
/** Characters that make a pattern more than literal text once `.` is escaped. */
const NOT_LITERAL = /[*?[\]\\()|+{}^$]/
/**
 * Characters that keep a glob from being plain: with `*`, `?` and `[...]`
 * classes only, every literal piece between them appears in each match.
 */
const NOT_PLAIN_GLOB = /[\\()|+{}^$]/
/** The wildcards of a plain glob, classes whole (in JS a class ends at its first `]`). */
const WILDCARDS = /\*|\?|\[[^\]]*\]/

export class PresenceIndex {
  private readonly submodules: string[]
  private readonly submoduleSet: Set<string>
  private index: ListIndex | undefined
  private folderList: string[] | undefined
  /** The files joined by `\n`, with each one's offset. */
  private joined: {text: string; starts: number[]} | undefined

  /**
   * `sorted`: the tree's files in code-unit order; `submodules`: folders that
   * count though their content is absent; `index`: the files' sets, if at hand.
   */
  constructor(
    private readonly sorted: readonly string[],
    submodules: readonly string[],
    index?: ListIndex,
  ) {
    this.submodules = [...submodules].sort()
    this.submoduleSet = new Set(submodules)
    this.index = index
  }

  isPresent(pattern: FilePattern): boolean {
    const value = pattern.entry.value
    const literal = !NOT_LITERAL.test(value)
    // A literal always compiles: its regex (compiled on demand) is left alone.
    if (!literal && !pattern.regex) return false
    // Literal text (the value, plus the `/` an existing folder gained): the regex is "starts with it".
    const text = literal && pattern.directory && !value.endsWith('/') ? `${value}/` : value
    if (literal) {
      // The usual answers: the file itself, or a folder (which holds files).
      const {files, folders} = (this.index ??= indexOf(this.sorted))
      if (text.endsWith('/') ? folders.has(text.slice(0, -1)) : files.has(text) || folders.has(text)) return true
    }
    const prefix = pattern.prefix
    // Under a submodule (its content is absent in a fresh checkout).
    if (this.submoduleSet.has(prefix)) return true
    for (let slash = prefix.indexOf('/'); slash >= 0; slash = prefix.indexOf('/', slash + 1)) {
      if (this.submoduleSet.has(prefix.slice(0, slash))) return true
    }
    // A submodule is a folder of the tree: matched with or without its `/`.
    const submodules = this.submodules
    for (let index = lowerBound(submodules, prefix); index < submodules.length; index++) {
      const submodule = submodules[index] as string
      if (!submodule.startsWith(prefix)) break
      if (matchesFile(pattern, submodule) || matchesFile(pattern, `${submodule}/`)) return true
    }
    // A literal with a trailing `/`: any file below. Without one: a file
    // starting with the text sits at its depth, or lies under a folder that
    // starts with the text and does — either way one such file suffices.
    if (literal) return this.someStartsWith(text)
    const low = lowerBound(this.sorted, prefix)
    const end = endOfRun(this.sorted, prefix, low)
    // A plain glob is matched without its regex (see glob-match.ts).
    const tokens = NOT_PLAIN_GLOB.test(value) ? undefined : globTokens(pattern.source)
    // The hand matcher is cheap for a few paths; past those, the regex (compiled once) is cheaper per path.
    let handMatches = 0
    const matches = (path: string): boolean =>
      tokens && handMatches++ < HAND_MATCHES ? globMatches(tokens, path) && (pattern.directory || slashesIn(path) === pattern.slashes) : matchesFile(pattern, path)
    if (!tokens) {
      for (let index = low; index < end; index++) if (matches(this.sorted[index] as string)) return true
    } else if (low < end && this.someFileHolding(matches, longestPiece(value), low, end)) return true
    // A folder (with or without its `/`) matched. For a plain glob ending in
    // `/` the files below it matched already; still cheap to ask.
    const folders = (this.folderList ??= [...(this.index ??= indexOf(this.sorted)).folders].sort())
    const first = lowerBound(folders, prefix)
    const last = endOfRun(folders, prefix, first)
    for (let index = first; index < last; index++) {
      const folder = folders[index] as string
      if (matches(folder) || matches(`${folder}/`)) return true
    }
    return false
  }

  /** Whether a file of `low..end` holding `piece` matches: candidates found natively, checked one by one. */
  private someFileHolding(matches: (path: string) => boolean, piece: string, low: number, end: number): boolean {
    const {text, starts} = (this.joined ??= joinedOf(this.sorted))
    const base = starts[low] as number
    const lines = text.slice(base, (starts[end] as number) - 1)
    let line = low
    for (let at = lines.indexOf(piece); at >= 0; at = lines.indexOf(piece, (starts[line] as number) - base)) {
      // The line holding offset `base + at`: the last start not after it.
      let high = end
      while (line + 1 < high) {
        const middle = (line + high) >> 1
        if ((starts[middle] as number) <= base + at) line = middle
        else high = middle
      }
      if (matches(this.sorted[line] as string)) return true
      line++
      if (line >= end) break
    }
    return false
  }

  private someStartsWith(text: string): boolean {
    const first = this.sorted[lowerBound(this.sorted, text)]
    return first !== undefined && first.startsWith(text)
  }
}

/** The sets of a list no `DiskFiles` indexed: its files, and every folder holding one. */
function indexOf(sorted: readonly string[]): ListIndex {
  const folders = new Set<string>()
  let previous: string | undefined
  for (let index = 0; index < sorted.length; index++) {
    const file = sorted[index] as string
    let slash = file.lastIndexOf('/')
    if (slash < 0) continue
    const parent = file.slice(0, slash)
    if (parent === previous) continue
    previous = parent
    // The parent and its ancestors up to the first one already known.
    for (let folder = parent; !folders.has(folder); folder = folder.slice(0, slash)) {
      folders.add(folder)
      slash = folder.lastIndexOf('/')
      if (slash < 0) break
    }
  }
  return {files: new Set(sorted), folders}
}

function joinedOf(sorted: readonly string[]): {text: string; starts: number[]} {
  const starts: number[] = new Array<number>(sorted.length + 1)
  let offset = 0
  for (let index = 0; index < sorted.length; index++) {
    starts[index] = offset
    offset += (sorted[index] as string).length + 1
  }
  starts[sorted.length] = offset
  return {text: sorted.join('\n'), starts}
}

function slashesIn(path: string): number {
  let total = 0
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) total++
  return total
}

/** The longest text after a plain glob's first wildcard: every path it matches holds it ('' when none). */
function longestPiece(value: string): string {
  // The first piece is the prefix, which every path of the range has already.
  const pieces = value.split(WILDCARDS)
  let longest = ''
  for (let index = 1; index < pieces.length; index++) if ((pieces[index] as string).length > longest.length) longest = pieces[index] as string
  return longest
}

/** The end of the run of entries starting with `prefix` that begins at `low` (contiguous in a sorted list). */
function endOfRun(sorted: readonly string[], prefix: string, low: number): number {
  let end = low
  let high = sorted.length
  while (end < high) {
    const middle = (end + high) >> 1
    if ((sorted[middle] as string).startsWith(prefix)) end = middle + 1
    else high = middle
  }
  return end
}

/** The first index of a sorted list whose entry is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] as string) < key) low = middle + 1
    else high = middle
  }
  return low
}
