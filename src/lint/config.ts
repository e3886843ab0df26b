// Configuration: `.qemu-rst-lint.json` (or a `qemu-rst-lint` key in
// package.json), the nearest one found upward from each linted file, or the
// one `--config` names. `extends` presets or other config files, `rules`
// severities and options, `ignore` picomatch globs. Every mistake is a
// UsageError naming the offending key.

import {readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {UsageError} from './errors.ts'
import type {RuleSetting} from './plugin.ts'
import {isPreset, presetRules, PRESETS, type RuleEntry} from './presets.ts'
import type {Rule, SeveritySetting} from './types.ts'

export const CONFIG_NAME = '.qemu-rst-lint.json'

/**
 * Where config files are read from (absolute paths): the disk, or for
 * `--staged` the git index within the checkout, so that the config a commit
 * records is the one that judges it.
 */
export interface ConfigFiles {
  /** The file's text, or undefined when there is none. */
  read(path: string): string | undefined
}

export const DISK_CONFIG_FILES: ConfigFiles = {
  read(path) {
    try {
      return readFileSync(path, 'utf8')
    } catch {
      return undefined
    }
  },
}
const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error']
const TOP_KEYS = new Set(['$schema', 'extends', 'rules', 'ignore'])

export interface ResolvedConfig {
  /** The config file it came from; undefined for built-in defaults. */
  path?: string
  /** The directory `ignore` globs are relative to. */
  base: string
  rules: Map<string, RuleEntry>
  ignore: string[]
}

/** The enabled rules of a config, as the engine wants them. */
export function settingsOf(config: ResolvedConfig): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>()
  for (const [id, entry] of config.rules) {
    if (entry.severity !== 'off') out.set(id, {severity: entry.severity, options: entry.options})
  }
  return out
}

/** The built-in config used when no file is found: the `qemu` preset. */
export function defaultConfig(base: string, rules: readonly Rule<never>[]): ResolvedConfig {
  return {base, rules: presetRules('qemu', rules), ignore: []}
}

/** Read a config file (`.json`, or a package.json with a `qemu-rst-lint` key). */
export function loadConfigFile(path: string, rules: readonly Rule<never>[], seen: string[] = [], files: ConfigFiles = DISK_CONFIG_FILES): ResolvedConfig {
  const absolute = resolve(path)
  if (seen.includes(absolute)) throw new UsageError(`${path}: \`extends\` loops back to itself`)
  const text = files.read(absolute)
  if (text === undefined) throw new UsageError(`cannot read config ${path}: ${readError(absolute)}`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${path}: invalid JSON: ${(error as Error).message}`)
  }
  if (absolute.endsWith('package.json')) raw = (raw as Record<string, unknown> | null)?.['qemu-rst-lint']
  return resolveConfig(raw, absolute, rules, [...seen, absolute], files)
}

/** Why a config file cannot be read from the disk (`ENOENT`, `EACCES`, …). */
function readError(path: string): string {
  try {
    readFileSync(path)
    return 'not among the files being checked (for --staged: not in the git index)'
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error)
  }
}

/** Validate and resolve a raw config object. */
export function resolveConfig(raw: unknown, path: string, rules: readonly Rule<never>[], seen: string[] = [], files: ConfigFiles = DISK_CONFIG_FILES): ResolvedConfig {
  const where = path
  if (!isObject(raw)) throw new UsageError(`${where}: the config must be a JSON object`)
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.has(key)) throw new UsageError(`${where}: unknown key \`${key}\` (expected extends, rules, ignore)`)
  }
  const base = dirname(path)
  const extendsValue = raw['extends'] ?? 'qemu'
  const list = typeof extendsValue === 'string' ? [extendsValue] : extendsValue
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    throw new UsageError(`${where}: \`extends\` must be a preset name or a list of them`)
  }
  const resolved: ResolvedConfig = {path, base, rules: new Map(), ignore: []}
  for (const name of list as string[]) {
    if (isPreset(name)) {
      for (const [id, entry] of presetRules(name, rules)) resolved.rules.set(id, entry)
    } else if (name.startsWith('.') || name.startsWith('/')) {
      const parent = loadConfigFile(resolve(base, name), rules, seen, files)
      for (const [id, entry] of parent.rules) resolved.rules.set(id, entry)
      resolved.ignore.push(...parent.ignore.map((glob) => rebase(parent.base, base, glob)))
    } else {
      throw new UsageError(`${where}: \`extends\`: unknown preset \`${name}\` (expected ${PRESETS.join(', ')} or a path)`)
    }
  }
  const ruleValues = raw['rules'] ?? {}
  if (!isObject(ruleValues)) throw new UsageError(`${where}: \`rules\` must be an object`)
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]))
  for (const [id, value] of Object.entries(ruleValues)) {
    resolved.rules.set(id, parseRuleValue(id, value, byId, `${where}: rules.${id}`))
  }
  const ignore = raw['ignore'] ?? []
  if (!Array.isArray(ignore) || ignore.some((glob) => typeof glob !== 'string')) {
    throw new UsageError(`${where}: \`ignore\` must be a list of glob strings`)
  }
  resolved.ignore.push(...(ignore as string[]))
  return resolved
}

/** Check one `rules` entry: `"error"` or `["warning", {options}]`. */
export function parseRuleValue(id: string, value: unknown, byId: ReadonlyMap<string, Rule<never>>, where: string): RuleEntry {
  const rule = byId.get(id)
  if (!rule) throw new UsageError(`${where}: unknown rule \`${id}\` (\`qemu-rst-lint rules\` lists them)`)
  const [severity, options] = Array.isArray(value) ? value : [value, undefined]
  if (Array.isArray(value) && value.length > 2) throw new UsageError(`${where}: expected [severity, options]`)
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
    throw new UsageError(`${where}: invalid severity ${JSON.stringify(severity)} (expected off, info, warning or error)`)
  }
  return {severity: severity as SeveritySetting, options: checkOptions(rule, options, where)}
}

/** Options must be an object whose keys the rule declares, each of its default's type. */
function checkOptions(rule: Rule<never>, options: unknown, where: string): Record<string, unknown> {
  if (options === undefined) return {}
  if (!isObject(options)) throw new UsageError(`${where}: options must be an object`)
  const defaults = rule.meta.defaultOptions ?? {}
  for (const [key, value] of Object.entries(options)) {
    if (!(key in defaults)) {
      const known = Object.keys(defaults)
      throw new UsageError(`${where}: unknown option \`${key}\`${known.length ? ` (expected ${known.join(', ')})` : ' (the rule takes no options)'}`)
    }
    const expected = kindOf(defaults[key])
    if (expected !== 'undefined' && expected !== 'null' && kindOf(value) !== expected) {
      throw new UsageError(`${where}: option \`${key}\` must be ${expected === 'array' ? 'an array' : `a ${expected}`}`)
    }
  }
  return options
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

/** Apply `--rule id=severity` overrides. */
export function applyRuleFlags(config: ResolvedConfig, flags: readonly string[], rules: readonly Rule<never>[]): ResolvedConfig {
  if (flags.length === 0) return config
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]))
  const out: ResolvedConfig = {...config, rules: new Map(config.rules)}
  for (const flag of flags) {
    const eq = flag.indexOf('=')
    if (eq <= 0) throw new UsageError(`--rule ${flag}: expected id=severity (e.g. no-tabs=off)`)
    const id = flag.slice(0, eq)
    const previous = out.rules.get(id)
    const entry = parseRuleValue(id, flag.slice(eq + 1), byId, `--rule ${flag}`)
    out.rules.set(id, {severity: entry.severity, options: previous?.options ?? {}})
  }
  return out
}

/** The nearest config file at or above `dir`: `.qemu-rst-lint.json`, or a package.json with our key. */
export function findConfigFile(dir: string, cache = new Map<string, string | null>(), files: ConfigFiles = DISK_CONFIG_FILES): string | undefined {
  const visited: string[] = []
  let current = resolve(dir)
  let found: string | null = null
  for (;;) {
    const cached = cache.get(current)
    if (cached !== undefined) {
      found = cached
      break
    }
    visited.push(current)
    const candidate = join(current, CONFIG_NAME)
    if (files.read(candidate) !== undefined) {
      found = candidate
      break
    }
    const pkg = join(current, 'package.json')
    if (hasPackageKey(pkg, files)) {
      found = pkg
      break
    }
    const parent = dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const path of visited) cache.set(path, found)
  return found ?? undefined
}

function hasPackageKey(path: string, files: ConfigFiles): boolean {
  const text = files.read(path)
  if (text === undefined) return false
  try {
    const data = JSON.parse(text) as Record<string, unknown> | null
    return isObject(data) && 'qemu-rst-lint' in data
  } catch {
    return false
  }
}

/** The resolved config as plain JSON (`--print-config`). */
export function printableConfig(config: ResolvedConfig): Record<string, unknown> {
  const rules: Record<string, unknown> = {}
  for (const id of [...config.rules.keys()].sort()) {
    const entry = config.rules.get(id)!
    rules[id] = Object.keys(entry.options).length ? [entry.severity, entry.options] : entry.severity
  }
  return {...(config.path ? {path: config.path} : {}), rules, ignore: config.ignore}
}

function rebase(from: string, to: string, glob: string): string {
  if (from === to) return glob
  const rel = from.startsWith(to + '/') ? from.slice(to.length + 1) : undefined
  return rel ? `${rel}/${glob}` : glob
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
