// The facts the linter needs from `docs/conf.py`, read as text and never
// executed: simple top-level assignments of strings and lists of strings.
// QEMU's own values are the defaults, so an absent or empty conf.py (as in a
// trimmed checkout) behaves like QEMU's real one.

export interface ConfFacts {
  /** Role of single-backtick text (`any` in QEMU). */
  defaultRole: string
  /** The root document of the toctree graph (`index`). */
  masterDoc: string
  /** Sphinx `exclude_patterns`, relative to the docs directory. */
  excludePatterns: string[]
  extensions: string[]
  /** Sphinx `suppress_warnings` (QEMU: `ref.option`, so unresolved `:option:` is silent). */
  suppressWarnings: string[]
  /** Substitutions `rst_epilog` defines in every document, by name. */
  epilogSubstitutions: Record<string, string>
  /** Files (relative to the docs directory) whose text `rst_epilog` appends. */
  epilogFiles: string[]
  /** Whether the values came from a non-empty conf.py. */
  fromFile: boolean
}

export const QEMU_DEFAULTS = {
  defaultRole: 'any',
  masterDoc: 'index',
  excludePatterns: ['_build', 'Thumbs.db', '.DS_Store'],
  extensions: ['depfile', 'hxtool', 'kerneldoc', 'qapi_domain', 'qapidoc', 'qmp_lexer', 'dbusdoc'],
  suppressWarnings: ['ref.option'],
  confdir: '/etc/qemu',
} as const

const EPILOG_NAMES = ['CONFDIR', 'VER_MACHINE_DEPRECATION_VERSION', 'VER_MACHINE_DELETION_VERSION'] as const

type Value = string | string[]

/** Read conf.py text (undefined when absent) and the tree's VERSION file text. */
export function readConf(text: string | undefined, versionText?: string): ConfFacts {
  const source = text ?? ''
  const fromFile = source.trim() !== ''
  const values = fromFile ? readAssignments(source) : new Map<string, Value>()
  const string = (name: string): string | undefined => {
    const value = values.get(name)
    return typeof value === 'string' ? value : undefined
  }
  const list = (name: string): string[] | undefined => {
    const value = values.get(name)
    return Array.isArray(value) ? value : undefined
  }
  const versions = machineVersions(versionText)
  const computed: Record<string, string> = {
    CONFDIR: QEMU_DEFAULTS.confdir,
    VER_MACHINE_DEPRECATION_VERSION: versions.deprecation,
    VER_MACHINE_DELETION_VERSION: versions.deletion,
  }
  const epilogSubstitutions: Record<string, string> = {}
  let epilogFiles: string[] = ['defs.rst.inc']
  if (fromFile && !source.includes('rst_epilog')) {
    epilogFiles = []
  } else {
    for (const name of EPILOG_NAMES) {
      if (!fromFile || source.includes(name)) epilogSubstitutions[name] = `\`\`${computed[name]}\`\``
    }
    if (fromFile && !source.includes('defs.rst.inc')) epilogFiles = []
  }
  return {
    defaultRole: string('default_role') || QEMU_DEFAULTS.defaultRole,
    masterDoc: string('root_doc') || string('master_doc') || QEMU_DEFAULTS.masterDoc,
    excludePatterns: list('exclude_patterns') ?? [...QEMU_DEFAULTS.excludePatterns],
    extensions: list('extensions') ?? [...QEMU_DEFAULTS.extensions],
    suppressWarnings: list('suppress_warnings') ?? (fromFile ? [] : [...QEMU_DEFAULTS.suppressWarnings]),
    epilogSubstitutions,
    epilogFiles,
    fromFile,
  }
}

/** conf.py's arithmetic: a `.50` snapshot predicts the next release; thresholds are 3 and 6 majors back. */
function machineVersions(versionText: string | undefined): {deprecation: string; deletion: string} {
  const bits = (versionText ?? '').trim().split('.').map((part) => Number.parseInt(part, 10))
  let [major = 0, minor = 0, micro = 0] = bits.map((bit) => (Number.isNaN(bit) ? 0 : bit))
  if (micro >= 50) {
    if (minor === 2) {
      major += 1
      minor = 0
    } else {
      minor += 1
    }
  }
  return {deprecation: `${major - 3}.${minor}.0`, deletion: `${major - 6}.${minor}.0`}
}

/**
 * `name = literal` and `name += [literals]` statements. Plain assignments
 * count only at the top level (column 0); `+=` of a list also inside blocks,
 * which is how QEMU adds its D-Bus extension under a version check.
 */
export function readAssignments(text: string): Map<string, Value> {
  const values = new Map<string, Value>()
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    const match = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*(\+?=)\s*(.*)$/.exec(line)
    if (!match) continue
    const [, indent = '', name = '', operator = '', rest = ''] = match
    if (operator === '=' && indent !== '') continue
    // Gather continuation lines while brackets are open.
    let expression = rest
    let depth = bracketDepth(expression)
    while (depth > 0 && index + 1 < lines.length) {
      index++
      expression += '\n' + (lines[index] as string)
      depth = bracketDepth(expression)
    }
    const value = parseLiteral(expression)
    if (value === undefined) {
      if (operator === '=') values.delete(name)
      continue
    }
    if (operator === '+=') {
      const previous = values.get(name)
      if (Array.isArray(previous) && Array.isArray(value)) values.set(name, [...previous, ...value])
      else if (typeof previous === 'string' && typeof value === 'string') values.set(name, previous + value)
    } else {
      values.set(name, value)
    }
  }
  return values
}

function bracketDepth(text: string): number {
  let depth = 0
  let quote = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = ''
    } else if (char === '#') {
      const end = text.indexOf('\n', index)
      if (end < 0) break
      index = end
    } else if (char === '"' || char === "'") quote = char
    else if (char === '[' || char === '(') depth++
    else if (char === ']' || char === ')') depth--
  }
  return depth
}

/** A string literal (adjacent literals concatenate) or a list/tuple of them; undefined otherwise. */
function parseLiteral(expression: string): Value | undefined {
  const scanner = {text: expression, at: 0}
  skipSpace(scanner)
  const open = scanner.text[scanner.at]
  if (open === '[' || open === '(') {
    const close = open === '[' ? ']' : ')'
    scanner.at++
    const items: string[] = []
    for (;;) {
      skipSpace(scanner)
      if (scanner.text[scanner.at] === close) {
        scanner.at++
        break
      }
      const item = readStrings(scanner)
      if (item === undefined) return undefined
      items.push(item)
      skipSpace(scanner)
      if (scanner.text[scanner.at] === ',') scanner.at++
      else if (scanner.text[scanner.at] !== close) return undefined
    }
    skipSpace(scanner)
    return scanner.at >= scanner.text.length ? items : undefined
  }
  const value = readStrings(scanner)
  skipSpace(scanner)
  return value !== undefined && scanner.at >= scanner.text.length ? value : undefined
}

interface Scanner {
  text: string
  at: number
}

function skipSpace(scanner: Scanner): void {
  while (scanner.at < scanner.text.length) {
    const char = scanner.text[scanner.at]
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\\') scanner.at++
    else if (char === '#') {
      const end = scanner.text.indexOf('\n', scanner.at)
      scanner.at = end < 0 ? scanner.text.length : end
    } else break
  }
}

function readStrings(scanner: Scanner): string | undefined {
  let result: string | undefined
  for (;;) {
    skipSpace(scanner)
    const one = readString(scanner)
    if (one === undefined) return result
    result = (result ?? '') + one
  }
}

function readString(scanner: Scanner): string | undefined {
  const start = scanner.at
  let raw = false
  while (/[rRuUbB]/.test(scanner.text[scanner.at] ?? '')) {
    if (/[rR]/.test(scanner.text[scanner.at] as string)) raw = true
    scanner.at++
  }
  const quote = scanner.text[scanner.at]
  if (quote !== '"' && quote !== "'") {
    scanner.at = start
    return undefined
  }
  const triple = scanner.text.startsWith(quote.repeat(3), scanner.at)
  const delimiter = triple ? quote.repeat(3) : quote
  scanner.at += delimiter.length
  let out = ''
  while (scanner.at < scanner.text.length) {
    if (scanner.text.startsWith(delimiter, scanner.at)) {
      scanner.at += delimiter.length
      return out
    }
    const char = scanner.text[scanner.at] as string
    if (char === '\\' && !raw) {
      const next = scanner.text[scanner.at + 1] ?? ''
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next
      scanner.at += 2
      continue
    }
    if (char === '\n' && !triple) break
    out += char
    scanner.at++
  }
  scanner.at = start
  return undefined
}
