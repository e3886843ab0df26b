// `qemu-rst-lint ast FILE`: the syntax tree the rules see, as JSON with
// positions — for writing rules and reporting parser bugs.

import {resolve} from 'node:path'
import {UsageError} from '../lint/errors.ts'
import {readText} from '../lint/files.ts'
import {languageOf, loadMarkdown} from '../lint/parsers.ts'
import {fromRst} from '../rst/index.ts'
import {parse} from './args.ts'
import type {Command} from './io.ts'

export const astCommand: Command = async (argv, io) => {
  const {positionals} = parse(argv, {})
  if (positionals.length !== 1) throw new UsageError('ast: expected exactly one FILE')
  const path = resolve(io.cwd, positionals[0]!)
  const read = readText(path)
  if (!read.ok) throw new UsageError(`${positionals[0]}:${read.line}:${read.column}: ${read.reason}`)
  let tree: unknown
  if (languageOf(path) === 'markdown') {
    await loadMarkdown()
    const {default: remarkParse} = await import('remark-parse')
    const {unified} = await import('unified')
    tree = unified().use(remarkParse).parse(read.text)
  } else {
    tree = fromRst(read.text)
  }
  io.stdout(JSON.stringify(tree, null, 2) + '\n')
  return 0
}
