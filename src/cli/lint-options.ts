// The options the main command and `--staged` both take, and the checks on
// their values, declared once so the two commands accept the same spellings
// and reject bad values with the same messages (`patch` shares the colour choice).

import {UsageError} from '../lint/errors.ts'
import {enableTiming} from '../lint/timing.ts'
import {FORMATS, isFormat, type FormatName} from '../report/index.ts'
import {integer} from './args.ts'
import type {Io} from './io.ts'

/** `parseArgs` options common to linting the tree (main command) and the staged change. */
export const LINT_OPTIONS = {
  tree: {type: 'string'},
  inventory: {type: 'string', multiple: true},
  config: {type: 'string'},
  rule: {type: 'string', multiple: true},
  format: {type: 'string'},
  quiet: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  fix: {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  timing: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
} as const

/** Turns timing on if asked (`--timing` or `TIMING`), then checks `--format` and `--max-warnings`. */
export function lintSettings(
  values: {timing?: boolean; format?: string; 'max-warnings'?: string},
  io: Io,
): {format: FormatName; maxWarnings: number | undefined} {
  if (values.timing || io.env['TIMING']) enableTiming()
  const format = values.format ?? 'stylish'
  if (!isFormat(format)) throw new UsageError(`--format: unknown format "${format}" (expected ${Object.keys(FORMATS).join(', ')})`)
  return {format, maxWarnings: integer('max-warnings', values['max-warnings'])}
}

/** Colour: `--no-color` wins over `--color`; by default on a terminal unless `NO_COLOR` is set. */
export function useColor(values: {color?: boolean; 'no-color'?: boolean}, io: Io): boolean {
  return values['no-color'] ? false : values.color ? true : io.isTTY && !io.env['NO_COLOR']
}
