// Text glued to the inline node after it: markup docutils did not read as the
// author meant leaves a text node ending in `:ref:` (or `the:ref:`) directly
// before a literal or interpreted text. Rules about such splits walk the same
// sibling pairs; this finds them once, the text of the text node in hand.

import type {Root, RstNode} from '../../rst/types.ts'
import {inlineContainers} from './free-text.ts'
import {visitWithParent} from './visit.ts'

export interface TextBefore<T extends RstNode> {
  /** The inline node the text runs into. */
  next: T
  /** The text node's source, up to `end`. */
  text: string
  /** Source offset where the text ends and `next` starts. */
  end: number
}

const CONTAINERS: ReadonlySet<string> = new Set([...inlineContainers, 'emphasis', 'strong'])

/**
 * Every text node followed, with no gap in the source, by a sibling of type
 * `type`, in every inline container (emphasis and strong included), in the
 * order of those siblings. With `lastChar`, only texts ending in that
 * character: the nodes of `type` are few next to the containers, and a
 * look at the source character before each skips most without touching the tree.
 */
export function textsBefore<T extends RstNode>(tree: Root, sourceText: string, type: T['type'], fn: (pair: TextBefore<T>) => void, lastChar?: string): void {
  const last = lastChar === undefined ? -1 : lastChar.charCodeAt(0)
  visitWithParent<T>(tree, type, (next, parent) => {
    const end = next.position.start.offset
    if (end === undefined || (last >= 0 && sourceText.charCodeAt(end - 1) !== last)) return
    if (parent === undefined || !CONTAINERS.has(parent.type)) return
    const children = (parent as {children: RstNode[]}).children
    const index = children.indexOf(next)
    if (index < 1) return
    const node = children[index - 1]!
    if (node.type !== 'text' || node.position.end.offset !== end) return
    fn({next, text: sourceText.slice(node.position.start.offset ?? 0, end), end})
  })
}
