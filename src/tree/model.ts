// The records the project index is made of: what each document defines
// (labels, options, terms, domain objects), its toctrees and the external
// sources its directives name. Positions point into the file that holds the
// construct (`path`), which may be an included `.rst.inc` or a `.hx` file.

import type {Directive, Position} from '../rst/types.ts'

export interface Located {
  /** The document (Sphinx docname) the definition belongs to; undefined for external sources. */
  doc?: string
  /** Root-relative path of the file holding the construct. */
  path: string
  position?: Position
}

export interface LabelDef extends Located {
  /** Normalized name. */
  name: string
  /** In Sphinx's `labels` (precedes a section, rubric, captioned object, list…), not only `anonlabels`. */
  titled: boolean
}

export interface OptionDef extends Located {
  /** The `.. program::` in effect, spaces turned into `-`; null when none. */
  program: string | null
  name: string
}

export type ObjectSource = 'rst' | 'hx' | 'qapi' | 'kernel-doc' | 'dbus' | 'inventory'

export interface ObjectDef extends Located {
  /** `std`, `c`, `qapi`, `dbus`, … */
  domain: string
  /** Object type within the domain: `term`, `envvar`, `function`, `command`, `interface`, … */
  type: string
  /** Name as the domain looks it up (terms lowercased). */
  name: string
  source: ObjectSource
}

export type ToctreeEntryKind = 'doc' | 'url' | 'self' | 'glob'

export interface ToctreeEntry {
  /** The entry line as written (trimmed). */
  raw: string
  /** 0-based index of the entry's line within the directive content. */
  line: number
  kind: ToctreeEntryKind
  title?: string
  /** The target as written (`<…>` part or the whole entry). */
  ref: string
  /** Absolute docname (for `doc` and `glob` kinds): the name or pattern joined to the document. */
  docname: string
  /** Documents it includes (the one document, or a glob's matches); empty when missing. */
  includes: string[]
}

export interface ToctreeFact {
  doc: string
  path: string
  directive: Directive
  hidden: boolean
  glob: boolean
  entries: ToctreeEntry[]
}

export type SourceDirective = 'include' | 'literalinclude' | 'kernel-doc' | 'qapi-doc' | 'hxtool-doc' | 'dbus-doc'

export interface SourceUse {
  directive: SourceDirective
  argument: string
  /** Root-relative path the argument resolves to; undefined for docutils' standard includes (`<isonum.txt>`). */
  resolved: string | undefined
  exists: boolean
  doc: string
  path: string
  node: Directive
}

export interface DocFacts {
  docname: string
  path: string
  orphan: boolean
  toctrees: ToctreeFact[]
  uses: SourceUse[]
  /** Files spliced in by `.. include::` (root-relative), transitively. */
  includes: string[]
}

/** Where a `.. program::` changes the option context: per file, by offset. */
export interface ProgramChange {
  offset: number
  program: string | null
}
