import {deflateSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {extractDBus} from '../../src/tree/dbus-xml.ts'
import {scanHx} from '../../src/tree/hx.ts'
import {readInventory} from '../../src/tree/inventory.ts'
import {extractKernelDoc} from '../../src/tree/kernel-doc.ts'
import {MemoryFiles} from '../../src/tree/memory-files.ts'
import {parseExpressions, readQapiSchema} from '../../src/tree/qapi.ts'
import {readSubmodulePaths} from '../../src/tree/gitmodules.ts'

describe('QAPI schema reader', () => {
  it('reads JSON-ish text with comments and single quotes, never throwing', () => {
    const values = parseExpressions("# c\n{ 'a': 'x', # note\n  'b': [1, true, null] }\n{ broken\n{ 'c': \"d\" }\n")
    expect(values).toEqual([
      {value: {a: 'x', b: [1, true, null]}, line: 2},
      {value: {c: 'd'}, line: 5},
    ])
  })

  it('follows includes relative to the including file', () => {
    const files = new MemoryFiles({
      'qapi/schema.json': "{ 'include': 'sub/block.json' }\n{ 'include': 'gone.json' }\n",
      'qapi/sub/block.json': "{ 'command': 'do-it', 'data': {'*speed': 'int'} }\n{ 'enum': 'Mode', 'data': ['a', {'name': 'b'}] }\n",
    })
    const schema = readQapiSchema(files, 'qapi/schema.json')
    expect(schema.files).toEqual(['qapi/schema.json', 'qapi/sub/block.json'])
    expect(schema.missing).toEqual([{path: 'qapi/schema.json', line: 2, include: 'gone.json'}])
    expect(schema.definitions.map((definition) => [definition.meta, definition.name, definition.module, definition.members])).toEqual([
      ['command', 'do-it', 'block', ['speed']],
      ['enum', 'Mode', 'block', ['a', 'b']],
    ])
  })
})

describe('kernel-doc', () => {
  it('extracts functions, macros, types and their members', () => {
    const text = '/**\n * frob() - frob it\n * @x: how much\n */\nint frob(int x);\n\n/**\n * DOC: Overview\n */\n\n/**\n * struct Thing - a thing\n * @n: count\n */\n\n/**\n * THING_MAX - upper bound\n */\n#define THING_MAX 4\n/**\n * typedef thing_cb - callback\n */\n'
    expect(extractKernelDoc(text).map((symbol) => `${symbol.type} ${symbol.name} ${symbol.line}`)).toEqual([
      'function frob 2',
      'functionParam frob.x 2',
      'struct Thing 12',
      'member Thing.n 12',
      'macro THING_MAX 17',
      'type thing_cb 21',
    ])
  })
})

describe('D-Bus XML', () => {
  it('lists interfaces and members, skipping comments', () => {
    const text = '<node>\n<!-- <interface name="Fake"/> -->\n<interface name="org.x.A">\n<method name="Go"/>\n<property name="P" type="s"/>\n</interface>\n<interface name=\'org.x.B\'>\n<signal name="S"/>\n</interface>\n</node>\n'
    expect(extractDBus(text).map((object) => `${object.type} ${object.name} ${object.interface ?? ''} ${object.line}`)).toEqual([
      'interface org.x.A  3',
      'method Go org.x.A 4',
      'property P org.x.A 5',
      'interface org.x.B  7',
      'signal S org.x.B 8',
    ])
  })
})

describe('Sphinx inventory', () => {
  it('reads version 2 inventories, names with spaces and `$` URIs', () => {
    const body = 'my label std:label -1 page.html#$ My Label\nfrob c:function 1 api.html#c.frob -\n'
    const header = '# Sphinx inventory version 2\n# Project: X\n# Version: 1\n# The remainder of this file is compressed using zlib.\n'
    const data = Buffer.concat([Buffer.from(header), deflateSync(Buffer.from(body))])
    expect(readInventory(data)).toEqual([
      {name: 'my label', domain: 'std', role: 'label', priority: -1, uri: 'page.html#my label', dispname: 'My Label'},
      {name: 'frob', domain: 'c', role: 'function', priority: 1, uri: 'api.html#c.frob', dispname: 'frob'},
    ])
    expect(readInventory(Buffer.from('not an inventory'))).toEqual([])
  })
})

describe('.hx files', () => {
  it('finds options, programs, labels and includes inside SRST blocks only', () => {
    const text = '.. option:: -outside\nSRST(mylabel)\n``-a``\n    text\nERST\nSRST\n.. program:: my tool\n.. option:: -b, --bee\n  .. include:: ../x.rst.inc\nERST\n'
    expect(scanHx(text).map((item) => `${item.kind} ${item.value} ${item.line} ${item.titled ?? ''}`)).toEqual([
      'hx-label mylabel 2 true',
      'program my-tool 7 ',
      'option -b, --bee 8 ',
      'include ../x.rst.inc 9 ',
    ])
  })
})

describe('.gitmodules', () => {
  it('lists submodule paths', () => {
    expect(readSubmodulePaths('[submodule "a"]\n\tpath = roms/a/\n\turl = x\n[submodule "b"]\n  path=tests/b\n')).toEqual(['roms/a', 'tests/b'])
    expect(readSubmodulePaths(undefined)).toEqual([])
  })
})
