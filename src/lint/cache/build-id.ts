// The identity of the running linter code, part of every cache key: a cache
// written by another build must never be read. From the bundle (dist/*.js:
// names, sizes, mtimes), or, when run from source (tests), from every
// src/ and rules/ module, so any code change invalidates the cache.

import {readdirSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {VERSION} from '../meta.ts'
import {hashParts} from './hash.ts'

let memo: string | undefined

export function buildId(): string {
  if (memo !== undefined) return memo
  const self = fileURLToPath(import.meta.url)
  const parts = [VERSION]
  if (self.endsWith('.ts')) {
    const packageRoot = resolve(dirname(self), '../../..')
    for (const dir of ['src', 'rules']) stamp(join(packageRoot, dir), true, parts)
  } else {
    stamp(dirname(self), false, parts)
  }
  return (memo = hashParts(parts))
}

function stamp(dir: string, recursive: boolean, parts: string[]): void {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    parts.push(`missing ${dir}`)
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (recursive) stamp(path, true, parts)
    } else if (/\.(?:ts|js|cjs|json)$/.test(entry.name)) {
      try {
        const stat = statSync(path)
        parts.push(`${path} ${stat.size} ${stat.mtimeMs}`)
      } catch {
        parts.push(`gone ${path}`)
      }
    }
  }
}
