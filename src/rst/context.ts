// What the block constructs, tables, directives and the inline parser share
// while one document is parsed: the source, the problem sink, and the nested
// parse entry points (docutils' "nested state machine" per indented block).

import type {Line} from './lines.ts'
import type {Source} from './source.ts'
import type {Block, Inline, Position, Problem, ProblemLevel} from './types.ts'

export interface NestedOptions {
  /**
   * Section titles are not allowed here (inside a list item, block quote,
   * admonition, table cell...): a title-like construct becomes a problem.
   */
  noSections?: boolean
}

export interface ParseContext {
  readonly source: Source
  /** Record a docutils system message at an exact span. */
  report(level: ProblemLevel, text: string, position: Position, phase?: Problem['phase']): void
  /** Parse body elements from an indented block (a nested run of the block parser). */
  parseBlocks(lines: Line[], options?: NestedOptions): Block[]
  /** Parse the inline markup of a text block (paragraph, title, term, cell line...). */
  parseInline(lines: Line[]): Inline[]
}
