// Small text helpers shared by the target index: docutils' name
// normalization, Sphinx's explicit-title split and backslash unescaping, and
// `astext()` of an inline subtree.

import type {RstNode} from '../rst/types.ts'

/** docutils `fully_normalize_name`: lowercase, whitespace runs → one space, trimmed. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase()
  return COLLAPSED.test(lower) ? lower : lower.split(/\s+/).filter(Boolean).join(' ')
}

/** Collapse whitespace runs to one space, case kept. */
export function collapse(text: string): string {
  return COLLAPSED.test(text) ? text : text.split(/\s+/).filter(Boolean).join(' ')
}

/** Already collapsed (words with single spaces between): the usual case, answered by one native call. */
const COLLAPSED = /^\S+(?: \S+)*$/

/** docutils `unescape`: drop backslashes, and escaped whitespace entirely. */
export function unescape(text: string): string {
  if (!text.includes('\\')) return text
  let out = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    if (char === '\\') {
      const next = text[index + 1]
      index++
      if (next === undefined || next === ' ' || next === '\n' || next === '\t') continue
      out += next
    } else out += char
  }
  return out
}

/**
 * Sphinx `split_explicit_title` on the raw role text: `Title <target>` →
 * {explicit, title, target}; an escaped `\<` does not start a target.
 */
export function splitExplicitTitle(raw: string): {explicit: boolean; title: string; target: string} {
  const trimmed = raw.trim()
  if (trimmed.endsWith('>')) {
    const open = trimmed.lastIndexOf('<')
    if (open > 0 && trimmed[open - 1] !== '\\' && !trimmed.slice(open + 1, -1).includes('<')) {
      const title = trimmed.slice(0, open).trimEnd()
      if (title !== '') return {explicit: true, title: unescape(title), target: unescape(trimmed.slice(open + 1, -1))}
    }
  }
  const text = unescape(trimmed)
  return {explicit: false, title: text, target: text}
}

/** `astext()` of a node: its text with inline markup removed. */
export function nodeText(node: RstNode): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'literal_block') {
    return node.type === 'interpreted_text' ? splitExplicitTitle(node.value).title : node.value
  }
  if ('children' in node) {
    let out = ''
    for (const child of node.children as RstNode[]) out += nodeText(child)
    return out
  }
  return ''
}
