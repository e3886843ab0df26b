// The project index over a tree on disk. Cross-file facts need every
// document, not only the linted ones: the trees the run already parsed are
// reused and the other docs files are parsed here, once.

import {resolve} from 'node:path'
import {readText} from '../lint/files.ts'
import {languageOf} from '../lint/parsers.ts'
import {fromRst} from '../rst/index.ts'
import type {Root} from '../rst/types.ts'
import type {ProjectIndex, ProjectOptions} from '../tree/project.ts'

export async function buildProject(root: string, parsedByPath: ReadonlyMap<string, Root>, options: ProjectOptions = {}): Promise<ProjectIndex> {
  const [{DiskFiles}, {buildProjectIndex}] = await Promise.all([import('../tree/disk-files.ts'), import('../tree/project.ts')])
  const parsed = new Map(parsedByPath)
  // The tree's own file list (walked once, and needed anyway) names the docs files not parsed yet.
  const files = new DiskFiles(root)
  const prefix = `${options.docsDir ?? 'docs'}/`
  for (const path of files.list()) {
    if (!path.startsWith(prefix) || parsed.has(path) || languageOf(path) !== 'rst') continue
    const read = readText(resolve(root, path))
    if (read.ok) parsed.set(path, fromRst(read.text))
  }
  return buildProjectIndex(files, parsed, options)
}
