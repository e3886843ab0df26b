// Argument parsing with `node:util` parseArgs; its errors become usage
// errors (exit 2) with the offending option named.

import {parseArgs, type ParseArgsConfig} from 'node:util'
import {UsageError} from '../lint/errors.ts'

type Options = NonNullable<ParseArgsConfig['options']>

export function parse<T extends Options>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({args: argv, options, allowPositionals, strict: true})
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`)
  }
}

/** A non-negative integer option value. */
export function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} expects a non-negative integer, not "${value}"`)
  return Number(value)
}
