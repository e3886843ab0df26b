// `maintainers-syntax`: lines of MAINTAINERS that get_maintainer.pl
// misreads: unknown tags, untagged lines inside a section, empty values,
// unknown `S:` statuses and `N:`/`K:` regexes that do not compile.

import {defineRule} from '../src/lint/define-rule.ts'

const MESSAGE: Record<string, string> = {
  'unknown-tag': 'unknownTag',
  malformed: 'malformed',
  'empty-value': 'emptyValue',
  'bad-status': 'badStatus',
  'bad-regex': 'badRegex',
}

export default defineRule({
  meta: {
    id: 'maintainers-syntax',
    description: 'MAINTAINERS lines must be well-formed `X: value` entries',
    severity: 'error',
    fixable: false,
    scope: 'project',
    languages: ['maintainers'],
    messages: {
      unknownTag: 'Unknown MAINTAINERS tag `{{text}}:`; use M, R, L, S, W, T, F, X, K or N',
      malformed: 'This line inside a section is no `X: value` entry, so get_maintainer.pl ignores it; add the tag or separate sections by a blank line',
      emptyValue: 'The `{{text}}:` entry has no value',
      badStatus: 'Unknown status `{{text}}`; use Supported, Maintained, Odd Fixes, Orphan, Obsolete or Deprecated',
      badRegex: 'The regex `{{text}}` does not compile',
    },
    docs: {
      why: 'scripts/get_maintainer.pl silently skips what it cannot read, so a typo drops reviewers from every patch touching the section.',
      instead: 'One `X: value` per line, tags as in the legend at the top of MAINTAINERS, sections separated by blank lines.',
    },
    examples: [
      {title: 'a well-formed section', path: 'MAINTAINERS', input: 'Block\nM: A Person <a@example.org>\nS: Maintained\nF: block/\n'},
      {
        title: 'an unknown tag, an untagged line and a bad status',
        path: 'MAINTAINERS',
        input: 'Block\nM: A Person <a@example.org>\nZ: something\nblock/io.c\nS: Looked after\n',
        tree: {'block/io.c': ''},
        errors: ['3:1-3:3 unknownTag', '4:1-4:11 malformed', '5:4-5:16 badStatus'],
      },
      {
        title: 'an empty value and a broken regex',
        path: 'MAINTAINERS',
        input: 'Block\nM: A Person <a@example.org>\nF:\nK: (unclosed\n',
        errors: ['3:1-3:3 emptyValue', '4:4-4:13 badRegex'],
      },
    ],
  },

  check(context) {
    const project = context.project
    if (!project?.maintainers?.parsed || context.file.path !== 'MAINTAINERS') return
    for (const problem of project.maintainers.parsed.problems) {
      context.report({messageId: MESSAGE[problem.kind] ?? 'malformed', data: {text: problem.text}, place: {start: problem.start, end: problem.end}})
    }
  },
})
