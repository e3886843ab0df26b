// Text glued to the inline node after it: markup docutils did not read as the
// author meant leaves a text node ending in `:ref:` (or `the:ref:`) directly
// before a literal or interpreted text. Rules about such splits walk the same
// sibling pairs; this finds them once, the text of the text node in hand.

import type {Root, RstNode} from '../../rst/types.ts'
import {inlineContainers} from './free-text.ts'
import {visit} from './visit.ts'

export interface TextBefore<T extends RstNode> {
  /** The inline node the text runs into. */
  next: T
  /** The text node's source, up to `end`. */
  text: string
  /** Source offset where the text ends and `next` starts. */
  end: number
}

const CONTAINERS: readonly string[] = [...inlineContainers, 'emphasis', 'strong']

/**
 * Every text node followed, with no gap in the source, by a sibling of type
 * `type`, in every inline container (emphasis and strong included).
 */
export function textsBefore<T extends RstNode>(tree: Root, sourceText: string, type: T['type'], fn: (pair: TextBefore<T>) => void): void {
  visit(tree, CONTAINERS, (container) => {
    if (!('children' in container)) return
    const children = container.children as RstNode[]
    for (let index = 0; index + 1 < children.length; index++) {
      const node = children[index]!
      const next = children[index + 1]!
      if (node.type !== 'text' || next.type !== type) continue
      const end = node.position.end.offset ?? 0
      if (next.position.start.offset !== end) continue
      fn({next: next as T, text: sourceText.slice(node.position.start.offset ?? 0, end), end})
    }
  })
}
