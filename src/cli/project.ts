// The project index over a tree on disk. Cross-file facts need every
// document, not only the linted ones: the trees the run already parsed are
// reused and the other docs files are parsed here, once.

import {resolve} from 'node:path'
import {collectFiles, readText, relativePath} from '../lint/files.ts'
import {languageOf} from '../lint/parsers.ts'
import {fromRst} from '../rst/index.ts'
import type {Root} from '../rst/types.ts'
import type {ProjectIndex} from '../tree/project.ts'

export async function buildProject(root: string, parsedByPath: ReadonlyMap<string, Root>): Promise<ProjectIndex> {
  const [{DiskFiles}, {buildProjectIndex}] = await Promise.all([import('../tree/disk-files.ts'), import('../tree/project.ts')])
  const parsed = new Map(parsedByPath)
  for (const absolute of collectFiles([resolve(root, 'docs')]).files) {
    const path = relativePath(root, absolute)
    if (parsed.has(path) || languageOf(path) !== 'rst') continue
    const read = readText(absolute)
    if (read.ok) parsed.set(path, fromRst(read.text))
  }
  return buildProjectIndex(new DiskFiles(root), parsed)
}
