// Sphinx's reading of toctree content lines (`TocTree.parse_content`): blank
// lines skipped; `Title <ref>`; URLs (`scheme://…`) and `self` kept as is;
// with `:glob:`, entries holding `*`, `?` or `[` are patterns; everything
// else is a document name, `.rst` dropped, joined to the current document.

import {docnameJoin} from './docnames.ts'
import type {ToctreeEntry} from './model.ts'

export function parseToctreeContent(content: string, docname: string, glob: boolean): ToctreeEntry[] {
  const entries: ToctreeEntry[] = []
  const lines = content.split('\n')
  for (let line = 0; line < lines.length; line++) {
    const raw = (lines[line] as string).trim()
    if (!raw) continue
    let title: string | undefined
    let ref = raw
    if (raw.endsWith('>')) {
      const open = raw.lastIndexOf('<')
      if (open > 0 && raw[open - 1] !== '\\' && raw.slice(0, open).trim() !== '') {
        title = raw.slice(0, open).trim()
        ref = raw.slice(open + 1, -1)
      }
    }
    const isUrl = /^[^:\s]+:\/\//.test(ref)
    if (glob && title === undefined && !isUrl && /[*?[]/.test(raw)) {
      entries.push({raw, line, kind: 'glob', ref, docname: docnameJoin(docname, ref), includes: []})
      continue
    }
    if (isUrl || ref === 'self') {
      entries.push({raw, line, kind: isUrl ? 'url' : 'self', title, ref, docname: ref, includes: []})
      continue
    }
    const name = ref.endsWith('.rst') ? ref.slice(0, -4) : ref
    entries.push({raw, line, kind: 'doc', title, ref, docname: docnameJoin(docname, name), includes: []})
  }
  return entries
}
