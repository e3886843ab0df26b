// Small helpers for block parser tests: find nodes by type in document
// order and print positions compactly as `line:column-line:column`.

import type {Position, Root, RstNode} from '../../../src/rst/types.ts'

export function all(root: RstNode, type: string): RstNode[] {
  const out: RstNode[] = []
  const visit = (node: RstNode) => {
    if (node.type === type) out.push(node)
    if ('children' in node) for (const child of node.children as RstNode[]) visit(child)
  }
  visit(root)
  return out
}

export function first<T extends RstNode['type']>(root: RstNode, type: T): Extract<RstNode, {type: T}> {
  const found = all(root, type)[0]
  if (!found) throw new Error(`no ${type} node`)
  return found as Extract<RstNode, {type: T}>
}

export function at(position: Position): string {
  return `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`
}

/** Top-level block types, for quick structure assertions. */
export function types(nodes: RstNode[]): string[] {
  return nodes.map((node) => node.type)
}

/** The parse-phase problems as `level line:col-line:col text` (first line of the text). */
export function problems(root: Root): string[] {
  return root.data.problems
    .filter((problem) => problem.phase === 'parse')
    .map((problem) => `${problem.level} ${at(problem.position)} ${problem.text.split('\n')[0]}`)
}
