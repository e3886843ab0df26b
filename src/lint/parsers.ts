// The parser plugins the engine's processors use: rST through `fromRst`, and
// Markdown through remark-parse, loaded only when a run has `.md` files (it
// is the heaviest dependency and most runs never need it).

import type {Root as MdRoot} from 'mdast'
import type {Processor} from 'unified'
import {fromRst} from '../rst/index.ts'
import type {Root} from '../rst/types.ts'

export type Language = 'rst' | 'markdown' | 'maintainers'

/** unified parser plugin for rST (the same as `src/rst/plugin.ts`). */
export function rstParse(this: Processor<Root>): void {
  this.parser = (document: string) => fromRst(document)
}

let remarkParse: ((this: Processor<MdRoot>) => void) | undefined

/** Load remark-parse once; call before linting Markdown. */
export async function loadMarkdown(): Promise<void> {
  if (!remarkParse) remarkParse = (await import('remark-parse')).default as never
}

export function markdownParse(): (this: Processor<MdRoot>) => void {
  if (!remarkParse) throw new Error('qemu-rst-lint: loadMarkdown() must be awaited before linting Markdown')
  return remarkParse
}

/**
 * A parser for files rules read as text only (MAINTAINERS): an empty root,
 * so such files still go through the same processor and suppression steps.
 */
export function textParse(this: Processor): void {
  this.parser = (document: string) => ({type: 'root', children: [], position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: document.length}}}) as never
}

/** The language a path is linted as: `.md` is Markdown, MAINTAINERS is text, everything else rST. */
export function languageOf(path: string): Language {
  if (path === 'MAINTAINERS' || path.endsWith('/MAINTAINERS')) return 'maintainers'
  return path.endsWith('.md') || path.endsWith('.markdown') ? 'markdown' : 'rst'
}

/** The parser plugin of a language. */
export function parserPlugin(language: Language): (this: Processor<never>) => void {
  return language === 'rst' ? (rstParse as never) : language === 'markdown' ? (markdownParse() as never) : textParse
}

/** Whether a directory walk picks up this file. */
export function isLintable(path: string): boolean {
  return path.endsWith('.rst') || path.endsWith('.rst.inc') || path.endsWith('.md')
}
