import {readFileSync} from 'node:fs'
import {it} from 'vitest'
import {fileRules} from '/work/main/test/rules/lib/file-rules.ts'
import {runRule} from '/work/main/test/rules/lib/run-rule.ts'
it('show', () => {
  const file = process.env.F!
  const text = readFileSync(file, 'utf8')
  for (const rule of fileRules) {
    if (process.env.R && rule.meta.id !== process.env.R) continue
    for (const f of runRule(rule, text, {}, file)) {
      const p = f.report.place as any
      const s = typeof p.start === 'number' ? text.slice(p.start, p.end) : text.slice(p.start.offset, p.end.offset)
      console.log(`${f.where} [${rule.meta.id}] ${JSON.stringify(s)} :: ${process.env.FULL ? f.message : f.message.slice(0, 100)}`)
    }
  }
})
