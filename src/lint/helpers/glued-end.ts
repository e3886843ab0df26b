// The report of the two "glued end-string" rules (an inline literal's ``` `` ```,
// a role's `` ` ``, followed by a word): the place spans the end-string and
// the word, the unsafe fix inserts a separator right after the end-string.

import type {RuleContext} from '../types.ts'

/**
 * Report the end-string `endString` at offset `start` glued to `word`,
 * with the fix inserting `separator` between them (message id `glued`).
 */
export function reportGluedEnd(context: Pick<RuleContext, 'report'>, start: number, word: string, endString: string, fix: {title: string; separator: string}): void {
  const after = start + endString.length
  context.report({
    messageId: 'glued',
    data: {word},
    place: {start, end: after + word.length},
    fix: {title: fix.title, safety: 'unsafe', edits: [{start: after, end: after, text: fix.separator}]},
  })
}
