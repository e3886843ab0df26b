// The project index over a tree on disk. Cross-file facts need every
// document, not only the linted ones: the trees the run already parsed are
// reused and the other docs files are parsed here, once — or not at all when
// their facts come from the result cache (`gatherFacts`).

import {resolve} from 'node:path'
import {readText} from '../lint/files.ts'
import {languageOf} from '../lint/parsers.ts'
import {fromRst} from '../rst/index.ts'
import type {Root} from '../rst/types.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {ProjectIndex, ProjectOptions} from '../tree/project.ts'
import type {DocumentSet} from '../tree/documents.ts'
import type {DocumentFacts} from '../tree/walk.ts'
import {depsHash, strippedHash, type FactsEntry} from '../lint/cache/facts.ts'
import type {ResultCache} from '../lint/cache/result-cache.ts'

/** `files`: the tree's files when the caller already has them (default: the disk under `root`). */
export async function buildProject(root: string, parsedByPath: ReadonlyMap<string, Root>, options: ProjectOptions = {}, files?: TreeFiles): Promise<ProjectIndex> {
  const [{DiskFiles}, {buildProjectIndex}] = await Promise.all([import('../tree/disk-files.ts'), import('../tree/project.ts')])
  const parsed = new Map(parsedByPath)
  // The tree's own file list (walked once, and needed anyway) names the docs files not parsed yet.
  files ??= new DiskFiles(root)
  const prefix = `${options.docsDir ?? 'docs'}/`
  for (const path of files.list()) {
    if (!isIndexedDoc(path, prefix) || parsed.has(path)) continue
    const read = readText(resolve(root, path))
    if (read.ok) parsed.set(path, fromRst(read.text))
  }
  return buildProjectIndex(files, parsed, options)
}

/** Whether the index parses this file even when the run does not lint it. */
export function isIndexedDoc(path: string, prefix = 'docs/'): boolean {
  return path.startsWith(prefix) && languageOf(path) === 'rst'
}

/** Parsed trees on demand: only files the index may parse (`known`), each parsed once. */
export class LazyTrees extends Map<string, Root> {
  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly parseFile: (path: string) => Root | undefined,
  ) {
    super()
  }

  override get(path: string): Root | undefined {
    const have = super.get(path)
    if (have || !this.known.has(path)) return have
    const tree = this.parseFile(path)
    if (tree) super.set(path, tree)
    return tree
  }
}

export interface GatheredFacts {
  set: DocumentSet
  facts: Map<string, DocumentFacts>
  /** `docname\0path` → position-free facts hash ('-' without facts); filled only with a cache. */
  stripped: Map<string, string>
  /** Facts collected in this run, to store. */
  fresh: Array<{path: string; entry: FactsEntry}>
}

/**
 * Every found document's index facts: from the cache when its text and walk
 * inputs are unchanged, else from `walked` (facts another thread walked, by
 * docname), else walked from its (lazily parsed) tree. `indexFiles` is what
 * the index reads through (recorded); `files` the plain tree.
 */
export async function gatherFacts(
  indexFiles: TreeFiles,
  files: TreeFiles,
  trees: ReadonlyMap<string, Root>,
  cache: {cache: ResultCache; hashes: ReadonlyMap<string, string>} | undefined,
  docsDir = 'docs',
  walked?: ReadonlyMap<string, DocumentFacts>,
): Promise<GatheredFacts> {
  const {discoverDocuments} = await import('../tree/documents.ts')
  const set = discoverDocuments(indexFiles, docsDir)
  // The walker loads only when some document's facts must be collected.
  let collectDocFacts: typeof import('../tree/walk.ts').collectDocFacts | undefined
  const facts = new Map<string, DocumentFacts>()
  const stripped = new Map<string, string>()
  const fresh: GatheredFacts['fresh'] = []
  for (const [docname, path] of set.documents) {
    const key = `${docname}\0${path}`
    const content = cache?.hashes.get(path)
    if (cache && content !== undefined) {
      const hit = cache.cache.getFacts(path, docname, content, (deps) => depsHash(deps, files, cache.hashes))
      if (hit) {
        facts.set(docname, hit.facts)
        stripped.set(key, hit.stripped)
        continue
      }
    }
    let collected = walked?.get(docname)
    if (!collected) {
      const tree = trees.get(path)
      if (!tree) {
        if (cache) stripped.set(key, '-')
        continue
      }
      collectDocFacts ??= (await import('../tree/walk.ts')).collectDocFacts
      collected = collectDocFacts(files, trees, docsDir, docname, path, tree)
    }
    facts.set(docname, collected)
    if (cache && content !== undefined) {
      const hash = strippedHash(collected)
      stripped.set(key, hash)
      fresh.push({path, entry: {docname, content, deps: depsHash(collected.deps, files, cache.hashes), stripped: hash, facts: collected}})
    }
  }
  return {set, facts, stripped, fresh}
}

/** The facts of the documents at `paths`, walked from their trees, in document order. */
export async function walkFacts(
  files: TreeFiles,
  trees: ReadonlyMap<string, Root>,
  set: DocumentSet,
  docsDir: string,
  paths: ReadonlySet<string>,
): Promise<Array<[string, DocumentFacts]>> {
  const {collectDocFacts} = await import('../tree/walk.ts')
  const walked: Array<[string, DocumentFacts]> = []
  for (const [docname, path] of set.documents) {
    if (!paths.has(path)) continue
    const tree = trees.get(path)
    if (tree) walked.push([docname, collectDocFacts(files, trees, docsDir, docname, path, tree)])
  }
  return walked
}

/** Facts from several threads as one map in document order, as one walk over every document would make it. */
export function inDocumentOrder(set: DocumentSet, parts: ReadonlyArray<ReadonlyArray<[string, DocumentFacts]>>): Map<string, DocumentFacts> {
  const byDoc = new Map<string, DocumentFacts>()
  for (const part of parts) for (const [docname, facts] of part) byDoc.set(docname, facts)
  const ordered = new Map<string, DocumentFacts>()
  for (const docname of set.documents.keys()) {
    const facts = byDoc.get(docname)
    if (facts) ordered.set(docname, facts)
  }
  return ordered
}
