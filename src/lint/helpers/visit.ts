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
 * Text leaves are a third of all nodes and no rule visits them by type: the
 * flat form leaves them out (visits that may want them walk the tree instead).
 */
const UNFLATTENED = 'text'

/**
 * A document flattened in pre-order (rules never mutate trees), text leaves
 * left out: no more than visits need, as every node costs a cold process.
 * Depths and subtree ends are found when asked, from the parents.
 */
interface Flat {
  nodes: RstNode[]
  /** Index of each node's parent, -1 for the root. */
  parents: number[]
  /**
   * Pre-order indices of the nodes of each type; also, under the types
   * joined by commas, of the nodes of any of several types (built on first use).
   */
  byType: Map<string, ArrayLike<number>>
}

const flats = new WeakMap<RstNode, Flat>()

function flatten(tree: RstNode): Flat {
  const flat: Flat = {nodes: [tree], parents: [-1], byType: new Map([[tree.type, [0]]])}
  const children = (tree as {children?: RstNode[]}).children
  if (children !== undefined) addChildren(flat.nodes, flat.parents, flat.byType as Map<string, number[]>, children, 0)
  return flat
}

/**
 * Append `children` (of the node at `parent`) and their subtrees. A plain
 * function with its state in arguments, recursing only into nodes with
 * children: a closure per node cost a third of all visiting.
 */
function addChildren(nodes: RstNode[], parents: number[], byType: Map<string, number[]>, children: RstNode[], parent: number): void {
  for (let at = 0; at < children.length; at++) {
    const node = children[at]!
    const type = node.type
    if (type === UNFLATTENED) continue
    const index = nodes.length
    nodes.push(node)
    parents.push(parent)
    const list = byType.get(type)
    if (list !== undefined) list.push(index)
    else byType.set(type, [index])
    const grandchildren = (node as {children?: RstNode[]}).children
    if (grandchildren !== undefined) addChildren(nodes, parents, byType, grandchildren, index)
  }
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
  // Only whole documents are flattened (and kept): they are walked many
  // times. Tests the flat form cannot answer walk the tree.
  if (tree.type !== 'document' || typeof test === 'function' || test === UNFLATTENED || (typeof test !== 'string' && test.includes(UNFLATTENED))) {
    return walk(tree, test, fn)
  }
  const flat = flatOf(tree)
  const {nodes, parents} = flat
  const indices = typeof test === 'string' ? flat.byType.get(test) : matching(flat, test)
  if (indices === undefined) return
  const ancestors: RstNode[] = []
  // The last node whose callback returned SKIP (-1: none): the nodes of its subtree follow it in pre-order.
  let skipped = -1
  for (let at = 0; at < indices.length; at++) {
    const index = indices[at]!
    if (skipped >= 0) {
      if (descends(parents, index, skipped)) continue
      skipped = -1
    }
    if (wantsAncestors) ancestorsInto(ancestors, nodes, parents, index)
    if (fn(nodes[index] as N, ancestors) === SKIP) skipped = index
  }
  ancestors.length = 0
}

/**
 * `visit` of the nodes of one type, also passing each one's parent (none for
 * the root). The flat form keeps no text leaves, which have no children, so
 * a node's nearest kept ancestor is its parent.
 */
export function visitWithParent<N extends RstNode = RstNode>(tree: RstNode, type: N['type'], fn: (node: N, parent: RstNode | undefined) => void): void {
  if (tree.type !== 'document' || type === UNFLATTENED) {
    return walk<N>(tree, type, (node, ancestors) => void fn(node, ancestors[ancestors.length - 1]))
  }
  const {nodes, parents, byType} = flatOf(tree)
  const indices = byType.get(type)
  if (indices === undefined) return
  for (let at = 0; at < indices.length; at++) {
    const index = indices[at]!
    const parent = parents[index]!
    fn(nodes[index] as N, parent >= 0 ? nodes[parent] : undefined)
  }
}

/**
 * The nodes of any of `types` that are inside no other such node, in
 * document order: `visit` returning `SKIP` for each, without a callback per node.
 */
export function outermost(tree: RstNode, types: readonly string[]): RstNode[] {
  const out: RstNode[] = []
  if (tree.type !== 'document' || types.includes(UNFLATTENED)) {
    walk(tree, types, (node) => {
      out.push(node)
      return SKIP
    })
    return out
  }
  const {nodes, parents} = flatOf(tree)
  const indices = matching(flatOf(tree), types)
  let last = -1
  for (let at = 0; at < indices.length; at++) {
    const index = indices[at]!
    if (last >= 0 && descends(parents, index, last)) continue
    out.push(nodes[index]!)
    last = index
  }
  return out
}

function flatOf(tree: RstNode): Flat {
  let flat = flats.get(tree)
  if (!flat) {
    flat = flatten(tree)
    flats.set(tree, flat)
  }
  return flat
}

/** Whether the node at `index` is in the subtree of the node at `root` (an earlier index). */
function descends(parents: readonly number[], index: number, root: number): boolean {
  // Parents come before their children: the chain drops below `root` unless it meets it.
  let parent = parents[index]!
  while (parent > root) parent = parents[parent]!
  return parent === root
}

/** Fill `ancestors` with the chain of the node at `index`'s ancestors, root first. */
function ancestorsInto(ancestors: RstNode[], nodes: readonly RstNode[], parents: readonly number[], index: number): void {
  let depth = 0
  for (let parent = parents[index]!; parent >= 0; parent = parents[parent]!) depth++
  ancestors.length = depth
  for (let parent = parents[index]!; parent >= 0; parent = parents[parent]!) ancestors[--depth] = nodes[parent]!
}

/** Pre-order indices of the nodes of any of `types` (kept: callers pass the same lists for every document). */
function matching(flat: Flat, types: readonly string[]): ArrayLike<number> {
  const key = types.join(',')
  const known = flat.byType.get(key)
  if (known !== undefined) return known
  let out: number[] = []
  let lists = 0
  for (const type of new Set(types)) {
    const list = flat.byType.get(type) as number[] | undefined
    if (!list) continue
    out = lists === 0 ? list : out.concat(list)
    lists++
  }
  // A typed array sorts numerically in native code (no comparator calls).
  const indices = lists > 1 ? Int32Array.from(out).sort() : out
  flat.byType.set(key, indices)
  return indices
}

/** The plain recursive walk, for subtrees and tests the flat form cannot answer. */
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
