import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DiskFiles} from '../../src/tree/disk-files.ts'
import {buildProjectIndex, type ProjectIndex} from '../../src/tree/project.ts'
import {oracleTree} from './oracle-tree.ts'
import type {Root} from '../../src/rst/types.ts'

const shared = join(import.meta.dirname, '../../../shared')
const tree = join(shared, 'qemu-tree')
const oracle = join(shared, 'qemu-oracle')
const inventory = join(shared, 'qemu-tree.objects.inv')
const present = existsSync(tree) && existsSync(oracle)

function oracleFiles(directory: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(directory)) {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) out.push(...oracleFiles(path))
    else if (name.endsWith('.json')) out.push(path)
  }
  return out
}

interface Reference {
  path: string
  role: string
  text: string
}

function loadCorpus(): {parsed: Map<string, Root>; references: Reference[]} {
  const parsed = new Map<string, Root>()
  const references: Reference[] = []
  for (const file of oracleFiles(join(oracle, 'docs'))) {
    const path = relative(oracle, file).slice(0, -'.json'.length)
    parsed.set(path, oracleTree(file))
    const json = JSON.parse(readFileSync(file, 'utf8')) as {nodes: Array<{t: string; x?: string; a?: {role?: string}; s?: string}>}
    for (const node of json.nodes) {
      if (node.t === 'interpreted' && !node.s) references.push({path, role: node.a?.role ?? '', text: node.x ?? ''})
    }
  }
  return {parsed, references}
}

describe.skipIf(!present)('the QEMU corpus (shared/qemu-tree, read at run time)', () => {
  let index: ProjectIndex
  let references: Reference[]
  it('builds the index', () => {
    const corpus = loadCorpus()
    references = corpus.references
    index = buildProjectIndex(new DiskFiles(tree), corpus.parsed, {inventories: [inventory]})
    expect(index.documents.size).toBe(310)
  })

  it('resolves every default-role text', () => {
    const any = references.filter((reference) => reference.role === 'any')
    expect(any.length).toBe(57)
    const unresolved = any.filter((reference) => !index.resolveAnyAt(reference.path, 0, reference.text))
    expect(unresolved).toEqual([])
  })

  it('resolves every :ref: and :doc:; only the :option: Sphinx cannot resolve either are left (QEMU suppresses ref.option)', () => {
    const unresolved = references.filter((reference) => {
      const doc = index.docsFor(reference.path)[0] as string
      if (reference.role === 'ref') {
        const text = reference.text
        const explicit = /<[^<>]*>$/.test(text.trim()) && text.trim().indexOf('<') > 0
        const target = explicit ? text.slice(text.lastIndexOf('<') + 1, text.lastIndexOf('>')) : text
        return !index.targets.resolveRef(target, explicit)
      }
      if (reference.role === 'doc') {
        const target = /<([^<>]*)>$/.exec(reference.text.trim())?.[1] ?? reference.text
        return !index.targets.resolveDoc(target, doc)
      }
      if (reference.role === 'option') return !index.targets.resolveOption(reference.text, {programs: index.programsAt(reference.path, 0)})
      return false
    })
    expect(unresolved.filter((reference) => reference.role !== 'option')).toEqual([])
    expect(unresolved.map((reference) => reference.text)).toEqual(['-trace', '-trace help', 'cache=writethrough', 'format='])
    expect(index.conf.suppressWarnings).toContain('ref.option')
  })

  it('leaves the 16 default-role texts of the WHPX patch unresolved', () => {
    const json = JSON.parse(readFileSync(join(oracle, 'seeds/whpx-v6.rst.json'), 'utf8')) as {nodes: Array<{t: string; x?: string}>}
    const texts = json.nodes.filter((node) => node.t === 'interpreted').map((node) => node.x ?? '')
    expect(texts.length).toBe(16)
    expect(texts.filter((text) => index.targets.resolveAny(text, 'system/whpx'))).toEqual([])
  })

  it('has no toctree problems and no orphans', () => {
    expect(index.toctree.problems.map((problem) => `${problem.kind} ${problem.toctree.doc} ${problem.entry.raw}`)).toEqual([])
    expect(index.toctree.orphans).toEqual([])
  })

  it('finds every directive source', () => {
    expect(index.sources.filter((use) => !use.exists).map((use) => `${use.path} ${use.directive} ${use.argument}`)).toEqual([])
  })
})
