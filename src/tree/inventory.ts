// Sphinx inventories (`objects.inv`, version 2): four header lines, then
// zlib-compressed lines `name domain:role priority uri dispname`. They stand
// in for sources a checkout lacks (kernel-doc headers, D-Bus XML).

import {createRequire} from 'node:module'
import type * as Zlib from 'node:zlib'

/** `node:zlib` on first use: most runs read no inventory, and it costs start-up time. */
function inflateSync(data: Uint8Array): Buffer {
  return (createRequire(import.meta.url)('node:zlib') as typeof Zlib).inflateSync(data)
}

export interface InventoryEntry {
  name: string
  domain: string
  role: string
  priority: number
  uri: string
  dispname: string
}

/** Parse inventory bytes; a malformed file yields what could be read (never throws). */
export function readInventory(data: Uint8Array): InventoryEntry[] {
  let at = 0
  for (let line = 0; line < 4; line++) {
    const end = data.indexOf(10, at)
    if (end < 0) return []
    at = end + 1
  }
  const header = new TextDecoder().decode(data.subarray(0, at))
  if (!header.startsWith('# Sphinx inventory version 2')) return []
  let text: string
  try {
    text = inflateSync(data.subarray(at)).toString('utf8')
  } catch {
    return []
  }
  const entries: InventoryEntry[] = []
  for (const line of text.split('\n')) {
    const tokens = line.trim().split(/\s+/)
    // The name may hold spaces: find `domain:role priority` after it.
    for (let index = 1; index + 2 < tokens.length + 1; index++) {
      const kind = tokens[index] as string
      const priority = tokens[index + 1]
      const colon = kind.indexOf(':')
      if (colon <= 0 || priority === undefined || !/^-?\d+$/.test(priority)) continue
      const name = tokens.slice(0, index).join(' ')
      let uri = tokens[index + 2] ?? ''
      if (uri.endsWith('$')) uri = uri.slice(0, -1) + name
      const dispname = tokens.slice(index + 3).join(' ')
      entries.push({name, domain: kind.slice(0, colon), role: kind.slice(colon + 1), priority: Number(priority), uri, dispname: dispname === '-' ? name : dispname})
      break
    }
  }
  return entries
}
