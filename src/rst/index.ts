// fromRst(): the pure reStructuredText parser. Block structure is parsed
// here (src/rst/block), inline markup by src/rst/inline; docutils' system
// messages are returned as `data.problems`, sorted by position. Never throws.

import {exact, sourceLines} from './lines.ts'
import {Source} from './source.ts'
import {BlockParser} from './block/parser.ts'
import {SectionSink} from './block/sink.ts'
import {applyTransforms, type TransformOptions} from './transform/index.ts'
import type {Problem, Root, Section} from './types.ts'

export interface RstOptions {
  /**
   * Substitutions defined outside the document (Sphinx's `rst_epilog`: QEMU's
   * `defs.rst.inc` and conf.py ones): referencing them is not an error.
   */
  knownSubstitutions?: TransformOptions['knownSubstitutions']
}

// The line table each tree was parsed with, so the linter reuses it instead
// of building a second one per file (weak: it goes with its tree).
const sources = new WeakMap<Root, Source>()

/** The Source `fromRst` built for this tree (undefined for trees made elsewhere). */
export function sourceOf(root: Root): Source | undefined {
  return sources.get(root)
}

export function fromRst(text: string, options: RstOptions = {}): Root {
  const source = new Source(text)
  const root: Root = {
    type: 'document',
    children: [],
    position: source.position(0, text.length),
    data: {problems: []},
  }
  const parser = new BlockParser(source)
  try {
    parser.run(sourceLines(source), new SectionSink(root, parser.titleStyles))
  } catch (error) {
    // A parser bug must not take the linter down: report it as a problem.
    parser.report(4, `Internal parser error: ${error instanceof Error ? error.message : String(error)}`, source.position(0, 0))
  }
  closeSections(root)
  root.data.problems = parser.problems
  try {
    applyTransforms(root, source, {knownSubstitutions: options.knownSubstitutions})
  } catch (error) {
    root.data.problems.push({
      level: 4,
      text: `Internal transform error: ${error instanceof Error ? error.message : String(error)}`,
      position: source.position(0, 0),
      phase: 'transform',
    })
  }
  root.data.problems = sortProblems(root.data.problems)
  sources.set(root, source)
  return root
}

/**
 * A section ends where its last descendant ends (sections only nest in
 * sections). Their children arrays, grown by `push`, are sized exactly here.
 */
function closeSections(node: Root | Section): void {
  const children = exact(node.children) as typeof node.children
  node.children = children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as (typeof children)[number]
    if (child.type !== 'section') continue
    closeSections(child)
    const last = child.children[child.children.length - 1]
    if (last) child.position = {start: child.position.start, end: last.position.end}
  }
}

/** Problems by start offset; `sort` is stable, so equal offsets keep their order. */
function sortProblems(problems: Problem[]): Problem[] {
  return exact(problems).sort((a, b) => (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0))
}
