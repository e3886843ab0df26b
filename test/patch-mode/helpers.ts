// Shared by the patch-mode tests: run `qemu-rst-lint patch …` in-process with
// captured output (and an optional stdin), and the paths of the fixtures and
// of the shared QEMU material.

import {readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {run} from '../../src/cli/run.ts'
import type {PatchIo} from '../../src/cli/patch-command.ts'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const FIXTURES = fileURLToPath(new URL('../../fixtures/patch-mode/', import.meta.url))
export const TREE = `${FIXTURES}tree`
export const SERIES = `${FIXTURES}lever-series-v2.mbox`
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url))

export interface Outcome {
  code: number
  stdout: string
  stderr: string
}

export async function runPatch(args: string[], stdin?: Buffer | string): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const io: PatchIo = {
    cwd: ROOT,
    env: {},
    isTTY: false,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    ...(stdin === undefined ? {} : {stdin: async () => Buffer.from(stdin)}),
  }
  const code = await run(['patch', ...args], io)
  return {code, stdout, stderr}
}

export interface JsonMessage {
  ruleId: string
  severity: string
  line: number
  column: number
  endLine: number
  endColumn: number
  message: string
  patch?: string
}

/** `--format json` output as (path, message) pairs. */
export function flatten(stdout: string): Array<JsonMessage & {path: string}> {
  const data = JSON.parse(stdout) as Array<{path: string; messages: JsonMessage[]}>
  return data.flatMap((file) => file.messages.map((message) => ({...message, path: file.path})))
}

/** The seed file starting with `prefix` in shared/seeds. */
export function seedPath(prefix: string): string {
  const name = readdirSync(`${SHARED}seeds`).find((file) => file.startsWith(prefix))
  if (!name) throw new Error(`no seed ${prefix}* in ${SHARED}seeds`)
  return `${SHARED}seeds/${name}`
}
