// The constructs the block parser delegates to other modules: inline markup
// (src/rst/inline) and tables (table.ts). Bound here, in one place, so the
// rest of the block parser codes against their contracts.

import type {ParseContext} from '../context.ts'
import type {Line} from '../lines.ts'
import type {Inline, Table} from '../types.ts'
import {parseInline} from '../inline/index.ts'
import {tryTable} from './table.ts'

export function inlineParser(lines: Line[], ctx: ParseContext): Inline[] {
  return parseInline(lines, ctx)
}

/** null when `lines[index]` starts no table; else the table (null after "Malformed table.") and the end. */
export function tryTableAt(lines: Line[], index: number, ctx: ParseContext): {node: Table | null; end: number} | null {
  return tryTable(lines, index, ctx)
}
