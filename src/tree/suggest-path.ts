// "Did you mean": the file a stale path most likely names now — the only
// file with the same name that shares a folder name with the old path (or
// any, when the old path had no folder). Moved files keep their name.

export function suggestMovedPath(path: string, names: ReadonlyMap<string, readonly string[]>): string | undefined {
  if (/[*?[]/.test(path)) return undefined
  const slash = path.lastIndexOf('/')
  const base = path.slice(slash + 1)
  if (!base) return undefined
  const folders = new Set(slash < 0 ? [] : path.slice(0, slash).split('/'))
  const candidates = (names.get(base) ?? []).filter(
    (candidate) => candidate !== path && (folders.size === 0 || candidate.split('/').slice(0, -1).some((folder) => folders.has(folder))),
  )
  return candidates.length === 1 ? candidates[0] : undefined
}
