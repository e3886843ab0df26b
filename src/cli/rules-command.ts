// `qemu-rst-lint rules`: the rule list (id, severity, fixable, description),
// as a table or, with `--format json`, as JSON metadata.

import {rules} from '../../rules/index.ts'
import {ruleUrl} from '../lint/meta.ts'
import {parse} from './args.ts'
import type {Command} from './io.ts'
import {UsageError} from '../lint/errors.ts'

export const rulesCommand: Command = async (argv, io) => {
  const {values} = parse(argv, {format: {type: 'string'}}, false)
  if (values.format === 'json') {
    const list = rules.map(({meta}) => ({
      id: meta.id,
      severity: meta.severity,
      fixable: meta.fixable,
      scope: meta.scope,
      languages: meta.languages,
      description: meta.description,
      url: ruleUrl(meta.id),
    }))
    io.stdout(JSON.stringify(list, null, 2) + '\n')
    return 0
  }
  if (values.format !== undefined && values.format !== 'text') throw new UsageError(`rules --format: expected text or json`)
  const width = Math.max(...rules.map((rule) => rule.meta.id.length), 2)
  let out = `${'id'.padEnd(width)}  severity  fixable  description\n`
  for (const {meta} of rules) {
    out += `${meta.id.padEnd(width)}  ${meta.severity.padEnd(8)}  ${String(meta.fixable || 'no').padEnd(7)}  ${meta.description}\n`
  }
  io.stdout(out)
  return 0
}
