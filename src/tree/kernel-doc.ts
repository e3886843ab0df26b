// The C symbols `kernel-doc` extracts from a source file: each `/** … */`
// comment whose first line names a function (`name()`), a macro, or a
// `struct`/`union`/`enum`/`typedef`, plus the `@member:`/`@param:` lines
// documented in it (Sphinx's C domain knows them as `outer.inner`).

export interface CSymbol {
  /** `function`, `macro`, `struct`, `union`, `enum`, `type`, `member`, `functionParam`. */
  type: string
  name: string
  line: number
}

export function extractKernelDoc(text: string): CSymbol[] {
  const symbols: CSymbol[] = []
  let at = 0
  let lineNumber = 1
  let counted = 0
  const lineOf = (offset: number): number => {
    for (let index = text.indexOf('\n', counted); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
      lineNumber++
      counted = index + 1
    }
    return lineNumber
  }
  for (;;) {
    const open = text.indexOf('/**', at)
    if (open < 0) break
    const close = text.indexOf('*/', open + 3)
    if (close < 0) break
    at = close + 2
    const body = text.slice(open + 3, close).split('\n').map((line) => line.replace(/^\s*\*?\s?/, ''))
    const firstIndex = body.findIndex((line) => line.trim() !== '')
    if (firstIndex < 0) continue
    const first = (body[firstIndex] as string).trim()
    const line = lineOf(open) + firstIndex
    const header = /^(?:(struct|union|enum|typedef)\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(\(\))?\s*(?:-|:|$)/.exec(first)
    if (!header || first.startsWith('DOC:')) continue
    const keyword = header[1]
    const name = header[2] as string
    let type: string
    if (keyword === 'typedef') type = 'type'
    else if (keyword) type = keyword
    else {
      const after = text.slice(close + 2, close + 200).trimStart()
      type = after.startsWith('#define') ? 'macro' : 'function'
    }
    symbols.push({type, name, line})
    const inner = type === 'function' || type === 'macro' ? 'functionParam' : 'member'
    for (const part of body) {
      const member = /^@([A-Za-z_][A-Za-z0-9_.]*)\s*:/.exec(part.trim())
      if (member?.[1]) symbols.push({type: inner, name: `${name}.${member[1]}`, line})
    }
  }
  return symbols
}
