// `qemu-rst-lint install-hook` / `uninstall-hook`: a plain git pre-commit
// hook that runs `--staged`, for those not using the pre-commit framework.
// It goes where git looks for hooks (`core.hooksPath`, or the common git dir
// that linked worktrees share) and carries a signature line, so that a hook
// someone else wrote is never overwritten (unless --force) nor removed.

import {chmodSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {UsageError} from '../lint/errors.ts'
import {discoverRepo, type GitRepo} from '../git/repo.ts'
import {parse} from './args.ts'
import type {Command, Io} from './io.ts'

export const HOOK_SIGNATURE = '# qemu-rst-lint: pre-commit hook written by `qemu-rst-lint install-hook`'

/**
 * The hook: hooks run at the top of the worktree, where a project-local
 * install sits in node_modules/.bin; else an installed `qemu-rst-lint` on
 * PATH; else npx, told not to download anything in the middle of a commit.
 */
export const HOOK_SCRIPT = `#!/bin/sh
${HOOK_SIGNATURE}
# Lints the staged documentation and fails the commit on problems it introduces.
# Skip once with \`git commit --no-verify\`; remove with \`qemu-rst-lint uninstall-hook\`.
top=$(git rev-parse --show-toplevel) || exit 2
if [ -x "$top/node_modules/.bin/qemu-rst-lint" ]; then
  exec "$top/node_modules/.bin/qemu-rst-lint" --staged
elif command -v qemu-rst-lint >/dev/null 2>&1; then
  exec qemu-rst-lint --staged
else
  exec npx --no-install qemu-rst-lint --staged
fi
`

const OPTIONS = {
  force: {type: 'boolean'},
  tree: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const

export function hookHelp(): string {
  return `Usage: qemu-rst-lint install-hook [--force] [--tree DIR]
       qemu-rst-lint uninstall-hook [--tree DIR]

install-hook writes a git pre-commit hook that runs \`qemu-rst-lint --staged\`
(into core.hooksPath if set, else the repository's hooks directory, shared by
its worktrees). An existing hook it did not write is kept unless --force,
which moves it aside to pre-commit.qemu-rst-lint-backup.
uninstall-hook removes the hook only if install-hook wrote it.

Exit status: 0 done, 2 refused or not in a git repository.
`
}

export function isOurHook(text: string): boolean {
  return text.includes(HOOK_SIGNATURE)
}

async function hookPath(argv: string[], io: Io): Promise<{path: string; force: boolean; shown: string} | undefined> {
  const {values} = parse(argv, OPTIONS, false)
  if (values.help) {
    io.stdout(hookHelp())
    return undefined
  }
  const repo: GitRepo | {error: string} = await discoverRepo(values.tree === undefined ? io.cwd : resolve(io.cwd, values.tree), io.env as NodeJS.ProcessEnv)
  if ('error' in repo) throw new UsageError(repo.error)
  const path = join(repo.hooksDir, 'pre-commit')
  const shown = relative(io.cwd, path) || path
  return {path, force: values.force === true, shown: shown.startsWith('..') ? path : shown}
}

function readHook(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return existsSync(path) ? '' : undefined
  }
}

export const installHookCommand: Command = async (argv, io) => {
  const where = await hookPath(argv, io)
  if (!where) return 0
  const {path, force, shown} = where
  const existing = readHook(path)
  if (existing !== undefined && !isOurHook(existing)) {
    if (!force) throw new UsageError(`install-hook: ${shown} exists and was not written by qemu-rst-lint; keep it, or pass --force to replace it (it is moved aside)`)
    renameSync(path, `${path}.qemu-rst-lint-backup`)
    io.stdout(`moved the existing hook to ${shown}.qemu-rst-lint-backup\n`)
  }
  mkdirSync(join(path, '..'), {recursive: true})
  writeFileSync(path, HOOK_SCRIPT)
  chmodSync(path, 0o755)
  io.stdout(`${existing !== undefined && isOurHook(existing) ? 'updated' : 'installed'} ${shown}: commits now run \`qemu-rst-lint --staged\`\n`)
  return 0
}

export const uninstallHookCommand: Command = async (argv, io) => {
  const where = await hookPath(argv, io)
  if (!where) return 0
  const {path, shown} = where
  const existing = readHook(path)
  if (existing === undefined) {
    io.stdout(`no pre-commit hook at ${shown}; nothing to remove\n`)
    return 0
  }
  if (!isOurHook(existing)) throw new UsageError(`uninstall-hook: ${shown} was not written by qemu-rst-lint; left in place`)
  unlinkSync(path)
  io.stdout(`removed ${shown}\n`)
  return 0
}
