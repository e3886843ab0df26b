// Generate docs/rules.md from the rule metadata: per rule its description,
// severity, fixability, why / what instead, options, and its examples as
// Bad / Good pairs. test/rules/generated.test.ts fails when the file is stale
// (`UPDATE=1` rewrites it).

import {readFileSync, writeFileSync, existsSync, mkdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Rule} from '../src/lint/types.ts'

export const DOCS_PATH = fileURLToPath(new URL('../docs/rules.md', import.meta.url))

function fence(text: string, path: string | undefined): string {
  const language = path?.endsWith('.md') ? 'markdown' : 'rst'
  const shown = text.replaceAll('\t', '→').replaceAll('\r', '␍').replace(/ +$/gm, (spaces) => '·'.repeat(spaces.length))
  const ticks = shown.includes('```') ? '````' : '```'
  return `${ticks}${language}\n${shown.endsWith('\n') ? shown : `${shown}⏎\n`}${ticks}`
}

export function rulesDoc(rules: readonly Rule<never>[]): string {
  let out = `# Rules\n\n<!-- Generated from the rule metadata by scripts/gen-docs.ts; do not edit. -->\n\n`
  out += `Whitespace is shown as \`·\` (trailing space), \`→\` (tab) and \`␍\` (carriage return).\n\n`
  out += rulesTable(rules, '#')
  for (const {meta} of rules) {
    out += `\n## ${meta.id}\n\n${meta.description}.\n\n`
    out += `- Severity: \`${meta.severity}\`; fix: ${meta.fixable ? `\`${meta.fixable}\`` : 'none'}; applies to: ${meta.languages.join(', ')}${meta.scope === 'project' ? ' (project-level)' : ''}\n\n`
    out += `**Why.** ${meta.docs.why}\n\n**Instead.** ${meta.docs.instead}\n\n`
    if (meta.docs.options) out += `**Options.** ${meta.docs.options}\n\n`
    const bad = meta.examples.filter((example) => example.errors?.length)
    const good = meta.examples.filter((example) => !example.errors?.length)
    for (const example of bad) {
      out += `Bad${example.title ? ` (${example.title})` : ''}:\n\n${fence(example.input, example.path)}\n\n`
      if (example.output !== undefined) out += `Fixed:\n\n${fence(example.output, example.path)}\n\n`
    }
    for (const example of good) out += `Good${example.title ? ` (${example.title})` : ''}:\n\n${fence(example.input, example.path)}\n\n`
  }
  return out.replace(/\n+$/, '\n')
}

/** Rewrite docs/rules.md if stale; returns whether it changed. */
export function writeRulesDoc(rules: readonly Rule<never>[]): boolean {
  const next = rulesDoc(rules)
  if (existsSync(DOCS_PATH) && readFileSync(DOCS_PATH, 'utf8') === next) return false
  mkdirSync(new URL('../docs/', import.meta.url), {recursive: true})
  writeFileSync(DOCS_PATH, next)
  return true
}

/** The one-line-per-rule table, linking each id to `${base}<id>`. */
export function rulesTable(rules: readonly Rule<never>[], base: string): string {
  let out = `| rule | severity | fix | description |\n| --- | --- | --- | --- |\n`
  for (const {meta} of rules) out += `| [${meta.id}](${base}${meta.id}) | ${meta.severity} | ${meta.fixable || '—'} | ${meta.description} |\n`
  return out
}

export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url))
const START = '<!-- rules:start -->\n'
const END = '<!-- rules:end -->'

/** The README with its rule table (between the rules:start/end markers) regenerated. */
export function readmeWithRules(readme: string, rules: readonly Rule<never>[]): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) return readme
  return readme.slice(0, start + START.length) + rulesTable(rules, 'docs/rules.md#') + readme.slice(end)
}

/** Rewrite the README's rule table if stale; returns whether it changed. */
export function writeReadmeRules(rules: readonly Rule<never>[]): boolean {
  const current = readFileSync(README_PATH, 'utf8')
  const next = readmeWithRules(current, rules)
  if (next === current) return false
  writeFileSync(README_PATH, next)
  return true
}
