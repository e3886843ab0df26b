// visit over a flattened document must behave like the plain pre-order walk:
// same nodes, same order, same ancestors, SKIP honoured, text leaves still
// reachable (the flat form leaves them out and walks for them instead).

import {describe, expect, it} from 'vitest'
import {collect, SKIP, visit, visitWithAncestors, visitWithParent} from '../../src/lint/helpers/visit.ts'
import {fromRst} from '../../src/rst/index.ts'
import type {RstNode} from '../../src/rst/types.ts'

const text = [
  'Heading',
  '=======',
  '',
  'A *stressed* word and ``code``.',
  '',
  '* item with **bold** text',
  '',
  '  nested paragraph with ``more``',
  '',
  'Closing words.',
  '',
].join('\n')

/** Every node of the tree in pre-order with its ancestors' types, by hand. */
function preOrder(tree: RstNode): Array<[RstNode, string]> {
  const out: Array<[RstNode, string]> = []
  const step = (node: RstNode, ancestors: string[]): void => {
    out.push([node, ancestors.join('/')])
    const children = (node as {children?: RstNode[]}).children
    if (children) for (const child of children) step(child, [...ancestors, node.type])
  }
  step(tree, [])
  return out
}

describe('visit', () => {
  const tree = fromRst(text)
  const all = preOrder(tree)

  it('visits the nodes of one type in document order', () => {
    expect(collect(tree, 'paragraph')).toEqual(all.filter(([node]) => node.type === 'paragraph').map(([node]) => node))
  })

  it('visits several types in document order, with their ancestors', () => {
    const types = ['literal', 'emphasis', 'strong', 'title']
    const seen: Array<[RstNode, string]> = []
    visitWithAncestors(tree, types, (node, ancestors) => void seen.push([node, ancestors.map((each) => each.type).join('/')]))
    expect(seen).toEqual(all.filter(([node]) => types.includes(node.type)))
    // Asked again (the merged list is kept per document): the same answer.
    const again: RstNode[] = []
    visit(tree, types, (node) => void again.push(node))
    expect(again).toEqual(seen.map(([node]) => node))
  })

  it('skips the subtree of a node whose callback returns SKIP', () => {
    const seen: string[] = []
    visit(tree, ['list_item', 'paragraph', 'literal'], (node) => {
      seen.push(node.type)
      return node.type === 'list_item' ? SKIP : undefined
    })
    expect(seen).toEqual(['paragraph', 'literal', 'list_item', 'paragraph'])
  })

  it('still finds text leaves and answers function tests', () => {
    const texts = all.filter(([node]) => node.type === 'text').map(([node]) => node)
    expect(texts.length).toBeGreaterThan(0)
    expect(collect(tree, 'text')).toEqual(texts)
    const byFunction: RstNode[] = []
    visit(tree, (node) => node.type === 'text', (node) => void byFunction.push(node))
    expect(byFunction).toEqual(texts)
  })

  it('visits nothing for an absent type', () => {
    expect(collect(tree, 'table')).toEqual([])
  })

  it('passes each node of a type with its parent', () => {
    const seen: Array<[RstNode, string | undefined]> = []
    visitWithParent(tree, 'literal', (node, parent) => void seen.push([node, parent?.type]))
    expect(seen).toEqual(all.filter(([node]) => node.type === 'literal').map(([node, path]) => [node, path.split('/').pop()]))
    expect(seen.map(([, parent]) => parent)).toEqual(['paragraph', 'paragraph'])
  })
})
