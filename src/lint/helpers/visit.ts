// A small pre-order walker over the rST tree for rules: visit every node of
// some types, with its ancestors, and let the callback skip a subtree. Rules
// share it so each one stays a few lines of matching logic.

import type {RstNode} from '../../rst/types.ts'

export const SKIP = 'skip'

type Test = string | readonly string[] | ((node: RstNode) => boolean)

export type Visitor<N extends RstNode = RstNode> = (node: N, ancestors: readonly RstNode[]) => void | typeof SKIP

/** Call `fn` on each node (pre-order) passing `test`; return `SKIP` not to descend. */
export function visit<N extends RstNode = RstNode>(tree: RstNode, test: Test, fn: Visitor<N>): void {
  const matches = typeof test === 'function' ? test : typeof test === 'string' ? (node: RstNode) => node.type === test : (node: RstNode) => test.includes(node.type)
  const ancestors: RstNode[] = []
  const walk = (node: RstNode): void => {
    if (matches(node) && fn(node as N, ancestors) === SKIP) return
    if ('children' in node) {
      ancestors.push(node)
      for (const child of node.children as RstNode[]) walk(child)
      ancestors.pop()
    }
  }
  walk(tree)
}

/** All nodes of one type, in document order. */
export function collect<N extends RstNode>(tree: RstNode, type: N['type']): N[] {
  const out: N[] = []
  visit<N>(tree, type, (node) => void out.push(node))
  return out
}
