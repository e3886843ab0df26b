// Runs the lint command in-process on a tree (faster than spawning the CLI)
// and flattens its JSON report to `path:line:column rule` strings the bars
// compare with.

import {lintCommand} from '../../src/cli/lint-command.ts'

export const SHARED = new URL('../../../shared/', import.meta.url).pathname
export const QEMU_TREE = `${SHARED}qemu-tree`
export const INVENTORY = `${SHARED}qemu-tree.objects.inv`

export interface Finding {
  path: string
  line: number
  column: number
  endLine: number
  endColumn: number
  ruleId: string
  message: string
}

export async function lint(cwd: string, args: string[]): Promise<{code: number; findings: Finding[]; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const io = {cwd, env: {NO_COLOR: '1'}, isTTY: false, stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text)}
  const code = await lintCommand(['--format', 'json', ...args], io)
  const report = JSON.parse(stdout || '[]') as Array<{path: string; messages: Array<Omit<Finding, 'path'>>}>
  const findings = report.flatMap((file) => file.messages.map((message) => ({...message, path: file.path})))
  return {code, findings, stderr}
}

/** `path:line:column rule` of each finding, in report order. */
export function where(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.path}:${finding.line}:${finding.column} ${finding.ruleId}`)
}
