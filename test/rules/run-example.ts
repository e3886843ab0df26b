// Shared by the rule harness and engine tests: lint a text with a given set of
// rules enabled (each at its default severity unless told), through the real
// engine, and render findings as `line:col-endLine:endCol messageId`.

import type {VFileMessage} from 'vfile-message'
import {rules as registry} from '../../rules/index.ts'
import {Linter} from '../../src/lint/engine.ts'
import type {RuleSetting} from '../../src/lint/plugin.ts'
import type {Rule} from '../../src/lint/types.ts'
import type {ProjectIndex} from '../../src/tree/project.ts'

export function linterFor(
  ids: readonly string[],
  options: Record<string, Record<string, unknown>> = {},
  rules: readonly Rule<never>[] = registry,
  project?: ProjectIndex,
): Linter {
  const settings = new Map<string, RuleSetting>()
  for (const id of ids) {
    const rule = rules.find((candidate) => candidate.meta.id === id)
    if (!rule) throw new Error(`no rule ${id}`)
    settings.set(id, {severity: rule.meta.severity, options: options[id] ?? {}})
  }
  return new Linter({rules, settings, ...(project ? {project} : {})})
}

export function place(message: VFileMessage): string {
  const p = message.place
  if (p && 'start' in p) return `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`
  return `${message.line}:${message.column}`
}

/** `line:col-endLine:endCol messageId`, in position order. */
export function renderFindings(messages: readonly VFileMessage[], key: 'messageId' | 'ruleId' = 'messageId'): string[] {
  return [...messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => `${place(message)} ${message[key]}`)
}
