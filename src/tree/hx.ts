// The rST that `hxtool-doc` pulls out of a `.hx` file: the lines between
// `SRST` and `ERST` markers (and `DEFHEADING(...)` headings). The linter
// only needs what those blocks define or splice in: `.. option::` and
// `.. program::` entries, `.. _label:` targets and `.. include::` lines.

export interface HxItem {
  /** `hx-label`: `SRST(name)`; hxtool turns it into the label `DOCNAME-HXFILE-name`. */
  kind: 'option' | 'program' | 'label' | 'hx-label' | 'include'
  value: string
  /** 1-based line in the .hx file, and the 0-based offset of the directive marker. */
  line: number
  offset: number
  endOffset: number
  /** For labels: whether a title or heading follows. */
  titled?: boolean
}

const byText = new Map<string, HxItem[]>()

/** Scan once per text: QEMU pulls the same .hx into several documents. */
export function scanHx(text: string): HxItem[] {
  let items = byText.get(text)
  if (!items) {
    items = scan(text)
    if (byText.size > 32) byText.clear()
    byText.set(text, items)
  }
  return items
}

function scan(text: string): HxItem[] {
  const items: HxItem[] = []
  const lines = text.split('\n')
  let inRst = false
  let offset = 0
  const starts: number[] = []
  for (const line of lines) {
    starts.push(offset)
    offset += line.length + 1
  }
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).replace(/\r$/, '')
    if (!inRst) {
      if (line.startsWith('SRST')) {
        inRst = true
        const label = /^SRST\(([^)]*)\)/.exec(line)?.[1]?.trim()
        if (label) {
          const offset = starts[index] as number
          items.push({kind: 'hx-label', value: label, line: index + 1, offset, endOffset: offset + line.length, titled: followedByTitle(lines, index + 1)})
        }
      }
      continue
    }
    if (line.startsWith('ERST')) {
      inRst = false
      continue
    }
    if (!line.includes('..')) continue
    const match = /^(\s*)\.\.\s+(?:(option|cmdoption|program|include)::\s*(.*)|_([^:]+):\s*$)/.exec(line)
    if (!match) continue
    const start = (starts[index] as number) + (match[1]?.length ?? 0)
    const base = {line: index + 1, offset: start, endOffset: (starts[index] as number) + line.length}
    if (match[4] !== undefined) {
      items.push({kind: 'label', value: match[4], titled: followedByTitle(lines, index + 1), ...base})
    } else if (match[2] === 'program') {
      const program = (match[3] ?? '').trim().split(/\s+/).join('-')
      items.push({kind: 'program', value: program === 'None' ? '' : program, ...base})
    } else if (match[2] === 'include') {
      items.push({kind: 'include', value: (match[3] ?? '').trim(), ...base})
    } else {
      items.push({kind: 'option', value: (match[3] ?? '').trim(), ...base})
    }
  }
  return items
}

function followedByTitle(lines: readonly string[], from: number): boolean {
  let index = from
  while (index < lines.length && /^\s*$|^\s*\.\.\s+_[^:]+:\s*$|^(SRST|ERST)/.test(lines[index] as string)) index++
  const text = lines[index]
  const under = lines[index + 1]
  if (text === undefined) return false
  if (text.startsWith('DEFHEADING(') || text.startsWith('ARCHHEADING(')) return true
  if (under === undefined) return false
  // A section title, or a definition list term (Sphinx titles the label with the term).
  return /^([=\-~^"'`#*+:.])\1{3,}\s*$/.test(under) || (/^\s+\S/.test(under) && !/^\s/.test(text))
}
