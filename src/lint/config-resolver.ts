// Which config applies to a file: the one `--config` names, or the nearest
// config file above the file's directory (built-in `qemu` defaults when there
// is none), with `--rule` flags on top. Lookups, loaded configs and compiled
// `ignore` globs are cached, so a 300-file run reads each config once.

import {resolve} from 'node:path'
import {applyRuleFlags, type ConfigFiles, defaultConfig, DISK_CONFIG_FILES, findConfigFile, loadConfigFile, type ResolvedConfig} from './config.ts'
import {relativePath} from './files.ts'
import type {Rule} from './types.ts'

export interface ResolverOptions {
  rules: readonly Rule<never>[]
  /** `--config FILE` (absolute), used for every file. */
  explicit?: string
  /** `--rule id=severity` flags. */
  flags?: readonly string[]
  /** Where the built-in defaults' `ignore` would be relative to (the tree root). */
  base: string
  /** Where config files are read from (default: the disk). */
  files?: ConfigFiles
}

export class ConfigResolver {
  private readonly options: ResolverOptions
  private readonly explicit: ResolvedConfig | undefined
  private readonly configs = new Map<string, ResolvedConfig>()
  private readonly lookups = new Map<string, string | null>()
  private readonly matchers = new Map<ResolvedConfig, (path: string) => boolean>()
  private readonly files: ConfigFiles

  constructor(options: ResolverOptions) {
    this.options = options
    const flags = options.flags ?? []
    this.explicit = options.explicit === undefined ? undefined : applyRuleFlags(loadConfigFile(resolve(options.explicit), options.rules), flags, options.rules)
    this.files = options.files ?? DISK_CONFIG_FILES
  }

  /** The config for files in `dir`. */
  forDirectory(dir: string): ResolvedConfig {
    if (this.explicit) return this.explicit
    const {rules, flags = [], base} = this.options
    const path = findConfigFile(dir, this.lookups, this.files) ?? ''
    let config = this.configs.get(path)
    if (!config) {
      config = applyRuleFlags(path ? loadConfigFile(path, rules, [], this.files) : defaultConfig(base, rules), flags, rules)
      this.configs.set(path, config)
    }
    return config
  }

  /** Whether the config's `ignore` globs (relative to its directory) match the file. */
  async isIgnored(config: ResolvedConfig, absolute: string): Promise<boolean> {
    if (config.ignore.length === 0) return false
    let matcher = this.matchers.get(config)
    if (!matcher) {
      const {default: picomatch} = await import('picomatch')
      matcher = picomatch(config.ignore, {dot: true})
      this.matchers.set(config, matcher)
    }
    return matcher(relativePath(config.base, absolute))
  }
}
