// A small pre-order walker over the rST tree for rules: visit every node of
// some types, with its ancestors, and let the callback skip a subtree. Rules
// share it so each one stays a few lines of matching logic.
// A dozen rules walk each document: the first walk of a document flattens it
// once (pre-order nodes, parents, subtree ends, nodes per type), so later
// visits by type touch only the matching nodes.

import type {RstNode} from '../../rst/types.ts'

export const SKIP = 'skip'

type Test = string | readonly string[] | ((node: RstNode) => boolean)

export type Visitor<N extends RstNode = RstNode> = (node: N, ancestors: readonly RstNode[]) => void | typeof SKIP

/** A document flattened in pre-order (rules never mutate trees). */
interface Flat {
  nodes: RstNode[]
  /** Index of each node's parent, -1 for the root. */
  parents: number[]
  depths: number[]
  /** One past the last index of each node's subtree. */
  ends: number[]
  /** Pre-order indices of the nodes of each type. */
  byType: Map<string, number[]>
}

const flats = new WeakMap<RstNode, Flat>()

function flatten(tree: RstNode): Flat {
  const flat: Flat = {nodes: [], parents: [], depths: [], ends: [], byType: new Map()}
  const add = (node: RstNode, parent: number, depth: number): void => {
    const index = flat.nodes.length
    flat.nodes.push(node)
    flat.parents.push(parent)
    flat.depths.push(depth)
    flat.ends.push(0)
    const list = flat.byType.get(node.type)
    if (list) list.push(index)
    else flat.byType.set(node.type, [index])
    if ('children' in node) {
      const children = node.children as RstNode[]
      for (let child = 0; child < children.length; child++) add(children[child]!, index, depth + 1)
    }
    flat.ends[index] = flat.nodes.length
  }
  add(tree, -1, 0)
  return flat
}

/** Call `fn` on each node (pre-order) passing `test`; return `SKIP` not to descend. */
export function visit<N extends RstNode = RstNode>(tree: RstNode, test: Test, fn: Visitor<N>): void {
  // Only whole documents are flattened (and kept): they are walked many times.
  if (tree.type !== 'document') return walk(tree, test, fn)
  let flat = flats.get(tree)
  if (!flat) {
    flat = flatten(tree)
    flats.set(tree, flat)
  }
  const {nodes, parents, depths, ends} = flat
  const ancestors: RstNode[] = []
  let skipUntil = -1
  const call = (index: number): void => {
    // The callback sees the chain of `index`'s ancestors, root first.
    const depth = depths[index]!
    ancestors.length = depth
    for (let level = depth - 1, parent = parents[index]!; level >= 0; level--, parent = parents[parent]!) ancestors[level] = nodes[parent]!
    if (fn(nodes[index] as N, ancestors) === SKIP) skipUntil = ends[index]!
  }
  if (typeof test === 'function') {
    for (let index = 0; index < nodes.length; index++) {
      if (index < skipUntil) continue
      if (test(nodes[index]!)) call(index)
    }
  } else {
    const indices = typeof test === 'string' ? (flat.byType.get(test) ?? []) : matching(flat, test)
    for (const index of indices) {
      if (index < skipUntil) continue
      call(index)
    }
  }
  ancestors.length = 0
}

/** Pre-order indices of the nodes of any of `types`. */
function matching(flat: Flat, types: readonly string[]): number[] {
  let out: number[] = []
  let lists = 0
  for (const type of new Set(types)) {
    const list = flat.byType.get(type)
    if (!list) continue
    out = lists === 0 ? list : out.concat(list)
    lists++
  }
  if (lists > 1) out.sort((a, b) => a - b)
  return out
}

/** The plain recursive walk, for subtrees. */
function walk<N extends RstNode>(tree: RstNode, test: Test, fn: Visitor<N>): void {
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
