// A project index for a small in-memory tree: what rule examples of
// project-scope rules and tests use. Every docs `.rst`/`.rst.inc` file is
// parsed with the given parser (the engine passes `fromRst`).

import type {Root} from '../rst/types.ts'
import {MemoryFiles} from './memory-files.ts'
import {buildProjectIndex, type ProjectIndex, type ProjectOptions} from './project.ts'

export function projectFromTexts(
  texts: Record<string, string>,
  parse: (text: string) => Root,
  options: ProjectOptions = {},
): ProjectIndex {
  const files = new MemoryFiles(texts)
  const docsDir = options.docsDir ?? 'docs'
  const parsed = new Map<string, Root>()
  for (const path of files.list()) {
    if (path.startsWith(`${docsDir}/`) && (path.endsWith('.rst') || path.endsWith('.rst.inc'))) parsed.set(path, parse(files.read(path) as string))
  }
  return buildProjectIndex(files, parsed, options)
}
