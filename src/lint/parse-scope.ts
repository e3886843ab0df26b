// Which documents patch mode parses for the project index. Parsing all of
// QEMU's docs costs more than the whole budget of a patch check, and most of
// them cannot change what a patch's findings are: the index needs the
// touched files, every document with a toctree or `:orphan:` (the toctree
// graph), the documents whose definition lines (`.. _label:`, `.. option::`,
// `.. c:function::` …) mention a name the linted files reference, the
// documents pulling definitions from other sources (kernel-doc, qapi-doc, …)
// when a linted file references something, and the includers of files the
// series removes. A document left out is left out on both sides, so what it
// would change cancels out in the before/after comparison.

import {extractDBus} from '../tree/dbus-xml.ts'
import type {TreeFiles} from '../tree/files.ts'
import {extractKernelDoc} from '../tree/kernel-doc.ts'

export interface ScopeInput {
  /** Docs rST files (`.rst`, `.rst.inc`) of either side. */
  docs: readonly string[]
  /** A file's text on either side (the after side first). */
  read: (path: string) => string | undefined
  /** The files linted on both sides. */
  linted: Iterable<string>
  /** Paths the series deletes or renames away. */
  gone: Iterable<string>
  /** Every file of the tree (to find a QAPI schema's modules). */
  list: readonly string[]
}

const DOMAIN_SOURCES = ['kernel-doc::', 'qapi-doc::', 'dbus-doc::', 'hxtool-doc::', 'glossary::']

/**
 * `whole`: parsed as is; `skeleton`: only its `:orphan:`-style fields,
 * toctrees and source-naming directives (see `skeleton`); `graph`: the same
 * without source directives (their sources define nothing referenced).
 */
export type ParseMode = 'whole' | 'skeleton' | 'graph'

export function selectDocs({docs, read, linted, gone, list}: ScopeInput): Map<string, ParseMode> {
  const selected = new Set<string>()
  const names = new Set<string>()
  const lintedList = [...linted]
  for (const path of lintedList) {
    selected.add(path)
    for (const name of referencedNames(read(path) ?? '')) names.add(name)
  }
  // Includers of a linted or vanished include file, found by the file's name.
  const goneList = [...gone]
  const includeNeedles = [...lintedList.filter((path) => path.endsWith('.inc')), ...goneList].map((path) => path.slice(path.lastIndexOf('/') + 1))
  // A vanished document is named without `.rst` in the toctrees listing it.
  for (const path of goneList) if (path.endsWith('.rst')) includeNeedles.push(path.slice(path.lastIndexOf('/') + 1, -4))
  const wanted = [...names].filter((name) => name.length >= 2)
  // Documents needed whole (with what they include), and those needed only for the toctree graph.
  const whole = new Set(selected)
  const sources = new Set<string>()
  const schemas = new Map<string, Set<string>>()
  for (const path of docs) {
    if (selected.has(path)) continue
    const text = read(path)
    if (text === undefined) continue
    if (includeNeedles.some((needle) => text.includes(needle)) || (wanted.length > 0 && definesOneOf(text, wanted))) {
      selected.add(path)
      whole.add(path)
    } else if (wanted.length > 0 && DOMAIN_SOURCES.some((marker) => text.includes(marker)) && sourcesDefineOneOf(text, wanted, read, list, schemas)) {
      selected.add(path)
      sources.add(path)
    } else if (text.includes('toctree::') || text.includes(':orphan:')) {
      selected.add(path)
    }
  }
  // The include files the documents needed whole name.
  for (const path of docs) {
    if (selected.has(path) || !path.endsWith('.inc')) continue
    const base = path.slice(path.lastIndexOf('/') + 1)
    for (const doc of whole) {
      if ((doc.endsWith('.rst') || doc.endsWith('.inc')) && read(doc)?.includes(base)) {
        selected.add(path)
        whole.add(path)
        break
      }
    }
  }
  return new Map([...selected].map((path) => [path, whole.has(path) ? 'whole' : sources.has(path) ? 'skeleton' : 'graph']))
}

const SKELETON_DIRECTIVES = /^([ \t]*)\.\. (toctree|kernel-doc|qapi-doc|dbus-doc|hxtool-doc|program|glossary)::/
const GRAPH_DIRECTIVES = /^([ \t]*)\.\. (toctree)::/

/**
 * What the project index needs of a document nobody lints: its leading
 * `:orphan:`-style fields, and its toctree, source-naming, `program` and
 * glossary directives (each dedented, with its block). Positions in it mean
 * nothing; patch mode never reports on a skeleton.
 */
export function skeleton(text: string, withSources = true): string {
  const wanted = withSources ? SKELETON_DIRECTIVES : GRAPH_DIRECTIVES
  const lines = text.split('\n')
  const out: string[] = []
  let index = 0
  // Docinfo fields come first (comments and blank lines may precede them).
  while (index < lines.length) {
    const line = lines[index]!
    if (line.startsWith(':')) out.push(line)
    else if (line.trim() !== '' && !(line.startsWith('..') && !line.includes('::'))) break
    index++
  }
  out.push('')
  for (; index < lines.length; index++) {
    const match = wanted.exec(lines[index]!)
    if (!match) continue
    const indent = match[1]!.length
    out.push(lines[index]!.slice(indent))
    while (index + 1 < lines.length) {
      const next = lines[index + 1]!
      if (next.trim() !== '' && indentOf(next) <= indent) break
      out.push(next.trim() === '' ? '' : next.slice(indent))
      index++
    }
    out.push('')
  }
  return out.join('\n')
}

function indentOf(line: string): number {
  let width = 0
  while (width < line.length && (line[width] === ' ' || line[width] === '\t')) width++
  return width
}

/** Docs rST paths of a tree side. */
export function docsPaths(files: TreeFiles, docsDir: string, isDoc: (path: string) => boolean): string[] {
  const prefix = `${docsDir}/`
  return files.list().filter((path) => path.startsWith(prefix) && isDoc(path))
}

/**
 * The names a text may reference, lowercased: the content of every backquoted
 * span (role or default role), its `<target>` when it has one, without `~`/`!`.
 */
export function referencedNames(text: string): Set<string> {
  const out = new Set<string>()
  let at = text.indexOf('`')
  while (at >= 0) {
    // Skip ``literals``.
    if (text[at + 1] === '`') {
      const close = text.indexOf('``', at + 2)
      if (close < 0) break
      at = text.indexOf('`', close + 2)
      continue
    }
    const close = text.indexOf('`', at + 1)
    if (close < 0) break
    let inner = text.slice(at + 1, close)
    const open = inner.lastIndexOf('<')
    if (open >= 0 && inner.endsWith('>')) inner = inner.slice(open + 1, -1)
    inner = inner.replace(/^[~!]+/, '').trim().toLowerCase().split(/\s+/).join(' ')
    if (inner !== '' && inner.length < 200) out.add(inner)
    at = text.indexOf('`', close + 1)
  }
  return out
}

const SOURCE_DIRECTIVE = /^[ \t]*\.\. (kernel-doc|qapi-doc|dbus-doc|hxtool-doc)::[ \t]*(\S+)/gm
const QAPI_DEFINITION = /'(?:command|struct|enum|union|alternate|event)'\s*:\s*'([^'\n]+)'/g

/**
 * Whether the sources a document pulls definitions from (kernel-doc headers,
 * QAPI schemas, D-Bus XML, hx files) or its glossary may define one of
 * `names`: a cheap scan, so the expensive readers only run when they matter.
 */
function sourcesDefineOneOf(
  text: string,
  names: readonly string[],
  read: (path: string) => string | undefined,
  list: readonly string[],
  schemas: Map<string, Set<string>>,
): boolean {
  if (text.includes('glossary::')) {
    const lower = text.toLowerCase()
    if (names.some((name) => hasToken(lower, name))) return true
  }
  for (const match of text.matchAll(SOURCE_DIRECTIVE)) {
    const [, directive, argument] = match as unknown as [string, string, string]
    const path = argument.replace(/^\.\//, '')
    if (directive === 'qapi-doc') {
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : ''
      // Several documents document schemas of the same folder: scan it once.
      let defined = schemas.get(folder)
      if (!defined) {
        defined = new Set<string>()
        for (const file of list) {
          if (!file.startsWith(folder) || !file.endsWith('.json')) continue
          for (const definition of (read(file) ?? '').matchAll(QAPI_DEFINITION)) defined.add(definition[1]!.toLowerCase())
        }
        schemas.set(folder, defined)
      }
      if (names.some((name) => defined.has(name) || defined.has(name.slice(Math.max(name.lastIndexOf(':'), name.lastIndexOf('.')) + 1)))) return true
      continue
    }
    const source = read(path)
    if (source === undefined) continue
    if (directive === 'hxtool-doc' ? definesOneOf(source, names) : definedNames(directive, source).some((name) => names.includes(name))) return true
  }
  return false
}

/** What a kernel-doc header or D-Bus XML file defines, lowercased (the index's own readers). */
function definedNames(directive: string, source: string): string[] {
  const found = directive === 'kernel-doc' ? extractKernelDoc(source).map((symbol) => symbol.name) : extractDBus(source).map((object) => object.name)
  return found.map((name) => name.toLowerCase())
}

/** Whether a line starting with `..` (a label or directive, maybe indented) mentions one of `names`. */
function definesOneOf(text: string, names: readonly string[]): boolean {
  for (let at = text.indexOf('.. '); at >= 0; at = text.indexOf('.. ', at + 3)) {
    let start = at
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--
    if (start > 0 && text[start - 1] !== '\n') continue
    const end = text.indexOf('\n', at)
    const line = text.slice(at + 3, end < 0 ? text.length : end).toLowerCase()
    // What the construct defines: the label's name, or the directive's arguments.
    const marker = line.indexOf('::')
    if (line.startsWith('_')) {
      // A label: its whole (normalized) name must be referenced.
      const colon = line.lastIndexOf(':')
      const label = line.slice(1, colon < 0 ? line.length : colon).trim().split(/\s+/).join(' ')
      if (names.includes(label)) return true
      continue
    }
    const defined = marker >= 0 ? line.slice(marker + 2) : ''
    if (defined !== '' && names.some((name) => hasToken(defined, name))) return true
  }
  return false
}

/** `name` occurs in `text` not glued to letters, digits or `_` on either side. */
function hasToken(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + name.length))) return true
  }
  return false
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95
}
