// Conformance with docutils on the QEMU corpus: every docs file parsed by
// fromRst and compared with the oracle's records. Prints the agreement figure
// and the first differences per file; asserts no crash and that at least
// `floor.json`'s number of files agree (the lead raises it as the parser
// improves). `CONFORMANCE_FILE=docs/x.rst` shows one file's full diff.

import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {type RunResult, corpusFiles, hasCorpus, loadParser, parserAppliesTransforms, qemuSubstitutions, runFile} from './corpus.ts'

const fromRst = hasCorpus ? await loadParser() : null
const floor = JSON.parse(readFileSync(new URL('./floor.json', import.meta.url), 'utf8')) as {files: number}
const only = process.env.CONFORMANCE_FILE

if (!hasCorpus) console.log('conformance: skipped, ../shared (QEMU corpus and docutils oracle) is absent')
else if (!fromRst) console.log('conformance: skipped, src/rst/index.ts does not export fromRst yet')

function percent(matched: number, total: number): string {
  return total === 0 ? '100.0' : ((matched / total) * 100).toFixed(1)
}

describe.skipIf(!hasCorpus || !fromRst)('docutils conformance on the QEMU corpus', () => {
  it('parses every file without crashing and keeps the agreement floor', () => {
    const parse = fromRst as NonNullable<typeof fromRst>
    const known = qemuSubstitutions()
    let files = corpusFiles()
    if (only) files = files.filter((file) => file.name === only || file.name.endsWith(`/${only}`) || file.path === only)
    const transform = !parserAppliesTransforms(parse)
    const results: RunResult[] = files.map((file) => runFile(file, parse, known, transform))

    const sum = (pick: (r: RunResult) => {matched: number; oracle: number}) =>
      results.reduce((acc, r) => ({matched: acc.matched + pick(r).matched, oracle: acc.oracle + pick(r).oracle}), {matched: 0, oracle: 0})
    const blocks = sum((r) => r.blocks)
    const inline = sum((r) => r.inline)
    const messages = sum((r) => r.messages)
    const directives = sum((r) => r.directives)
    const agree = results.filter((r) => r.agree).length
    const lines: string[] = []
    lines.push(
      `conformance: ${agree}/${results.length} files agree (blocks ${percent(blocks.matched, blocks.oracle)}%, inline ${percent(inline.matched, inline.oracle)}%, messages ${percent(messages.matched, messages.oracle)}%)`,
    )
    lines.push(`  directives ${percent(directives.matched, directives.oracle)}% (${directives.matched}/${directives.oracle}); floor ${floor.files}`)
    const text = sum((r) => r.text)
    const inlineLines = sum((r) => r.inlineLines)
    const attributes = sum((r) => r.attributes)
    const includes = sum((r) => r.includes)
    const messageTexts = sum((r) => r.messageTexts)
    const strict = results.filter((r) => r.agree && r.diffs.length === 0).length
    lines.push(
      `  strict: ${strict}/${results.length} files (block text ${percent(text.matched, text.oracle)}%, inline lines ${percent(inlineLines.matched, inlineLines.oracle)}%, attributes ${percent(attributes.matched, attributes.oracle)}%, includes ${percent(includes.matched, includes.oracle)}%, message wording ${percent(messageTexts.matched, messageTexts.oracle)}%)`,
    )

    // The most frequent kinds of difference, each with one file showing it.
    const classes = new Map<string, {count: number; files: number; example: string}>()
    for (const r of results) {
      const seen = new Set<string>()
      for (const name of r.classes) {
        const entry = classes.get(name) ?? {count: 0, files: 0, example: r.file}
        entry.count++
        if (!seen.has(name)) entry.files++
        seen.add(name)
        classes.set(name, entry)
      }
    }
    const top = [...classes].sort((a, b) => b[1].files - a[1].files || b[1].count - a[1].count).slice(0, 25)
    if (top.length > 0) lines.push('top differences (files, count, example):')
    for (const [name, entry] of top) lines.push(`  ${String(entry.files).padStart(4)} ${String(entry.count).padStart(6)}  ${name}  [${entry.example}]`)

    const perFile = only ? Number.POSITIVE_INFINITY : 4
    for (const r of results) {
      if (r.diffs.length === 0 && !r.crash) continue
      if (r.crash) {
        lines.push(`${r.file}: CRASH ${r.crash.split('\n').slice(0, 3).join(' | ')}`)
        continue
      }
      lines.push(
        `${r.file}${r.agree ? ' (agrees; strict differences)' : ''}: blocks ${r.blocks.matched}/${r.blocks.oracle} (+${r.blocks.ours - r.blocks.matched}), inline ${r.inline.matched}/${r.inline.oracle}, messages ${r.messages.matched}/${r.messages.oracle} (ours ${r.messages.ours})`,
      )
      for (const diff of r.diffs.slice(0, perFile)) lines.push(`    ${diff}`)
      if (r.diffs.length > perFile) lines.push(`    … ${r.diffs.length - perFile} more`)
    }
    console.log(lines.join('\n'))

    const crashes = results.filter((r) => r.crash).map((r) => r.file)
    expect(crashes).toEqual([])
    if (!only) expect(agree).toBeGreaterThanOrEqual(floor.files)
  })
})
