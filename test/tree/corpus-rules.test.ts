// The tree rules on the real QEMU corpus (shared/qemu-tree, read at run time),
// parsed by our own parser: no toctree, reference or include findings (the
// tree builds with sphinx-build -W), every default-role text resolves, and the
// MAINTAINERS figures are the real stale patterns.

import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import includeMissing from '../../rules/include-missing.ts'
import maintainersDangling from '../../rules/maintainers-dangling.ts'
import maintainersSyntax from '../../rules/maintainers-syntax.ts'
import maintainersUncovered from '../../rules/maintainers-uncovered.ts'
import toctreeDuplicate from '../../rules/toctree-duplicate.ts'
import toctreeMissing from '../../rules/toctree-missing.ts'
import toctreeOrphan from '../../rules/toctree-orphan.ts'
import unknownReference from '../../rules/unknown-reference.ts'
import {visit} from '../../src/lint/helpers/visit.ts'
import type {Report, Rule} from '../../src/lint/types.ts'
import {fromRst} from '../../src/rst/index.ts'
import {Source} from '../../src/rst/source.ts'
import type {InterpretedText, Root} from '../../src/rst/types.ts'
import {DiskFiles} from '../../src/tree/disk-files.ts'
import {buildProjectIndex, type ProjectIndex} from '../../src/tree/project.ts'

const shared = join(import.meta.dirname, '../../../shared')
const tree = join(shared, 'qemu-tree')
const inventory = join(shared, 'qemu-tree.objects.inv')

const RST_RULES = [toctreeMissing, toctreeOrphan, toctreeDuplicate, unknownReference, includeMissing, maintainersUncovered] as unknown as Rule<never>[]

describe.skipIf(!existsSync(tree))('tree rules on the QEMU corpus', () => {
  let files: DiskFiles
  let parsed: Map<string, Root>
  let index: ProjectIndex
  beforeAll(() => {
    files = new DiskFiles(tree)
    parsed = new Map()
    for (const path of files.list()) {
      if (path.startsWith('docs/') && (path.endsWith('.rst') || path.endsWith('.rst.inc'))) parsed.set(path, fromRst(files.read(path) as string))
    }
    index = buildProjectIndex(files, parsed, {inventories: [inventory]})
  })

  function run(rule: Rule<never>, path: string, text: string, root?: Root): string[] {
    const source = new Source(text)
    const found: string[] = []
    rule.check({
      file: {path, text, source, language: root ? 'rst' : 'maintainers', ...(root ? {rst: root} : {})},
      options: (rule.meta.defaultOptions ?? {}) as never,
      project: index,
      report(report: Report) {
        const place = typeof (report.place as {start: unknown}).start === 'number' ? source.position((report.place as {start: number}).start, (report.place as {end: number}).end) : (report.place as ReturnType<Source['position']>)
        found.push(`${path}:${place.start.line}:${place.start.column} ${report.messageId}`)
      },
    })
    return found
  }

  it('resolves every default-role text the parser finds', () => {
    const unresolved: string[] = []
    let count = 0
    for (const [path, root] of parsed) {
      visit<InterpretedText>(root, 'interpreted_text', (node) => {
        if (node.role !== null) return
        count++
        if (!index.resolveAnyAt(path, node.position.start.offset ?? 0, node.value)) unresolved.push(`${path} ${node.value}`)
      })
    }
    expect(unresolved).toEqual([])
    expect(count).toBeGreaterThanOrEqual(57)
  })

  it('indexes every resolution source of the tree', () => {
    const kind = (text: string, doc = 'index', programs?: Array<string | null>) => {
      const target = index.targets.resolveAny(text, doc, programs ? {programs} : {})
      return !target ? 'none' : target.kind === 'object' ? `${target.object.domain}:${target.object.type}:${target.object.source}` : target.kind
    }
    expect(kind('blockdev-add')).toBe('qapi:command:qapi')
    expect(kind('BlockdevOptions')).toBe('qapi:union:qapi')
    expect(kind('block-core.query-block')).toBe('qapi:command:qapi')
    // qga/qapi-schema.json is an empty placeholder in this snapshot.
    expect(kind('guest-ping')).toBe('none')
    expect(kind('org.qemu.Display1.Console')).toBe('dbus:interface:inventory')
    expect(kind('object_new()')).toBe('c:function:inventory')
    expect(kind('convert', 'tools/qemu-img', ['qemu-img'])).toBe('option')
    expect(kind('qemu-img convert')).toBe('option')
    expect(kind('system/invocation-qemu-options-initrd')).toBe('label')
    expect(kind('Type <type>')).toBe('none')
  })

  it('reports no toctree, reference or include problem', () => {
    const findings: Record<string, string[]> = {}
    for (const rule of RST_RULES) {
      if (rule.meta.id === 'maintainers-uncovered') continue
      findings[rule.meta.id] = [...parsed].flatMap(([path, root]) => run(rule, path, files.read(path) as string, root))
    }
    expect(findings).toEqual({'toctree-missing': [], 'toctree-orphan': [], 'toctree-duplicate': [], 'unknown-reference': [], 'include-missing': []})
  })

  it('finds the stale MAINTAINERS patterns and no syntax problem', () => {
    const text = files.read('MAINTAINERS') as string
    const dangling = run(maintainersDangling as unknown as Rule<never>, 'MAINTAINERS', text)
    expect(dangling.length).toBe(47)
    expect(dangling).toContain('MAINTAINERS:2820:4 danglingSuggest')
    expect(index.maintainers.dangling.map((pattern) => pattern.entry.value)).toContain('docs/system/devices/virtio-gpu.rst')
    expect(run(maintainersSyntax as unknown as Rule<never>, 'MAINTAINERS', text)).toEqual([])
  })

  it('counts the documents only catch-all sections claim', () => {
    const documents = [...index.documents.values()]
    expect(documents.length).toBe(310)
    const uncovered = documents.filter((path) => run(maintainersUncovered as unknown as Rule<never>, path, files.read(path) as string, parsed.get(path)).length > 0)
    expect(uncovered.length).toBe(105)
  })
})
