// The project index over a tree on disk. Cross-file facts need every
// document, not only the linted ones: the trees the run already parsed are
// reused and the other docs files are parsed here, once.

import {resolve} from 'node:path'
import {readText} from '../lint/files.ts'
import {languageOf} from '../lint/parsers.ts'
import {fromRst} from '../rst/index.ts'
import type {Root} from '../rst/types.ts'
import type {TreeFiles} from '../tree/files.ts'
import type {ProjectIndex, ProjectOptions} from '../tree/project.ts'

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
