// Which MAINTAINERS patterns match which files, fast: patterns are grouped by
// the first folder of their literal prefix, and presence is checked against
// the sorted file list (`PresenceIndex`). Gives the dangling patterns (matching
// no file, no folder and no submodule) and the sections that claim a given file.

import {compareCodeUnits, listIndexOf} from './disk-files.ts'
import {compile, matchesFile, regexMatches, type FilePattern, type Maintainers, type MaintainersSection} from './maintainers.ts'
import {PresenceIndex} from './presence.ts'

export class MaintainersCoverage {
  /** Patterns by the first folder of their prefix; built on first use (a whole-tree run only asks for dangling patterns). */
  private groupMap: Map<string, FilePattern[]> | undefined
  private readonly files: readonly string[]
  /** The `N:` regexes with their sections, in file order (compiled once, not per file). */
  private nameRegexes: Array<{section: MaintainersSection; regex: RegExp}> | undefined
  private catchAll: Map<string, Set<MaintainersSection>> | undefined

  constructor(
    readonly maintainers: Maintainers,
    files: readonly string[],
    readonly submodules: readonly string[],
  ) {
    this.files = files
  }

  private get groups(): Map<string, FilePattern[]> {
    if (!this.groupMap) {
      this.groupMap = new Map()
      for (const pattern of this.maintainers.patterns) {
        const slash = pattern.prefix.indexOf('/')
        const key = slash < 0 ? '' : pattern.prefix.slice(0, slash)
        const group = this.groupMap.get(key)
        if (group) group.push(pattern)
        else this.groupMap.set(key, [pattern])
      }
    }
    return this.groupMap
  }

  /** `F:`/`X:` patterns that match no file, folder or submodule of the tree. */
  dangling(): FilePattern[] {
    const known = listIndexOf(this.files)
    const sorted = known || isSorted(this.files) ? this.files : [...this.files].sort(compareCodeUnits)
    const presence = new PresenceIndex(sorted, this.submodules, known)
    return this.maintainers.patterns.filter((pattern) => !presence.isPresent(pattern))
  }

  /** Sections claiming `file` (an `F:` matches, no `X:` of the section does, or an `N:` regex matches). */
  sectionsFor(file: string): MaintainersSection[] {
    const slash = file.indexOf('/')
    // The file's folders, cut once for all candidate patterns.
    const folders: string[] = []
    for (let at = slash; at >= 0; at = file.indexOf('/', at + 1)) folders.push(file.slice(0, at))
    const matched = new Set<MaintainersSection>()
    const excluded = new Set<MaintainersSection>()
    const claim = (group: readonly FilePattern[] | undefined): void => {
      if (!group) return
      for (let index = 0; index < group.length; index++) {
        const pattern = group[index] as FilePattern
        // The file and its folders all start with the prefix a match needs, or none does.
        if (!file.startsWith(pattern.prefix) || !coversFileIn(pattern, file, folders)) continue
        if (pattern.entry.tag === 'X') excluded.add(pattern.section)
        else matched.add(pattern.section)
      }
    }
    claim(this.groups.get(''))
    if (slash >= 0) claim(this.groups.get(file.slice(0, slash)))
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
        if (pattern.entry.tag === 'F' && pattern.directory && regexMatches(pattern, `${docsDir}/`)) sections.add(pattern.section)
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

/** `coversFile` with the file's folders cut already. */
function coversFileIn(pattern: FilePattern, file: string, folders: readonly string[]): boolean {
  if (matchesFile(pattern, file)) return true
  if (pattern.directory) return false
  for (let index = 0; index < folders.length; index++) if (matchesFile(pattern, folders[index] as string)) return true
  return false
}

function isSorted(list: readonly string[]): boolean {
  for (let index = 1; index < list.length; index++) if ((list[index - 1] as string) > (list[index] as string)) return false
  return true
}
