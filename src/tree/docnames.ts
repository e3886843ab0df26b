// Sphinx document names: a docs-relative path without `.rst`, joined the way
// Sphinx's `docname_join` does (relative to the referring document, or
// absolute with a leading `/`), and Sphinx's own glob flavour
// (`sphinx.util.matching`) for `exclude_patterns` and `:glob:` toctrees.

/** `docname_join`: resolve `name` against the folder of `base`; `/x` is absolute; `..` stops at the top. */
export function docnameJoin(base: string, name: string): string {
  const joined = name.startsWith('/') ? name : `${dirnameOf(base)}/${name}`
  return normalizePath(joined, true)
}

export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/** posixpath.normpath without the leading slash: `a/./b/../c` → `a/c` (`rooted`: `..` above the top vanishes). */
export function normalizePath(path: string, rooted = false): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
    } else out.push(part)
  }
  return out.join('/')
}

const patternCache = new Map<string, RegExp>()

/**
 * Sphinx's glob: `**` crosses folders, `*` and `?` stay within one, `[...]`
 * is a class (`[!...]` negated). Compiled once per pattern.
 */
export function sphinxPattern(pattern: string): RegExp {
  let compiled = patternCache.get(pattern)
  if (compiled) return compiled
  let out = ''
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        out += '.*'
        index++
      } else out += '[^/]*'
    } else if (char === '?') out += '[^/]'
    else if (char === '[') {
      const close = pattern.indexOf(']', index + 2)
      if (close < 0) out += '\\['
      else {
        let body = pattern.slice(index + 1, close)
        if (body.startsWith('!')) body = `^/${body.slice(1)}`
        out += `[${body.replace(/\\/g, '\\\\')}]`
        index = close
      }
    } else out += char.replace(/[.+^${}()|\\/]/g, '\\$&')
  }
  try {
    compiled = new RegExp(`^${out}$`)
  } catch {
    compiled = /(?!)/
  }
  patternCache.set(pattern, compiled)
  return compiled
}

/** Whether a docs-relative path (or one of its folders) matches an exclude pattern. */
export function isExcluded(path: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false
  const regexps = patterns.map(sphinxPattern)
  let candidate = path
  for (;;) {
    if (regexps.some((regexp) => regexp.test(candidate))) return true
    const slash = candidate.lastIndexOf('/')
    if (slash < 0) return false
    candidate = candidate.slice(0, slash)
  }
}

/** Levenshtein distance with an early exit above `limit` (for "did you mean"). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let row = 1; row <= a.length; row++) {
    const current = [row]
    let best = row
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1
      const value = Math.min((previous[column] as number) + 1, (current[column - 1] as number) + 1, (previous[column - 1] as number) + cost)
      current.push(value)
      if (value < best) best = value
    }
    if (best > limit) return limit + 1
    previous = current
  }
  return previous[b.length] as number
}
