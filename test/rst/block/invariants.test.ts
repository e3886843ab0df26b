// Parse invariants on hostile input, our fixtures and the QEMU corpus: no
// exception, every position inside the text, children inside their parent,
// block siblings in order without overlap.

import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fromRst} from '../../../src/rst/index.ts'
import type {Root, RstNode} from '../../../src/rst/types.ts'

const blockTypes = new Set([
  'section', 'paragraph', 'bullet_list', 'enumerated_list', 'list_item', 'definition_list', 'definition_list_item',
  'field_list', 'field', 'option_list', 'option_list_item', 'literal_block', 'line_block', 'block_quote',
  'doctest_block', 'table', 'transition', 'comment', 'target', 'footnote', 'citation', 'substitution_definition', 'directive',
])

/** The first broken invariant, or undefined. */
export function checkInvariants(root: Root, text: string): string | undefined {
  const visit = (node: RstNode, parent: RstNode | undefined): string | undefined => {
    const {start, end} = node.position
    const where = `${node.type} ${start.line}:${start.column}-${end.line}:${end.column}`
    if (start.offset === undefined || end.offset === undefined) return `${where}: no offsets`
    if (start.offset > end.offset || start.offset < 0 || end.offset > text.length) return `${where}: bad span`
    if (parent && (start.offset < parent.position.start.offset! || end.offset > parent.position.end.offset!)) {
      return `${where}: outside its ${parent.type}`
    }
    if (!('children' in node)) return undefined
    let previous: RstNode | undefined
    for (const child of node.children as RstNode[]) {
      const problem = visit(child, node)
      if (problem) return problem
      if (previous && child.position.start.offset! < previous.position.start.offset!) return `${child.type} at ${child.position.start.line}: before its previous sibling`
      if (previous && blockTypes.has(child.type) && blockTypes.has(previous.type) && child.position.start.offset! < previous.position.end.offset!) {
        return `${child.type} at ${child.position.start.line}: overlaps its previous sibling`
      }
      previous = child
    }
    return undefined
  }
  return visit(root, undefined)
}

const hostile: Array<[string, string]> = [
  ['empty', ''],
  ['only newlines', '\n\n\n'],
  ['binary', '\u0000\u0001\u0002\uFFFD\uD800 text\r\n\r..\u0007'],
  ['carriage returns', 'Title\r\n=====\r\n\r\n- item\r\n'],
  ['deep bullets', '- '.repeat(3000) + 'x\n'],
  ['deep quotes', Array.from({length: 400}, (_, depth) => ' '.repeat(depth) + 'level\n\n').join('')],
  ['deep directives', Array.from({length: 300}, (_, depth) => ' '.repeat(depth * 3) + '.. note::\n\n').join('') + ' '.repeat(900) + 'x\n'],
  ['huge paragraph', 'word '.repeat(200_000)],
  ['many lines', 'line\n'.repeat(50_000)],
  ['tabs', '\t- a\n\t\t- b\n\t:f:\tv\n'],
  ['stray markers', '..\n__\n::\n|\n>>>\n+-+\n==\n:\n-\n*\n#.\n(a)\n'],
  ['unterminated constructs', '.. |x\n.. _`a\n.. [1\n.. note:\n:field\n'],
]

describe('parse invariants', () => {
  for (const [name, text] of hostile) {
    it(`holds on ${name}`, () => {
      const root = fromRst(text)
      expect(checkInvariants(root, text)).toBeUndefined()
      expect(root.data.problems.every((problem) => problem.position.end.offset! <= text.length)).toBe(true)
    })
  }

  const fixtures = join(import.meta.dirname, '../../../fixtures/rst')
  for (const name of readdirSync(fixtures).filter((entry) => entry.endsWith('.rst'))) {
    it(`holds on fixture ${name}`, () => {
      const text = readFileSync(join(fixtures, name), 'utf8')
      expect(checkInvariants(fromRst(text), text)).toBeUndefined()
    })
  }
})

const docs = join(import.meta.dirname, '../../../../shared/qemu-tree/docs')

function listRst(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listRst(path))
    else if (name.endsWith('.rst') || name.endsWith('.rst.inc')) out.push(path)
  }
  return out
}

describe.skipIf(!existsSync(docs))('parse invariants on the QEMU corpus (../shared absent: skipped)', () => {
  it('holds on every docs file', () => {
    const failures: string[] = []
    for (const path of listRst(docs)) {
      const text = readFileSync(path, 'utf8')
      const problem = checkInvariants(fromRst(text), text)
      if (problem) failures.push(`${path}: ${problem}`)
    }
    expect(failures).toEqual([])
  })
})
