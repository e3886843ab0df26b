// The miniature QEMU-like tree in fixtures/trees/mini-qemu: every resolution
// source (labels, documents, options from rST and .hx, glossary terms, QAPI,
// kernel-doc, D-Bus, an objects.inv) resolves, and each tree rule reports exactly the
// defects planted there.

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

const ROOT = join(import.meta.dirname, '../../fixtures/trees/mini-qemu')
const INVENTORY = join(import.meta.dirname, '../../fixtures/trees/mini-qemu.objects.inv')
const RULES = [toctreeMissing, toctreeOrphan, toctreeDuplicate, unknownReference, includeMissing, maintainersUncovered, maintainersDangling, maintainersSyntax] as unknown as Rule<never>[]

describe('fixtures/trees/mini-qemu', () => {
  let files: DiskFiles
  let parsed: Map<string, Root>
  let index: ProjectIndex
  beforeAll(() => {
    files = new DiskFiles(ROOT)
    parsed = new Map()
    for (const path of files.list()) {
      if (path.startsWith('docs/') && (path.endsWith('.rst') || path.endsWith('.rst.inc'))) parsed.set(path, fromRst(files.read(path) as string))
    }
    index = buildProjectIndex(files, parsed, {inventories: [INVENTORY]})
  })

  it('reads conf.py as text', () => {
    expect(index.conf.masterDoc).toBe('index')
    expect(index.conf.excludePatterns).toEqual(['_build', 'drafts'])
    expect(index.conf.extensions).toEqual(['hxtool', 'kerneldoc', 'qapidoc', 'dbusdoc'])
    expect(index.conf.epilogSubstitutions).toEqual({CONFDIR: '``/etc/qemu``'})
    expect(index.conf.epilogFiles).toEqual(['defs.rst.inc'])
  })

  it('resolves every default-role text to the expected kind of target', () => {
    const resolved: string[] = []
    for (const [path, root] of parsed) {
      visit<InterpretedText>(root, 'interpreted_text', (node) => {
        if (node.role !== null) return
        const target = index.resolveAnyAt(path, node.position.start.offset ?? 0, node.value)
        const what = !target ? 'UNRESOLVED' : target.kind === 'object' ? `${target.object.domain}:${target.object.type}` : target.kind
        resolved.push(`${path} ${node.value.replace(/\s+/g, ' ')} → ${what}`)
      })
    }
    expect(resolved.sort()).toEqual([
      'docs/devel/shared-steps.rst.inc Widget Bus → std:term',
      'docs/devel/widget-api.rst widget_reset → c:function',
      'docs/system/dev-backquotes.rst -gizmo on → UNRESOLVED',
      'docs/system/dev-backquotes.rst -widget fast → option',
      'docs/system/dev-backquotes.rst Widget home → UNRESOLVED',
      'docs/system/dev-backquotes.rst dev-widget → doc',
      'docs/system/dev-backquotes.rst gizmo → UNRESOLVED',
      'docs/system/dev-backquotes.rst org.example.Gadget1 → dbus:interface',
      'docs/system/dev-backquotes.rst the gizmo notes <gizmo-notes> → UNRESOLVED',
      'docs/system/dev-backquotes.rst widget_probe → c:function',
      'docs/system/dev-backquotes.rst widget_reset → c:function',
      'docs/system/dev-widget.rst MiniWidgetInfo → qapi:struct',
      'docs/system/dev-widget.rst Poke → dbus:method',
      'docs/system/dev-widget.rst org.example.Widget1 → dbus:interface',
      'docs/system/dev-widget.rst query-widgets → qapi:command',
      'docs/system/invocation.rst Widget Bus → std:term',
      'docs/system/invocation.rst the devel notes <devel-intro> → label',
      'docs/system/invocation.rst widget_reset() → c:function',
      'docs/tools/index.rst widget-img convert → option',
    ])
  })

  it('reports exactly the planted defects', () => {
    const findings: string[] = []
    for (const path of files.list()) {
      const root = parsed.get(path)
      if (!root && path !== 'MAINTAINERS') continue
      const text = files.read(path) as string
      const source = new Source(text)
      for (const rule of RULES) {
        if (rule.meta.languages.includes('maintainers') !== (path === 'MAINTAINERS')) continue
        rule.check({
          file: {path, text, source, language: root ? 'rst' : 'maintainers', ...(root ? {rst: root} : {})},
          options: (rule.meta.defaultOptions ?? {}) as never,
          project: index,
          report(report: Report) {
            const raw = report.place as {start: number | {line: number; column: number}; end: number}
            const place = typeof raw.start === 'number' ? source.position(raw.start, raw.end) : (report.place as ReturnType<Source['position']>)
            findings.push(`${path}:${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${rule.meta.id}/${report.messageId}`)
          },
        })
      }
    }
    expect(findings.sort()).toEqual([
      'MAINTAINERS:23:4-23:30 maintainers-dangling/dangling',
      'MAINTAINERS:25:4-25:21 maintainers-dangling/dangling',
      'MAINTAINERS:34:4-34:18 maintainers-dangling/dangling',
      'MAINTAINERS:39:4-39:16 maintainers-syntax/badStatus',
      'docs/defs.rst.inc:1:1-1:42 maintainers-uncovered/uncovered',
      'docs/devel/index.rst:1:1-1:17 maintainers-uncovered/uncovered',
      'docs/devel/shared-steps.rst.inc:1:1-1:18 maintainers-uncovered/uncovered',
      'docs/devel/stray.rst:1:1-1:11 maintainers-uncovered/uncovered',
      'docs/devel/stray.rst:1:1-1:11 toctree-orphan/orphan',
      'docs/devel/widget-api.rst:1:1-1:11 maintainers-uncovered/uncovered',
      'docs/devel/widget-api.rst:6:17-6:38 include-missing/missing',
      'docs/drafts/plan.rst:1:1-1:16 maintainers-uncovered/uncovered',
      'docs/glossary.rst:1:1-1:14 maintainers-uncovered/uncovered',
      'docs/index.rst:14:4-14:16 toctree-missing/excluded',
      'docs/index.rst:1:1-1:17 maintainers-uncovered/uncovered',
      'docs/system/dev-unlisted-extra.rst:1:1-1:9 maintainers-uncovered/uncovered',
      'docs/system/dev-widget.rst:6:35-6:46 unknown-reference/untitled',
      'docs/system/index.rst:10:4-10:14 toctree-missing/missingSuggest',
      'docs/system/index.rst:11:4-11:14 toctree-duplicate/duplicate',
      'docs/system/index.rst:1:1-1:17 maintainers-uncovered/uncovered',
      'docs/system/index.rst:9:4-9:16 toctree-missing/missing',
      'docs/system/invocation.rst:1:1-1:16 maintainers-uncovered/uncovered',
      'docs/tools/index.rst:18:62-18:75 unknown-reference/label',
      'docs/tools/index.rst:1:1-1:6 maintainers-uncovered/uncovered',
      'docs/tools/widget-img.rst:1:1-1:18 maintainers-uncovered/uncovered',
      'docs/tools/widget-img.rst:6:39-6:52 unknown-reference/doc',
    ])
  })
})
