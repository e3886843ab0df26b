// A small pre-order walker over the rST tree for rules: visit every node of
// some types, with its ancestors, and let the callback skip a subtree. Rules
// share it so each one stays a few lines of matching logic.
// A dozen rules walk each document: the first walk of a document flattens it
// once (pre-order nodes, parents, nodes per type), so later
// visits by type touch only the matching nodes; only `visitWithAncestors`
// builds each node's ancestors.

import type {RstNode} from '../../rst/types.ts'

export const SKIP = 'skip'

type Test = string | readonly string[] | ((node: RstNode) => boolean)

export type Visitor<N extends RstNode = RstNode> = (node: N) => void | typeof SKIP
export type AncestorVisitor<N extends RstNode = RstNode> = (node: N, ancestors: readonly RstNode[]) => void | typeof SKIP

/**
 * A document flattened in pre-order (rules never mutate trees): no more than
 * visits need, as every node costs a cold process. Depths and subtree ends
 * are found when asked, from the parents and the nodes.
 */
interface Flat {
  nodes: RstNode[]
  /** Index of each node's parent, -1 for the root. */
  parents: number[]
  /** Pre-order indices of the nodes of each type. */
  byType: Map<string, number[]>
}

const flats = new WeakMap<RstNode, Flat>()

function flatten(tree: RstNode): Flat {
  const nodes: RstNode[] = []
  const parents: number[] = []
  const byType = new Map<string, number[]>()
  const add = (node: RstNode, parent: number): void => {
    const index = nodes.length
    nodes.push(node)
    parents.push(parent)
    const list = byType.get(node.type)
    if (list) list.push(index)
    else byType.set(node.type, [index])
    if ('children' in node) {
      const children = node.children as RstNode[]
      for (let child = 0; child < children.length; child++) add(children[child]!, index)
    }
  }
  add(tree, -1)
  return {nodes, parents, byType}
}

/** The number of nodes in a subtree, its root included. */
function subtreeSize(node: RstNode): number {
  let size = 1
  if ('children' in node) {
    const children = node.children as RstNode[]
    for (let child = 0; child < children.length; child++) size += subtreeSize(children[child]!)
  }
  return size
}

/** Call `fn` on each node (pre-order) passing `test`; return `SKIP` not to descend. */
export function visit<N extends RstNode = RstNode>(tree: RstNode, test: Test, fn: Visitor<N>): void {
  visitNodes(tree, test, fn, false)
}

/**
 * `visit`, also passing each node's ancestors (root first): a shared array,
 * valid during the call. Building them costs, so only callers that need them ask.
 */
export function visitWithAncestors<N extends RstNode = RstNode>(tree: RstNode, test: Test, fn: AncestorVisitor<N>): void {
  visitNodes(tree, test, fn, true)
}

function visitNodes<N extends RstNode>(tree: RstNode, test: Test, fn: AncestorVisitor<N>, wantsAncestors: boolean): void {
  // Only whole documents are flattened (and kept): they are walked many times.
  if (tree.type !== 'document') return walk(tree, test, fn)
  let flat = flats.get(tree)
  if (!flat) {
    flat = flatten(tree)
    flats.set(tree, flat)
  }
  const {nodes, parents} = flat
  const ancestors: RstNode[] = []
  let skipUntil = -1
  const call = (index: number): void => {
    if (wantsAncestors) {
      // The chain of `index`'s ancestors, root first.
      let depth = 0
      for (let parent = parents[index]!; parent >= 0; parent = parents[parent]!) depth++
      ancestors.length = depth
      for (let parent = parents[index]!; parent >= 0; parent = parents[parent]!) ancestors[--depth] = nodes[parent]!
    }
    // Skipped: the subtree's nodes, which follow it in pre-order.
    if (fn(nodes[index] as N, ancestors) === SKIP) skipUntil = index + subtreeSize(nodes[index]!)
  }
  if (typeof test === 'function') {
    for (let index = 0; index < nodes.length; index++) {
      if (index < skipUntil) continue
      if (test(nodes[index]!)) call(index)
    }
  } else {
    const indices = typeof test === 'string' ? (flat.byType.get(test) ?? []) : matching(flat, test)
    for (let at = 0; at < indices.length; at++) {
      const index = indices[at]!
      if (index < skipUntil) continue
      call(index)
    }
  }
  ancestors.length = 0
}

/** Pre-order indices of the nodes of any of `types`. */
function matching(flat: Flat, types: readonly string[]): ArrayLike<number> {
  let out: number[] = []
  let lists = 0
  for (const type of new Set(types)) {
    const list = flat.byType.get(type)
    if (!list) continue
    out = lists === 0 ? list : out.concat(list)
    lists++
  }
  // A typed array sorts numerically in native code (no comparator calls).
  return lists > 1 ? Int32Array.from(out).sort() : out
}

/** The plain recursive walk, for subtrees. */
function walk<N extends RstNode>(tree: RstNode, test: Test, fn: AncestorVisitor<N>): void {
  const matches = typeof test === 'function' ? test : typeof test === 'string' ? (node: RstNode) => node.type === test : (node: RstNode) => test.includes(node.type)
  const ancestors: RstNode[] = []
  const step = (node: RstNode): void => {
    if (matches(node) && fn(node as N, ancestors) === SKIP) return
    if ('children' in node) {
      ancestors.push(node)
      for (const child of node.children as RstNode[]) step(child)
      ancestors.pop()
    }
  }
  step(tree)
}

/** All nodes of one type, in document order. */
export function collect<N extends RstNode>(tree: RstNode, type: N['type']): N[] {
  const out: N[] = []
  visit<N>(tree, type, (node) => void out.push(node))
  return out
}
