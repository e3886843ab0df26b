// Dispatch: the first argument names a command (`rules`, `ast`, `patch`,
// `install-hook`, `uninstall-hook`), otherwise it is a lint run (of the git
// index with `--staged`). Each command is one module, loaded on demand.
// Usage errors print one line and exit 2.

import {UsageError} from '../lint/errors.ts'
import {VERSION} from '../lint/meta.ts'
import {helpText} from './help.ts'
import type {Command, Io} from './io.ts'

const COMMANDS: Record<string, () => Promise<Command>> = {
  rules: async () => (await import('./rules-command.ts')).rulesCommand,
  ast: async () => (await import('./ast-command.ts')).astCommand,
  patch: async () => (await import('./patch-command.ts')).patchCommand,
  'install-hook': async () => (await import('./hook-command.ts')).installHookCommand,
  'uninstall-hook': async () => (await import('./hook-command.ts')).uninstallHookCommand,
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const first = argv[0]
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout(helpText())
      return 0
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${VERSION}\n`)
      return 0
    }
    const load = first === undefined ? undefined : COMMANDS[first]
    if (load) return await (await load())(argv.slice(1), io)
    // `--staged` is a mode of the main command with its own module (git, patch mode).
    if (argv.includes('--staged')) return await (await import('./staged-command.ts')).stagedCommand(argv, io)
    const {lintCommand} = await import('./lint-command.ts')
    return await lintCommand(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`qemu-rst-lint: ${error.message}\n`)
      return 2
    }
    const detail = io.env['QEMU_RST_LINT_DEBUG'] ? `\n${(error as Error).stack}` : ''
    io.stderr(`qemu-rst-lint: internal error: ${(error as Error)?.message ?? String(error)}${detail}\n`)
    return 2
  }
}
