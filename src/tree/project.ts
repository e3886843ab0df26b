// The cross-file facts of one run, computed once before the rules: conf.py
// facts, the toctree graph, the target index and MAINTAINERS. Rules read
// them; they never re-read files. `buildProjectIndex` takes the trees the
// engine parsed and reads only the non-rST sources it needs; the index is
// made from per-document facts (`collectDocFacts`), so a run holding cached
// facts builds it with `buildProjectIndexFromFacts` and parses nothing.

import {readFileSync} from 'node:fs'
import type {Root} from '../rst/types.ts'
import type {ConfFacts} from './conf.ts'
import {MaintainersCoverage} from './coverage.ts'
import {extractDBus} from './dbus-xml.ts'
import {LazyFileNames} from './file-names.ts'
import type {TreeFiles} from './files.ts'
import {readSubmodulePaths} from './gitmodules.ts'
import {readInventory} from './inventory.ts'
import {extractKernelDoc} from './kernel-doc.ts'
import {parseMaintainers, type FilePattern, type Maintainers, type MaintainersSection} from './maintainers.ts'
import type {DocFacts, LabelDef, OptionDef, SourceUse} from './model.ts'
import {readQapiSchema} from './qapi.ts'
import {TargetIndex, type ResolveContext, type Target} from './targets.ts'
import {buildToctreeGraph, type ToctreeGraph} from './toctree.ts'
import {collectDocFacts, type DocumentFacts} from './walk.ts'
import {discoverDocuments, type DocumentSet} from './documents.ts'

export interface ProjectOptions {
  /** Sphinx inventories (`objects.inv`) whose entries count as targets. */
  inventories?: string[]
  /** Docs folder relative to the root (default `docs`). */
  docsDir?: string
}

export interface MaintainersIndex {
  /** Undefined when the tree has no MAINTAINERS file. */
  parsed: Maintainers | undefined
  /** Submodule paths from `.gitmodules` (count as present). */
  submodules: string[]
  /** `F:`/`X:` patterns matching nothing. */
  dangling: FilePattern[]
  /** Sections claiming a file. */
  sectionsFor(path: string): MaintainersSection[]
  isCatchAll(section: MaintainersSection): boolean
  /** Whether only catch-all sections (or none) claim the file. */
  onlyCatchAll(path: string): boolean
}

export interface ProjectIndex {
  /** Path of the docs directory relative to the root (`docs`). */
  docsDir: string
  root: string
  conf: ConfFacts
  /** Found documents: docname → root-relative path. */
  documents: Map<string, string>
  /** `.rst` files under docs that exclude_patterns remove. */
  excludedDocuments: Set<string>
  /** Per-document facts (only documents the engine parsed). */
  docs: Map<string, DocFacts>
  toctree: ToctreeGraph
  targets: TargetIndex
  maintainers: MaintainersIndex
  /** Every source-naming directive (include, literalinclude, kernel-doc, …) met. */
  sources: SourceUse[]
  /** Docname of a document path, undefined for other files. */
  docnameOf(path: string): string | undefined
  /** The documents a file belongs to: itself, or the documents including it. */
  docsFor(path: string): string[]
  /** The `.. program::` contexts in effect at an offset of a file. */
  programsAt(path: string, offset: number): Array<string | null>
  /** `any`-role resolution of a reference written at `offset` in `path`. */
  resolveAnyAt(path: string, offset: number, text: string): Target | undefined
  /**
   * Every `any`-role match in each document the file belongs to (an included
   * file is resolved once per including document, as Sphinx does): empty when
   * one of them finds nothing (Sphinx: "target not found"), else the longest
   * list — more than one is Sphinx's "more than one target found".
   */
  resolveAnyAllAt(path: string, offset: number, text: string): Target[]
  /** Every file of the tree by its last path component (for "did you mean"); built on first use. */
  fileNames(): ReadonlyMap<string, readonly string[]>
}

export function buildProjectIndex(files: TreeFiles, parsed: ReadonlyMap<string, Root>, options: ProjectOptions = {}): ProjectIndex {
  const docsDir = options.docsDir ?? 'docs'
  const set = discoverDocuments(files, docsDir)
  const facts = new Map<string, DocumentFacts>()
  for (const [docname, path] of set.documents) {
    const tree = parsed.get(path)
    if (tree) facts.set(docname, collectDocFacts(files, parsed, docsDir, docname, path, tree))
  }
  return buildProjectIndexFromFacts(files, set, facts, options)
}

/** The index from each found document's facts (documents without facts were not parsed). */
export function buildProjectIndexFromFacts(files: TreeFiles, set: DocumentSet, facts: ReadonlyMap<string, DocumentFacts>, options: ProjectOptions = {}): ProjectIndex {
  const docsDir = options.docsDir ?? 'docs'
  const {conf, documents, excludedDocuments} = set
  const prefix = `${docsDir}/`
  const pathToDoc = new Map<string, string>()
  for (const [docname, path] of documents) pathToDoc.set(path, docname)

  // Merged in document order, as one walk over every document would find them.
  const collector = {
    labels: [] as LabelDef[],
    options: [] as OptionDef[],
    objects: [] as DocumentFacts['objects'],
    docs: new Map<string, DocFacts>(),
    programChanges: new Map<string, Array<{offset: number; program: string | null}>>(),
    includedBy: new Map<string, Array<{doc: string; program: string | null}>>(),
  }
  for (const docname of documents.keys()) {
    const doc = facts.get(docname)
    if (!doc) continue
    collector.docs.set(docname, doc)
    collector.labels.push(...doc.labels)
    collector.options.push(...doc.options)
    collector.objects.push(...doc.objects)
    for (const [path, changes] of doc.programChanges) {
      const list = collector.programChanges.get(path)
      if (list) list.push(...changes)
      else collector.programChanges.set(path, [...changes])
    }
    for (const [path, contexts] of doc.includedBy) {
      const list = collector.includedBy.get(path)
      if (list) list.push(...contexts)
      else collector.includedBy.set(path, [...contexts])
    }
  }
  const targets = new TargetIndex()
  for (const docname of documents.keys()) targets.addDoc(docname)
  for (const label of collector.labels) targets.addLabel(label)
  for (const option of collector.options) targets.addOption(option)
  for (const object of collector.objects) targets.addObject(object)
  const sources = [...collector.docs.values()].flatMap((facts) => facts.uses)
  loadDomainSources(files, sources, targets)
  for (const inventory of options.inventories ?? []) loadInventory(inventory, targets)

  const found = new Set(documents.keys())
  const toctree = buildToctreeGraph(collector.docs, found, excludedDocuments, conf.masterDoc)
  const maintainers = buildMaintainers(files, docsDir)

  const docnameOf = (path: string): string | undefined => pathToDoc.get(path)
  const docsFor = (path: string): string[] => {
    const own = pathToDoc.get(path)
    if (own) return [own]
    const including = collector.includedBy.get(path)
    if (including) return [...new Set(including.map((context) => context.doc))]
    // A file nobody includes: resolve as if it were a document where it sits.
    return [path.startsWith(prefix) ? path.slice(prefix.length).replace(/\.rst(\.inc)?$|\.inc$/, '') : path]
  }
  const programsAt = (path: string, offset: number): Array<string | null> => {
    const changes = collector.programChanges.get(path)
    let last: {program: string | null} | undefined
    for (const change of changes ?? []) if (change.offset <= offset) last = change
    if (last) return [last.program]
    const including = collector.includedBy.get(path)
    if (including) return [...new Set(including.map((context) => context.program))]
    return [null]
  }
  const resolveAnyAt = (path: string, offset: number, text: string): Target | undefined => {
    const context: ResolveContext = {programs: programsAt(path, offset)}
    for (const doc of docsFor(path)) {
      const target = targets.resolveAny(text, doc, context)
      if (target) return target
    }
    return undefined
  }
  const resolveAnyAllAt = (path: string, offset: number, text: string): Target[] => {
    const context: ResolveContext = {programs: programsAt(path, offset)}
    let widest: Target[] = []
    for (const doc of docsFor(path)) {
      const found = targets.resolveAnyAll(text, doc, context)
      if (found.length === 0) return found
      if (found.length > widest.length) widest = found
    }
    return widest
  }
  // Rules ask for the map before knowing whether they need it (a MAINTAINERS
  // with nothing dangling never looks a name up): build it on first lookup.
  let names: LazyFileNames | undefined
  const fileNames = (): ReadonlyMap<string, readonly string[]> => (names ??= new LazyFileNames(files))
  return {
    fileNames,
    docsDir,
    root: files.root,
    conf,
    documents,
    excludedDocuments,
    docs: collector.docs,
    toctree,
    targets,
    maintainers,
    sources,
    docnameOf,
    docsFor,
    programsAt,
    resolveAnyAt,
    resolveAnyAllAt,
  }
}

/** Objects from the sources kernel-doc, qapi-doc and dbus-doc name. */
function loadDomainSources(files: TreeFiles, sources: readonly SourceUse[], targets: TargetIndex): void {
  const seen = new Set<string>()
  for (const use of sources) {
    if (!use.resolved || !use.exists) continue
    const key = `${use.directive}\0${use.resolved}\0${use.node.options.map((option) => `${option.name}=${option.value}`).join(',')}`
    if (seen.has(key)) continue
    seen.add(key)
    if (use.directive === 'kernel-doc') {
      const text = files.read(use.resolved)
      if (!text) continue
      const wanted = use.node.options
        .filter((option) => option.name === 'functions' || option.name === 'identifiers')
        .flatMap((option) => option.value.split(/\s+/).filter(Boolean))
      for (const symbol of extractKernelDoc(text)) {
        const outer = symbol.name.split('.')[0] as string
        if (wanted.length > 0 && !wanted.includes(outer)) continue
        targets.addObject({domain: 'c', type: symbol.type, name: symbol.name, doc: use.doc, path: use.resolved, source: 'kernel-doc', position: linePosition(symbol.line)})
      }
    } else if (use.directive === 'qapi-doc') {
      const namespace = use.node.options.find((option) => option.name === 'namespace')?.value.trim()
      for (const definition of readQapiSchema(files, use.resolved).definitions) {
        // Object literals, not spreads of a base: a thousand definitions, run interpreted.
        const {meta: type, path, name, module} = definition
        const position = linePosition(definition.line)
        targets.addObject({domain: 'qapi', type, doc: use.doc, path, source: 'qapi', position, name})
        targets.addObject({domain: 'qapi', type, doc: use.doc, path, source: 'qapi', position, name: `${module}.${name}`})
        if (namespace) targets.addObject({domain: 'qapi', type, doc: use.doc, path, source: 'qapi', position, name: `${namespace}:${module}.${name}`})
      }
    } else if (use.directive === 'dbus-doc') {
      const text = files.read(use.resolved)
      if (!text) continue
      for (const object of extractDBus(text)) {
        targets.addObject({domain: 'dbus', type: object.type, name: object.name, doc: use.doc, path: use.resolved, source: 'dbus', position: linePosition(object.line)})
      }
    }
  }
}

function loadInventory(path: string, targets: TargetIndex): void {
  let entries = inventories.get(path)
  if (!entries) {
    let data: Uint8Array
    try {
      data = readFileSync(path)
    } catch {
      return
    }
    inventories.set(path, (entries = readInventory(data)))
  }
  for (const entry of entries) {
    targets.addObject({domain: entry.domain, type: entry.role, name: entry.name, path, source: 'inventory'})
  }
}

/**
 * Work shared by the indexes of one process (patch mode builds one per side):
 * keyed by the file list itself, which a patched tree hands on unchanged when
 * it adds and deletes nothing; the inventories by their path.
 */
const maintainersByList = new WeakMap<readonly string[], {text: string; gitmodules: string | undefined; docsDir: string; index: MaintainersIndex}>()
const inventories = new Map<string, ReturnType<typeof readInventory>>()

function buildMaintainers(files: TreeFiles, docsDir: string): MaintainersIndex {
  const text = files.read('MAINTAINERS')
  const gitmodules = files.read('.gitmodules')
  if (text === undefined) return buildMaintainersOf(files, docsDir, text, gitmodules)
  // Same MAINTAINERS, .gitmodules and file list: same patterns, same coverage.
  const all = files.list()
  const shared = maintainersByList.get(all)
  if (shared && shared.text === text && shared.gitmodules === gitmodules && shared.docsDir === docsDir) return shared.index
  const index = buildMaintainersOf(files, docsDir, text, gitmodules)
  maintainersByList.set(all, {text, gitmodules, docsDir, index})
  return index
}

function buildMaintainersOf(files: TreeFiles, docsDir: string, text: string | undefined, gitmodules: string | undefined): MaintainersIndex {
  const submodules = readSubmodulePaths(gitmodules)
  if (text === undefined) {
    return {parsed: undefined, submodules, dangling: [], sectionsFor: () => [], isCatchAll: () => false, onlyCatchAll: () => false}
  }
  const parsed = parseMaintainers(text, files)
  const coverage = new MaintainersCoverage(parsed, files.list(), submodules)
  let dangling: FilePattern[] | undefined
  const catchAll = new Map<MaintainersSection, boolean>()
  const isCatchAll = (section: MaintainersSection): boolean => {
    let value = catchAll.get(section)
    if (value === undefined) catchAll.set(section, (value = coverage.isCatchAll(section, docsDir)))
    return value
  }
  return {
    parsed,
    submodules,
    get dangling() {
      return (dangling ??= coverage.dangling())
    },
    sectionsFor: (path) => coverage.sectionsFor(path),
    isCatchAll,
    onlyCatchAll: (path) => coverage.sectionsFor(path).every(isCatchAll),
  }
}

function linePosition(line: number) {
  return {start: {line, column: 1}, end: {line, column: 1}}
}

export type {Target, ResolveContext, DocFacts, DocumentFacts, DocumentSet, LabelDef, OptionDef, SourceUse}
export {discoverDocuments}
export type {TargetIndex} from './targets.ts'
