// One pass over each document's tree (with `.. include::` files spliced in,
// as docutils does) collecting what Sphinx's environment would: explicit
// labels and whether they are "titled" (docutils' PropagateTargets moves a
// label onto the next node; Sphinx's std domain keeps it in `labels` only when
// that node has a title), options under the current `.. program::`, glossary
// terms, domain objects, toctrees, and the sources directives name.
// `collectDocFacts` gives one document's share as a plain object (what the
// result cache keeps), so the index can be built from facts without trees.

import {sourceOf} from '../rst/index.ts'
import type {Directive, Position, Root, RstNode} from '../rst/types.ts'
import type {TreeFiles} from './files.ts'
import {dirnameOf, normalizePath} from './docnames.ts'
import {scanHx} from './hx.ts'
import type {DocFacts, LabelDef, ObjectDef, OptionDef, ProgramChange, SourceDirective, SourceUse, ToctreeFact} from './model.ts'
import {collapse, nodeText, normalizeName} from './text.ts'
import {parseToctreeContent} from './toctree-entries.ts'

const INLINE_NODE = 1
const TARGET = 2
/** Elements holding only inline content: inline targets are their direct children. */
const TEXT_ELEMENT = 3
const DIRECTIVE = 4
const CITATION = 5

/** What the walk does with a node type (other types: flush pending labels, then descend). */
const KINDS = new Map<string, number>([
  ...['text', 'emphasis', 'strong', 'literal', 'interpreted_text', 'reference', 'footnote_reference', 'citation_reference', 'substitution_reference', 'inline_target'].map(
    (type) => [type, INLINE_NODE] as const,
  ),
  ...['paragraph', 'title', 'term', 'classifier', 'field_name', 'line', 'attribution'].map((type) => [type, TEXT_ELEMENT] as const),
  ['target', TARGET],
  ['directive', DIRECTIVE],
  ['citation', CITATION],
])

const ROOT_RELATIVE: Record<string, SourceDirective> = {
  'kernel-doc': 'kernel-doc',
  'qapi-doc': 'qapi-doc',
  'hxtool-doc': 'hxtool-doc',
  'dbus-doc': 'dbus-doc',
}

/** Everything one document contributes to the project index; plain data. */
export interface DocumentFacts extends DocFacts {
  labels: LabelDef[]
  options: OptionDef[]
  objects: ObjectDef[]
  /** Program changes per file path met while walking this document. */
  programChanges: Array<[string, ProgramChange[]]>
  /** Files this document splices in, with the document and program in effect. */
  includedBy: Array<[string, Array<{doc: string; program: string | null}>]>
  /** What the walk looked at besides the document's own tree: its facts change when these do. */
  deps: {trees: string[]; reads: string[]; exists: string[]}
}

/** Walk one document (with its includes spliced in) into its facts. */
export function collectDocFacts(files: TreeFiles, parsed: ReadonlyMap<string, Root>, docsDir: string, docname: string, path: string, root: Root): DocumentFacts {
  const collector = new Collector(files, parsed, docsDir)
  const facts = collector.addDocument(docname, path, root)
  // Spelled out, not spread: a spread then six more keys ran slow paths, interpreted.
  return {
    docname: facts.docname,
    path: facts.path,
    orphan: facts.orphan,
    toctrees: facts.toctrees,
    uses: facts.uses,
    includes: facts.includes,
    labels: collector.labels,
    options: collector.options,
    objects: collector.objects,
    programChanges: [...collector.programChanges],
    includedBy: [...collector.includedBy],
    deps: {trees: [...collector.treesAsked], reads: [...collector.readsAsked], exists: [...collector.existsAsked]},
  }
}

export class Collector {
  readonly labels: LabelDef[] = []
  readonly options: OptionDef[] = []
  readonly objects: ObjectDef[] = []
  readonly docs = new Map<string, DocFacts>()
  /** Program changes per file path. */
  readonly programChanges = new Map<string, ProgramChange[]>()
  /** For spliced files: the documents including them and the programs in effect at each include. */
  readonly includedBy = new Map<string, Array<{doc: string; program: string | null}>>()
  /** Paths whose parsed tree, text or existence the walk asked for. */
  readonly treesAsked = new Set<string>()
  readonly readsAsked = new Set<string>()
  readonly existsAsked = new Set<string>()

  constructor(
    readonly files: TreeFiles,
    readonly parsed: ReadonlyMap<string, Root>,
    readonly docsDir: string,
  ) {}

  /** Walk one document. `docname` is its Sphinx name, `path` its root-relative path. */
  addDocument(docname: string, path: string, root: Root): DocFacts {
    const facts: DocFacts = {docname, path, orphan: hasOrphanField(root), toctrees: [], uses: [], includes: []}
    this.docs.set(docname, facts)
    const walker = new DocWalker(this, facts)
    walker.walkTree(root, path)
    walker.flush(undefined)
    return facts
  }

  tree(path: string): Root | undefined {
    this.treesAsked.add(path)
    return this.parsed.get(path)
  }

  read(path: string): string | undefined {
    this.readsAsked.add(path)
    return this.files.read(path)
  }

  exists(path: string): boolean {
    this.existsAsked.add(path)
    return this.files.exists(path)
  }

  /** Resolve a directive's path argument the way the directive does. */
  resolveSource(directive: SourceDirective, argument: string, docname: string): string | undefined {
    const arg = argument.trim()
    if (directive === 'include' && arg.startsWith('<') && arg.endsWith('>')) return undefined
    if (directive === 'include' || directive === 'literalinclude') {
      // Sphinx's relfn2path: `/x` is relative to the docs folder, else to the document.
      if (arg.startsWith('/')) return normalizePath(`${this.docsDir}/${arg}`)
      return normalizePath(`${this.docsDir}/${dirnameOf(docname)}/${arg}`)
    }
    // QEMU sets kerneldoc/qapidoc/hxtool/dbusdoc `_srctree` to the tree root.
    return normalizePath(arg)
  }
}

/**
 * Where something the walk records can start: explicit markup (`..` then
 * whitespace: targets, directives, citations, substitution definitions — also
 * after a list bullet or a field name, hence anywhere), an anonymous target
 * (`__`) and an inline target (`_\``). A subtree whose text holds none records
 * nothing, so the walk skips it. Over-matching (`...`, `__init__ `) only costs a visit.
 */
const MARKER = /\.\.(?=\s|$)|__(?=\s|$)|_`/g

class DocWalker {
  private program: string | null = null
  private pending: Array<{name: string; path: string; position?: Position}> = []
  /** Whether the file being walked may hold inline targets. */
  private inlineTargets = true
  private readonly stack: string[] = []
  /** The text of the file being walked (undefined: no skipping). */
  private text: string | undefined
  /**
   * The last marker search: from `markFrom`, the next marker is at `markAt`
   * (Infinity: none). The walk goes forward through a file, so one native
   * search answers every node until the walk passes that marker.
   */
  private markFrom = 0
  private markAt = 0

  constructor(
    private readonly collector: Collector,
    private readonly facts: DocFacts,
  ) {}

  /** Walk a whole file's tree (the document's, or one spliced in). */
  walkTree(root: Root, path: string): void {
    const {inlineTargets, text, markFrom, markAt} = this
    this.text = sourceOf(root)?.text
    // An inline target starts with `_\``: a file without one has none, and its paragraphs need no look.
    this.inlineTargets = this.text?.includes('_`') ?? true
    this.markFrom = 0
    this.markAt = -1
    this.walkChildren(root.children as RstNode[], path)
    this.inlineTargets = inlineTargets
    this.text = text
    this.markFrom = markFrom
    this.markAt = markAt
  }

  /**
   * Whether the node's text holds a marker (or it has no position). Each
   * node visited costs several property loads on nodes of many shapes,
   * interpreted in a cold process: skipping marker-free subtrees leaves a
   * quarter of the visits.
   */
  private holdsMarker(node: RstNode): boolean {
    const text = this.text
    const position = node.position as Position | undefined
    const start = position?.start.offset
    const end = position?.end.offset
    if (text === undefined || start === undefined || end === undefined) return true
    if (start < this.markFrom || start > this.markAt) {
      MARKER.lastIndex = start
      const found = MARKER.exec(text)
      this.markFrom = start
      this.markAt = found === null ? Infinity : found.index
    }
    return this.markAt < end
  }

  walkChildren(children: readonly RstNode[], path: string): void {
    // Indexed loops and one map lookup per node: in a cold process this runs
    // interpreted over every block node of every document.
    for (let index = 0; index < children.length; index++) {
      const node = children[index] as RstNode
      const kind = KINDS.get(node.type)
      if (kind === INLINE_NODE) {
        if (node.type === 'inline_target') for (const name of node.names) this.label(name, path, node.position, false)
        else {
          const inner = (node as {children?: RstNode[]}).children
          if (inner !== undefined) this.walkChildren(inner, path)
        }
        continue
      }
      if (kind === TARGET) {
        this.target(node as RstNode & {type: 'target'}, path)
        continue
      }
      if (this.pending.length > 0) this.flush(node)
      if (kind === TEXT_ELEMENT) {
        if (!this.inlineTargets) continue
        // Inline markup does not nest in rST, so one level finds every inline target.
        const inline = (node as {children: RstNode[]}).children
        for (let at = 0; at < inline.length; at++) {
          const child = inline[at] as RstNode
          if (child.type === 'inline_target') for (const name of child.names) this.label(name, path, child.position, false)
        }
        continue
      }
      if (kind === DIRECTIVE) {
        this.directive(node as Directive, path)
        continue
      }
      if (kind === CITATION) for (const name of (node as RstNode & {type: 'citation'}).names) this.label(name, path, node.position, false)
      // Nothing is pending (flushed above): a subtree without a marker adds nothing.
      else if (!this.holdsMarker(node)) continue
      // A property load, not `in`: over so many node shapes `in` is a slow lookup.
      const inner = (node as {children?: RstNode[]}).children
      if (inner !== undefined) this.walkChildren(inner, path)
    }
  }

  /** Resolve pending labels against the node that follows them. */
  flush(next: RstNode | undefined): void {
    if (this.pending.length === 0) return
    const titled = next !== undefined && isTitled(next)
    for (const label of this.pending) {
      this.collector.labels.push({name: label.name, titled, doc: this.facts.docname, path: label.path, position: label.position})
    }
    this.pending = []
  }

  private label(name: string, path: string, position: Position | undefined, titled: boolean): void {
    this.collector.labels.push({name: normalizeName(name), titled, doc: this.facts.docname, path, position})
  }

  private target(node: RstNode & {type: 'target'}, path: string): void {
    // Names docutils moved to `dupnames` still count: resolving leniently never raises a false alarm.
    const dupnames = Array.isArray(node.data?.dupnames) ? (node.data.dupnames as string[]) : []
    const names = dupnames.length > 0 ? [...node.names, ...dupnames] : node.names
    if (names.length > 0 && !node.refuri && !node.refname && !node.anonymous) {
      for (const name of names) this.pending.push({name: normalizeName(name), path, position: node.position})
    }
  }

  private directive(node: Directive, path: string): void {
    const name = node.name.toLowerCase()
    const docname = this.facts.docname
    const named = node.options.find((option) => option.name === 'name')
    if (named && named.value.trim()) this.label(named.value, path, node.position, isTitled(node))
    switch (name) {
      case 'program': {
        const program = collapse(node.argument).replace(/ /g, '-')
        this.program = program === 'None' || program === '' ? null : program
        this.noteProgram(path, node.position.start.offset ?? 0)
        break
      }
      case 'option':
      case 'cmdoption':
        for (const option of optionNames(node.argument)) {
          this.collector.options.push({program: this.program, name: option, doc: docname, path, position: node.position})
        }
        break
      case 'envvar':
        for (const line of node.argument.split('\n')) {
          if (line.trim()) this.object('std', 'envvar', line.trim(), path, node.position)
        }
        break
      case 'glossary':
        this.glossary(node.children as RstNode[], path)
        break
      case 'toctree':
        this.toctree(node, path)
        break
      case 'include':
      case 'literalinclude':
        this.include(name, node, path)
        return
      case 'kernel-doc':
      case 'qapi-doc':
      case 'hxtool-doc':
      case 'dbus-doc':
        this.source(ROOT_RELATIVE[name] as SourceDirective, node, path)
        break
      default:
        if (name.includes(':')) this.domainObject(name, node, path)
    }
    this.walkChildren(node.children as RstNode[], path)
  }

  private noteProgram(path: string, offset: number): void {
    let changes = this.collector.programChanges.get(path)
    if (!changes) this.collector.programChanges.set(path, (changes = []))
    changes.push({offset, program: this.program})
  }

  private object(domain: string, type: string, name: string, path: string, position: Position | undefined, source: ObjectDef['source'] = 'rst'): void {
    this.collector.objects.push({domain, type, name, doc: this.facts.docname, path, position, source})
  }

  private glossary(children: readonly RstNode[], path: string): void {
    for (const child of children) {
      if (child.type === 'term') {
        const text = collapse(nodeText(child))
        if (text) this.object('std', 'term', text.toLowerCase(), path, child.position)
      } else if (child.type === 'paragraph') {
        // A glossary entry whose definition is missing parses as a paragraph: each line is a term.
        for (const line of nodeText(child).split('\n')) if (line.trim()) this.object('std', 'term', collapse(line).toLowerCase(), path, child.position)
      } else if ('children' in child && child.type !== 'definition') {
        this.glossary(child.children as RstNode[], path)
      }
    }
  }

  private toctree(node: Directive, path: string): void {
    const has = (option: string): boolean => node.options.some((entry) => entry.name === option)
    const fact: ToctreeFact = {
      doc: this.facts.docname,
      path,
      directive: node,
      hidden: has('hidden'),
      glob: has('glob'),
      entries: parseToctreeContent(node.content, this.facts.docname, has('glob')),
    }
    this.facts.toctrees.push(fact)
  }

  private use(directive: SourceDirective, node: Directive, path: string): SourceUse {
    const resolved = this.collector.resolveSource(directive, node.argument, this.facts.docname)
    const exists = resolved === undefined || this.collector.exists(resolved)
    const use: SourceUse = {directive, argument: node.argument.trim(), resolved, exists, doc: this.facts.docname, path, node}
    this.facts.uses.push(use)
    return use
  }

  private include(name: string, node: Directive, path: string): void {
    const use = this.use(name as SourceDirective, node, path)
    if (name !== 'include' || !use.resolved || node.options.some((option) => option.name === 'literal' || option.name === 'code')) return
    const tree = this.collector.tree(use.resolved)
    if (!tree || this.stack.includes(use.resolved)) return
    if (!this.facts.includes.includes(use.resolved)) this.facts.includes.push(use.resolved)
    let contexts = this.collector.includedBy.get(use.resolved)
    if (!contexts) this.collector.includedBy.set(use.resolved, (contexts = []))
    contexts.push({doc: this.facts.docname, program: this.program})
    this.stack.push(use.resolved)
    this.walkTree(tree, use.resolved)
    this.stack.pop()
  }

  private source(directive: SourceDirective, node: Directive, path: string): void {
    const use = this.use(directive, node, path)
    if (directive !== 'hxtool-doc' || !use.resolved) return
    const text = this.collector.read(use.resolved)
    if (text === undefined) return
    const hx = scanHx(text)
    for (const item of hx) {
      const position: Position = {
        start: {line: item.line, column: 1, offset: item.offset},
        end: {line: item.line, column: 1, offset: item.endOffset},
      }
      position.start.column = columnOf(text, item.offset)
      position.end.column = columnOf(text, item.endOffset)
      if (item.kind === 'program') {
        this.program = item.value === '' ? null : item.value
        this.noteProgram(use.resolved, item.offset)
      } else if (item.kind === 'option') {
        for (const option of optionNames(item.value)) {
          this.collector.options.push({program: this.program, name: option, doc: this.facts.docname, path: use.resolved, position})
        }
      } else if (item.kind === 'label' || item.kind === 'hx-label') {
        const base = (use.resolved.split('/').pop() ?? '').replace(/\.hx$/, '')
        const name = item.kind === 'label' ? item.value : `${this.facts.docname}-${base}-${item.value}`
        this.collector.labels.push({name: normalizeName(name), titled: item.titled ?? false, doc: this.facts.docname, path: use.resolved, position})
      } else if (item.kind === 'include') {
        const resolved = this.collector.resolveSource('include', item.value, this.facts.docname)
        const tree = resolved ? this.collector.tree(resolved) : undefined
        if (resolved && tree && !this.stack.includes(resolved)) {
          let contexts = this.collector.includedBy.get(resolved)
          if (!contexts) this.collector.includedBy.set(resolved, (contexts = []))
          contexts.push({doc: this.facts.docname, program: this.program})
          this.stack.push(resolved)
          this.walkTree(tree, resolved)
          this.stack.pop()
        }
      }
    }
  }

  private domainObject(name: string, node: Directive, path: string): void {
    const colon = name.indexOf(':')
    const domain = name.slice(0, colon)
    const type = name.slice(colon + 1)
    for (const signature of node.argument.split('\n')) {
      const object = objectName(domain, signature)
      if (object) this.object(domain, type, object, path, node.position)
    }
  }
}

/** Sphinx `Cmdoption.handle_signature`: `-a, --all[=X]` → `-a`, `--all`. */
export function optionNames(argument: string): string[] {
  const names: string[] = []
  for (const signature of argument.split('\n')) {
    for (const part of signature.split(', ')) {
      const potential = part.trim()
      if (!potential) continue
      let at = 0
      if (potential.startsWith('--')) at = 2
      else if (potential[0] === '-' || potential[0] === '/' || potential[0] === '+') at = 1
      let end = at
      while (end < potential.length && !/[\s=]/.test(potential[end] as string)) end++
      if (end === at) continue
      let name = potential.slice(0, end)
      const args = potential.slice(end)
      if (name.endsWith('[') && args.endsWith(']')) name = name.slice(0, -1)
      names.push(name)
    }
  }
  return names
}

/** The name a domain directive declares: the identifier before `(` for C, the text otherwise. */
function objectName(domain: string, signature: string): string | undefined {
  const text = signature.trim()
  if (!text) return undefined
  if (domain !== 'c' && domain !== 'cpp') return text
  const paren = text.indexOf('(')
  const head = paren < 0 ? text : text.slice(0, paren)
  const match = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(head)
  return match?.[1]
}

/** Sphinx std domain: a label's node yields a title (section, rubric, captioned object, list term, toctree caption). */
function isTitled(node: RstNode): boolean {
  switch (node.type) {
    case 'section':
      return true
    case 'definition_list':
    case 'field_list':
      return node.children.length > 0
    case 'directive': {
      const name = node.name.toLowerCase()
      const option = (wanted: string): boolean => node.options.some((entry) => entry.name === wanted && entry.value.trim() !== '')
      if (name === 'rubric') return true
      if (name === 'toctree' || name === 'code-block' || name === 'sourcecode' || name === 'code' || name === 'literalinclude') return option('caption')
      if (name === 'table' || name === 'list-table' || name === 'csv-table') return node.argument.trim() !== ''
      if (name === 'figure') return node.children.some((child) => child.type === 'paragraph')
      return false
    }
    default:
      return false
  }
}

/** `:orphan:` in the document's leading field list (Sphinx file-wide metadata). */
function hasOrphanField(root: Root): boolean {
  for (const child of root.children as RstNode[]) {
    if (child.type === 'comment' || child.type === 'target' || child.type === 'substitution_definition') continue
    if (child.type !== 'field_list') return false
    return child.children.some((field) => {
      const name = field.children.find((part) => part.type === 'field_name')
      return name !== undefined && nodeText(name).trim().toLowerCase() === 'orphan'
    })
  }
  return false
}

/** 1-based column of an offset. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1
}
