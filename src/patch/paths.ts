// Paths named by a diff, turned into tree-relative paths: git's C quoting
// undone, the `a/`/`b/` prefix stripped (as `git apply -p1`), and anything that
// would leave the tree rejected, since a patch must never name files outside it.

/** Undo git's C-style quoting of a path (`"a/x\tb"`); unquoted text is returned as is. */
export function unquotePath(raw: string): string {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return raw
  const bytes: number[] = []
  const body = raw.slice(1, -1)
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\' || i + 1 >= body.length) {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b)
      continue
    }
    const n = body[++i]!
    const simple: Record<string, number> = {a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92}
    if (n in simple) bytes.push(simple[n]!)
    else if (n >= '0' && n <= '7') {
      // Up to three octal digits: git quotes every non-ASCII byte this way.
      let v = 0
      let k = 0
      while (k < 3 && i < body.length && body[i]! >= '0' && body[i]! <= '7') {
        v = v * 8 + (body.charCodeAt(i) - 48)
        i++
        k++
      }
      i--
      bytes.push(v & 0xff)
    } else for (const b of Buffer.from(n, 'utf8')) bytes.push(b)
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Drop the timestamp GNU diff writes after a tab on `---`/`+++` lines. */
export function stripTimestamp(raw: string): string {
  if (raw.startsWith('"')) {
    // A quoted name ends at its closing quote; whatever follows is not the name.
    let i = 1
    while (i < raw.length && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1
    return raw.slice(0, i + 1)
  }
  const tab = raw.indexOf('\t')
  return (tab >= 0 ? raw.slice(0, tab) : raw).replace(/\s+$/, '')
}

export type PathResult = {ok: true; path: string} | {ok: false; error: string}

/**
 * The tree-relative path of a diff name: strips one leading component
 * (`a/`, `b/`, or git's mnemonic `i/`, `w/`…) when `strip` is set, removes `./`
 * parts, and rejects absolute paths and `..`.
 */
export function treePath(raw: string, strip: boolean): PathResult {
  const name = unquotePath(raw)
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name))
    return {ok: false, error: `path \`${name}\` is absolute: a patch may only name files inside the tree`}
  if (name.includes('\0')) return {ok: false, error: 'path contains a NUL byte'}
  let parts = name.split('/').filter((p) => p !== '' && p !== '.')
  if (strip && parts.length > 1) parts = parts.slice(1)
  if (parts.some((p) => p === '..'))
    return {ok: false, error: `path \`${name}\` leaves the tree (\`..\`): a patch may only name files inside it`}
  if (parts.length === 0) return {ok: false, error: `empty path \`${name}\``}
  return {ok: true, path: parts.join('/')}
}

/**
 * Split the names of a `diff --git a/x b/y` line. Unambiguous when quoted;
 * otherwise git's own rule: both names are the same file unless it's a rename,
 * in which case the `rename from/to` lines give the real names anyway.
 */
export function splitGitHeader(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    let i = 1
    while (i < rest.length && rest[i] !== '"') i += rest[i] === '\\' ? 2 : 1
    const first = rest.slice(0, i + 1)
    const second = rest.slice(i + 1).trim()
    return second ? [first, second] : undefined
  }
  if (rest.endsWith('"')) {
    const open = rest.lastIndexOf(' "')
    if (open > 0) return [rest.slice(0, open), rest.slice(open + 1)]
  }
  // Same name on both sides: "a/P b/P" has the space exactly in the middle.
  const mid = (rest.length - 1) / 2
  if (Number.isInteger(mid) && rest[mid] === ' ') {
    const a = rest.slice(0, mid)
    const b = rest.slice(mid + 1)
    if (a.slice(a.indexOf('/') + 1) === b.slice(b.indexOf('/') + 1)) return [a, b]
  }
  const sep = rest.indexOf(' b/')
  if (sep > 0) return [rest.slice(0, sep), rest.slice(sep + 1)]
  const space = rest.indexOf(' ')
  return space > 0 ? [rest.slice(0, space), rest.slice(space + 1)] : undefined
}
