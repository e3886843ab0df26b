// Submodule paths from `.gitmodules`: a fresh checkout lacks their content,
// yet MAINTAINERS patterns under them are not stale.

export function readSubmodulePaths(text: string | undefined): string[] {
  if (!text) return []
  const paths: string[] = []
  for (const line of text.split('\n')) {
    const match = /^\s*path\s*=\s*(.+?)\s*$/.exec(line)
    if (match?.[1]) paths.push(match[1].replace(/\/+$/, ''))
  }
  return paths
}
