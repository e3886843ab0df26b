// Wrap each `Rule` into a unified-lint-rule plugin, in one place: the rule's
// identity (`ruleId`, `source`, `url`), its message text from
// `meta.messages[messageId]`, exact place, severity and fix are stamped here,
// so rules only describe what they found.

import {lintRule} from 'unified-lint-rule'
import type {Node} from 'unist'
import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import {fillTemplate} from './message.ts'
import {SOURCE, ruleUrl} from './meta.ts'
import {isTiming, timed} from './timing.ts'
import type {Report, Rule, Severity} from './types.ts'
import type {Position} from '../rst/types.ts'
import type {Source} from '../rst/source.ts'

/** How a rule is configured for a run. */
export interface RuleSetting {
  severity: Severity
  options: Record<string, unknown>
}

export type RulePlugin = (this: unknown, setting: RuleSetting) => Transformer<Node, Node> | undefined

const cache = new WeakMap<Rule<never>, RulePlugin>()

/** The unified plugin of a rule (one per rule, shared by every processor). */
export function rulePlugin(rule: Rule<never>): RulePlugin {
  let plugin = cache.get(rule)
  if (!plugin) {
    plugin = createPlugin(rule)
    cache.set(rule, plugin)
  }
  return plugin
}

function createPlugin(rule: Rule<never>): RulePlugin {
  const id = rule.meta.id
  const lint = lintRule<Node, Record<string, unknown>>(
    {origin: `${SOURCE}:${id}`, url: ruleUrl(id)},
    (_tree, file, options) => {
      runRule(rule, file, options ?? {})
    },
  )
  return function (this: unknown, setting: RuleSetting) {
    const level = setting.severity === 'error' ? 2 : 1
    const transform = (lint as unknown as (this: unknown, config: unknown) => Transformer<Node, Node>).call(this, [
      level,
      {...rule.meta.defaultOptions, ...setting.options},
    ])
    if (setting.severity !== 'info') return transform
    // unified-lint-rule only knows warnings and errors: an `info` message has
    // no `fatal` at all (vfile's convention).
    return function (tree: Node, file: VFile, next: (error?: Error) => void) {
      const from = file.messages.length
      ;(transform as unknown as (t: Node, f: VFile, n: (e?: Error) => void) => void)(tree, file, (error) => {
        for (let index = from; index < file.messages.length; index++) {
          const message = file.messages[index]
          if (message) message.fatal = undefined
        }
        next(error)
      })
    } as unknown as Transformer<Node, Node>
  }
}

/** Run one rule's check on the file's parsed tree and turn its reports into messages. */
export function runRule(rule: Rule<never>, file: VFile, options: Record<string, unknown>): void {
  const linted = file.data.qrlFile
  if (!linted) throw new Error('qemu-rst-lint: the engine must set file.data.qrlFile')
  const meta = rule.meta
  const context = {
    file: linted,
    options: options as never,
    project: file.data.qrlProject,
    report(report: Report) {
      reportMessage(file, linted.source, rule, report)
    },
  }
  try {
    // No closure and key string per rule and file unless timing.
    if (isTiming()) timed(`rule ${meta.id}`, () => rule.check(context))
    else rule.check(context)
  } catch (error) {
    // A rule bug must not take the run down; it shows as a finding instead.
    const reason = error instanceof Error ? error.message : String(error)
    const message = file.message(`Rule \`${meta.id}\` crashed: ${reason}`, {ruleId: meta.id, source: SOURCE})
    message.messageId = '@crash'
  }
}

export function reportMessage(file: VFile, source: Source, rule: Rule<never>, report: Report): void {
  const meta = rule.meta
  const template = meta.messages[report.messageId]
  const reason = template === undefined ? report.messageId : fillTemplate(template, report.data)
  const cause = report.cause
    ? Object.assign(new Error(report.cause.message), {
        place: toPosition(source, report.cause.place),
        file: report.cause.path,
      })
    : undefined
  const message = file.message(reason, {
    place: toPosition(source, report.place),
    ruleId: meta.id,
    source: SOURCE,
    cause,
  })
  message.url = ruleUrl(meta.id)
  message.messageId = report.messageId
  if (report.fix) message.fix = report.fix
}

export function toPosition(source: Source, place: Report['place']): Position {
  if (typeof place.start === 'number') return source.position(place.start, place.end as number)
  return place as Position
}
