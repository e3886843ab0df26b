// Turns a docutils-oracle record list (shared/qemu-oracle) into a tree of the
// parser's node types, so the project index can be tested on the real corpus
// independently of our parser. Spliced include content stays in place (the
// oracle marks no include spot); positions carry the oracle's start line only.

import {readFileSync} from 'node:fs'
import type {Root} from '../../src/rst/types.ts'

interface OracleRecord {
  t: string
  d: number
  l: number | null
  x?: string
  a?: Record<string, unknown>
  i?: number
  s?: string
}

type Node = Record<string, unknown> & {type: string; children?: Node[]}

export function oracleTree(file: string): Root {
  const json = JSON.parse(readFileSync(file, 'utf8')) as {nodes: OracleRecord[]}
  const root = {type: 'document', children: [] as Node[], position: at(1), data: {problems: []}}
  const stack: Array<{depth: number; node: Node}> = [{depth: 0, node: root as unknown as Node}]
  for (const record of json.nodes) {
    if (record.t === 'document') continue
    while (stack.length > 1 && (stack[stack.length - 1] as {depth: number}).depth >= record.d) stack.pop()
    const parent = (stack[stack.length - 1] as {node: Node}).node
    const node = convert(record)
    ;(parent.children ??= []).push(node)
    stack.push({depth: record.d, node})
  }
  return root as unknown as Root
}

function at(line: number) {
  return {start: {line, column: 1, offset: 0}, end: {line, column: 1, offset: 0}}
}

function convert(record: OracleRecord): Node {
  const a = record.a ?? {}
  const position = at(record.l ?? 1)
  const text = (): Node[] => (record.x === undefined ? [] : [{type: 'text', value: record.x, position}])
  switch (record.t) {
    case 'directive':
      return {
        type: 'directive',
        name: String(a.name ?? record.x),
        argument: String(a.arguments ?? ''),
        options: Object.entries((a.options as Record<string, string>) ?? {}).map(([name, value]) => ({name, value, position})),
        content: String(a.content ?? ''),
        body: a.body === 'rst' ? 'rst' : 'raw',
        namePosition: position,
        position,
        children: [],
      }
    case 'target':
      if (record.i) return {type: 'inline_target', names: (a.names as string[]) ?? [], position, children: []}
      return {type: 'target', names: (a.names as string[]) ?? [], refuri: a.refuri, refname: a.refname, anonymous: a.anonymous, position}
    case 'section':
      return {type: 'section', names: (a.names as string[]) ?? [], level: a.level, position, children: []}
    case 'interpreted':
      return {type: 'interpreted_text', role: a.role === 'any' ? null : a.role, value: record.x ?? '', position, valuePosition: position}
    case 'citation':
    case 'footnote':
      return {type: record.t, names: (a.names as string[]) ?? [], label: '', position, children: []}
    case 'term':
    case 'field_name':
    case 'title':
      return {type: record.t, position, children: text()}
    default:
      return {type: record.t, position, children: []}
  }
}
