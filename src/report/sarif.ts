// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards: the rules as
// `tool.driver.rules` with their docs link and default level, each finding as
// a result with an exact region, and fixes as artifact replacements.

import type {VFileMessage} from 'vfile-message'
import type {Source} from '../rst/source.ts'
import {HOMEPAGE, SOURCE, ruleUrl} from '../lint/meta.ts'
import type {Fix, Severity} from '../lint/types.ts'
import {endOf, sortedMessages, type Formatter} from './types.ts'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note'
}

function messageLevel(message: VFileMessage): 'error' | 'warning' | 'note' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note'
}

function region(source: Source, start: number, end: number) {
  const a = source.point(start)
  const b = source.point(end)
  return {startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, charOffset: start, charLength: end - start}
}

function fixes(fix: Fix, uri: string, source: Source) {
  return [
    {
      description: {text: fix.title},
      artifactChanges: [
        {
          artifactLocation: {uri, uriBaseId: '%SRCROOT%'},
          replacements: fix.edits.map((edit) => ({
            deletedRegion: region(source, edit.start, edit.end),
            insertedContent: {text: edit.text},
          })),
        },
      ],
    },
  ]
}

export const sarif: Formatter = ({files, rules, version}) => {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]))
  const results = []
  for (const file of files) {
    for (const message of sortedMessages(file.messages)) {
      const end = endOf(message)
      const index = message.ruleId === undefined ? undefined : ruleIndex.get(message.ruleId)
      results.push({
        ruleId: message.ruleId ?? SOURCE,
        ...(index === undefined ? {} : {ruleIndex: index}),
        level: messageLevel(message),
        message: {text: message.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: encodeURI(file.path), uriBaseId: '%SRCROOT%'},
              region: {startLine: message.line ?? 1, startColumn: message.column ?? 1, endLine: end.line, endColumn: end.column},
            },
          },
        ],
        ...(message.fix ? {fixes: fixes(message.fix, encodeURI(file.path), file.source)} : {}),
      })
    }
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SOURCE,
            version,
            informationUri: HOMEPAGE,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.id,
              shortDescription: {text: rule.meta.description},
              fullDescription: {text: `${rule.meta.docs.why} ${rule.meta.docs.instead}`},
              helpUri: ruleUrl(rule.meta.id),
              defaultConfiguration: {level: level(rule.meta.severity)},
              properties: {fixable: rule.meta.fixable},
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}
