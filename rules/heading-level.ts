// `heading-level`: a section title whose adornment style skips a level
// ("Title level inconsistent"). docutils drops such a title with a severe
// error, so the section and everything under it is misplaced.

import {defineRule} from '../src/lint/define-rule.ts'
import {adornmentAt, describeStyle} from '../src/lint/helpers/headings.ts'
import {visit} from '../src/lint/helpers/visit.ts'
import type {Section} from '../src/rst/types.ts'

export default defineRule({
  meta: {
    id: 'heading-level',
    description: 'Section title styles must not skip a level',
    severity: 'error',
    fixable: false,
    scope: 'file',
    languages: ['rst'],
    messages: {
      skipped:
        'Title level inconsistent: {{style}} titles are level {{level}} in this document, but this title is inside a level-{{current}} section; docutils drops it and Sphinx -W fails. Use {{instead}}',
      unknown:
        'Title level inconsistent: {{style}} is a new title style, but this title is inside a level-{{current}} section; docutils drops it and Sphinx -W fails. Use {{instead}}',
    },
    docs: {
      why: 'docutils assigns levels to title styles in order of first use; a title may go at most one level deeper than its section. A title that skips a level is a severe error: it is dropped from the document and the `-W` build fails.',
      instead: 'Use the style of the next level down (or of an existing level), consistently within the document.',
    },
    examples: [
      {title: 'consistent levels', input: 'Top\n===\n\nSub\n---\n\nSubsub\n~~~~~~\n\nSub again\n---------\n'},
      {
        title: 'a level skipped',
        input: 'Top\n===\n\nSub\n---\n\nSubsub\n~~~~~~\n\nNext top\n========\n\nBad\n~~~\n',
        errors: ['13:1-13:4 skipped'],
      },
      {
        title: 'a new style two levels down',
        input: 'Top\n===\n\nSub\n---\n\nNext top\n========\n\nDeep\n~~~~\n',
        errors: ['10:1-10:5 unknown'],
      },
    ],
  },

  check(context) {
    const {file} = context
    const tree = file.rst
    if (!tree) return
    const styles: string[] = []
    const sections: Section[] = []
    visit<Section>(tree, 'section', (section) => {
      sections.push(section)
      if (!styles.includes(section.style)) styles[section.level - 1] ??= section.style
    })
    for (const problem of tree.data.problems) {
      if (!problem.text.startsWith('Title level inconsistent')) continue
      const title = findTitle(file.source, problem.position.start.line - 1)
      if (!title) continue
      const offset = title.start
      // The dropped title belongs to the last section opened before it.
      let current = 0
      for (const section of sections) if ((section.position.start.offset ?? 0) < offset) current = section.level
      const level = styles.indexOf(title.style) + 1
      const next = styles[current]
      const instead = next ? `${describeStyle(next)} for a level-${current + 1} title` : `a new style for a level-${current + 1} title`
      const data = {style: describeStyle(title.style), level, current, instead}
      context.report({messageId: level > 0 ? 'skipped' : 'unknown', data, place: {start: title.start, end: title.end}})
    }
  },
})

/** The title text near a problem's line: the line above an underline (with an optional overline). */
function findTitle(source: import('../src/rst/source.ts').Source, near: number): {start: number; end: number; style: string} | undefined {
  for (const line of [near, near - 1, near + 1, near - 2]) {
    const under = adornmentAt(source, line + 1)
    const text = source.lines[line]
    if (!under || !text || adornmentAt(source, line)) continue
    const over = adornmentAt(source, line - 1)
    const style = over && over.char === under.char ? under.char + under.char : under.char
    const lineStart = source.lineStarts[line] ?? 0
    const indent = text.length - text.trimStart().length
    return {start: lineStart + indent, end: lineStart + text.length, style}
  }
  return undefined
}
