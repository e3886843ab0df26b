// Which MAINTAINERS patterns match which files, fast: patterns are grouped by
// the first folder of their literal prefix and files found by binary search
// in the sorted file list. Gives the dangling patterns (matching no file, no
// folder and no submodule) and the sections that claim a given file.

import {compareCodeUnits} from './disk-files.ts'
import {compile, matchesFile, type FilePattern, type Maintainers, type MaintainersSection} from './maintainers.ts'

export class MaintainersCoverage {
  private readonly groups = new Map<string, FilePattern[]>()
  private readonly sorted: readonly string[]
  private directoryList: string[] | undefined
  /** The `N:` regexes with their sections, in file order (compiled once, not per file). */
  private nameRegexes: Array<{section: MaintainersSection; regex: RegExp}> | undefined
  private catchAll: Map<string, Set<MaintainersSection>> | undefined

  constructor(
    readonly maintainers: Maintainers,
    files: readonly string[],
    readonly submodules: readonly string[],
  ) {
    this.sorted = isSorted(files) ? files : [...files].sort(compareCodeUnits)
    for (const pattern of maintainers.patterns) {
      const slash = pattern.prefix.indexOf('/')
      const key = slash < 0 ? '' : pattern.prefix.slice(0, slash)
      const group = this.groups.get(key)
      if (group) group.push(pattern)
      else this.groups.set(key, [pattern])
    }
  }

  /** Every folder of the tree (and the submodules), sorted; built on first use. */
  private get directories(): string[] {
    if (!this.directoryList) {
      const directories = new Set<string>(this.submodules)
      for (const file of this.sorted) {
        for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) directories.add(file.slice(0, slash))
      }
      this.directoryList = [...directories].sort(compareCodeUnits)
    }
    return this.directoryList
  }

  /** `F:`/`X:` patterns that match no file, folder or submodule of the tree. */
  dangling(): FilePattern[] {
    return this.maintainers.patterns.filter((pattern) => !this.isPresent(pattern))
  }

  private isPresent(pattern: FilePattern): boolean {
    if (!pattern.regex) return false
    for (const submodule of this.submodules) {
      if (pattern.prefix === submodule || pattern.prefix.startsWith(`${submodule}/`)) return true
    }
    for (const file of range(this.sorted, pattern.prefix)) if (matchesFile(pattern, file)) return true
    // A pattern naming a folder (or a glob matching one) counts: it covers what is below.
    for (const directory of range(this.directories, pattern.prefix)) {
      if (matchesFile(pattern, directory) || matchesFile(pattern, `${directory}/`)) return true
    }
    return false
  }

  /** Sections claiming `file` (an `F:` matches, no `X:` of the section does, or an `N:` regex matches). */
  sectionsFor(file: string): MaintainersSection[] {
    const slash = file.indexOf('/')
    const candidates = [...(this.groups.get('') ?? []), ...(slash < 0 ? [] : (this.groups.get(file.slice(0, slash)) ?? []))]
    const matched = new Set<MaintainersSection>()
    const excluded = new Set<MaintainersSection>()
    for (const pattern of candidates) {
      if (!coversFile(pattern, file)) continue
      if (pattern.entry.tag === 'X') excluded.add(pattern.section)
      else matched.add(pattern.section)
    }
    if (!this.nameRegexes) {
      this.nameRegexes = []
      for (const section of this.maintainers.sections) {
        for (const entry of section.entries) {
          const regex = entry.tag === 'N' ? compile(entry.value) : undefined
          if (regex) this.nameRegexes.push({section, regex})
        }
      }
    }
    for (const {section, regex} of this.nameRegexes) if (regex.test(file)) matched.add(section)
    return [...matched].filter((section) => !excluded.has(section))
  }

  /** A catch-all section claims the whole docs folder (`docs/`) or more (`*\/`). */
  isCatchAll(section: MaintainersSection, docsDir = 'docs'): boolean {
    // Computed once per docs folder for all sections: rules ask for every file.
    this.catchAll ??= new Map()
    let sections = this.catchAll.get(docsDir)
    if (!sections) {
      sections = new Set()
      for (const pattern of this.maintainers.patterns) {
        if (pattern.entry.tag === 'F' && pattern.directory && pattern.regex?.test(`${docsDir}/`) === true) sections.add(pattern.section)
      }
      this.catchAll.set(docsDir, sections)
    }
    return sections.has(section)
  }
}

/** get_maintainer.pl's match, plus: a pattern matching one of the file's folders covers the file. */
export function coversFile(pattern: FilePattern, file: string): boolean {
  if (matchesFile(pattern, file)) return true
  if (pattern.directory) return false
  for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
    if (matchesFile(pattern, file.slice(0, slash))) return true
  }
  return false
}

function isSorted(list: readonly string[]): boolean {
  for (let index = 1; index < list.length; index++) if ((list[index - 1] as string) > (list[index] as string)) return false
  return true
}

/** The entries of a sorted list starting with `prefix`. */
function* range(sorted: readonly string[], prefix: string): Generator<string> {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] as string) < prefix) low = middle + 1
    else high = middle
  }
  for (let index = low; index < sorted.length; index++) {
    const entry = sorted[index] as string
    if (!entry.startsWith(prefix)) break
    yield entry
  }
}
