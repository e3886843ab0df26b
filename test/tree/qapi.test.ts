import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {MemoryFiles} from '../../src/tree/memory-files.ts'
import {parseExpressions, parseTolerantly, readQapiSchema} from '../../src/tree/qapi.ts'

type Value = ReturnType<typeof parseExpressions>[number]['value']

const isRecord = (value: unknown): value is Record<string, Value> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The schema's definitions read the plain way: every value built, then inspected. */
function reference(text: string) {
  const out: unknown[] = []
  for (const {value, line} of parseExpressions(text)) {
    if (!isRecord(value)) continue
    if (typeof value.include === 'string') {
      out.push(['include', line, value.include])
      continue
    }
    const meta = ['command', 'event', 'struct', 'union', 'enum', 'alternate'].find((key) => typeof value[key] === 'string')
    if (!meta) continue
    const data = value.data
    const members = Array.isArray(data)
      ? data.map((item) => (typeof item === 'string' ? item : isRecord(item) && typeof item.name === 'string' ? item.name : '')).filter(Boolean)
      : isRecord(data)
        ? Object.keys(data).map((key) => (key.startsWith('*') ? key.slice(1) : key))
        : []
    out.push([meta, line, value[meta], members])
  }
  return out
}

/** What readQapiSchema makes of one file (its includes all missing, so listed), in the reference's shape. */
function read(text: string) {
  const schema = readQapiSchema(new MemoryFiles({'s/m.json': text}), 's/m.json')
  const includes = schema.missing.map((entry) => ['include', entry.line, entry.include])
  const definitions = schema.definitions.map((entry) => [entry.meta, entry.line, entry.name, entry.members])
  // One expression per line in the cases: line order is file order.
  return [...includes, ...definitions].sort((a, b) => (a[1] as number) - (b[1] as number))
}

const CASES = [
  "{ 'struct': 'A', 'data': { 'a': 'int', '*b': { 'type': 'str', 'if': 'X' } } }\n{ 'command': 'go', 'data': ['x', {'name': 'y'}, {'name': 1}, '', 3, {'name': 'z', 'name': 'w'}] }\n",
  "# comment\n{ 'enum': 'E', 'data': [ 'one', 'two' ] }\n\n{ broken\n{ 'union': 'U', 'data': 'Base' }\n",
  "{ 'event': 'EV', 'data': { 'b': 1, 'a': 2, 'b': 3 } }\n{ 'struct': 'N', 'data': { '2': 'int', '10': 'int', 'x': 'int' } }\n",
  "{ 'struct': 'P', 'data': { '__proto__': { 'command': 'no' }, 'm': 'int' } }\n{ '__proto__': { 'command': 'sneaky' } }\n",
  "{ 'alternate': 'Alt', 'struct': 'S', 'data': 5 }\n{ 'command': 1, 'event': \"E\\\"q\" }\n['top', 'array']\n'string'\n{ 'include': 'x.json' }\n{ 'include': 'gone.json', 'struct': 'T' }\n",
  "{ 'struct': 'Deep', 'data': " + '['.repeat(70) + ']'.repeat(70) + " }\n{ 'struct': 'After' }\n",
  "{ 'struct': 'Num', 'data': { 'a': -12.5, 'b': 123456789012345678901234567890123456789, 'c': true, 'd': null } }\n{ 'struct': 'Ok' }\n",
  "{ 'struct': 'Esc\\\\x', 'data': { 'a\\\nb': 'int' } }\n{ 'command': 'unterminated }\n{ 'command': 'last' }",
]

describe('readQapiSchema', () => {
  it('reads definitions as the built values say, odd inputs included', () => {
    for (const text of CASES) expect(read(text), text).toEqual(reference(text))
  })
})

/** Inputs the JSON path must either read as the hand-written reader does or hand over to it. */
const TOLERANT_CASES = [
  ...CASES.filter((text) => !text.includes("'Deep'")),
  "{ 'a': 1.5e3 }\n{ 'b': 'c' }\n",
  "{ 'a': 'it''s' }\n",
  "{ 'a': 'x' } { 'b': 'y' }\n",
  "{ 'a': 'x', }\n{ 'b': \"y # not a comment\" } # a comment with 'quotes'\n",
  "{ 'a': {\n{ 'b': 1 } } }\n",
  "\n\n   # only comments\n",
  "{ 'k': 'tab\\there', 'u': 'caf\u00e9' }\n",
]

describe('parseExpressions', () => {
  it('gives the hand-written reader\'s values, or lets it read the file', () => {
    for (const text of TOLERANT_CASES) expect(parseExpressions(text), text).toEqual(parseTolerantly(text))
  })

  it('is not limited to 64 levels of nesting, where the reader drops the expression', () => {
    const deep = "{ 'struct': 'Deep', 'data': " + '['.repeat(70) + ']'.repeat(70) + ' }\n'
    expect(parseExpressions(deep)).toHaveLength(1)
    expect(parseTolerantly(deep)).toHaveLength(0)
  })
})

const QAPI = new URL('../../../shared/qemu-tree/qapi', import.meta.url).pathname

describe.skipIf(!existsSync(QAPI))('readQapiSchema on QEMU\'s schema (needs ../shared/qemu-tree)', () => {
  it('reads every module as the built values say', () => {
    for (const name of readdirSync(QAPI).filter((file) => file.endsWith('.json'))) {
      const text = readFileSync(`${QAPI}/${name}`, 'utf8')
      const want = reference(text).filter((item) => (item as unknown[])[0] !== 'include')
      const got = readQapiSchema(new MemoryFiles({'q/m.json': text}), 'q/m.json').definitions.map((entry) => [entry.meta, entry.line, entry.name, entry.members])
      expect(got, name).toEqual(want)
      expect(parseExpressions(text), name).toEqual(parseTolerantly(text))
    }
  })
})
