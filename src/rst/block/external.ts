// The constructs the block parser delegates to other modules: inline markup
// (src/rst/inline) and tables (table.ts). Bound here, in one place, so the
// rest of the block parser codes against their contracts.

// Re-exported, not wrapped: a wrapper is one more call per text block, and
// calls are what a cold (interpreted) run pays for.
export {parseInline as inlineParser, wholeBlockText} from '../inline/index.ts'
/** null when `lines[index]` starts no table; else the table (null after "Malformed table.") and the end. */
export {tryTable as tryTableAt} from './table.ts'
