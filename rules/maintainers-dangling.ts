// `maintainers-dangling`: an `F:` or `X:` pattern in MAINTAINERS that matches
// no file, folder or submodule of the tree, as scripts/get_maintainer.pl
// matches them. Usually the file moved and the section kept its old path.

import {defineRule} from '../src/lint/define-rule.ts'
import {suggestMovedPath} from '../src/tree/suggest-path.ts'

export default defineRule({
  meta: {
    id: 'maintainers-dangling',
    description: 'MAINTAINERS `F:`/`X:` patterns must match something',
    severity: 'warning',
    fixable: false,
    scope: 'project',
    languages: ['maintainers'],
    messages: {
      dangling: '`{{tag}}: {{pattern}}` matches nothing in the tree (section "{{section}}"); update or remove it',
      danglingSuggest: '`{{tag}}: {{pattern}}` matches nothing in the tree (section "{{section}}"); the file now seems to be `{{suggestion}}`',
    },
    docs: {
      why: 'A stale pattern silently drops the section\'s maintainers from get_maintainer.pl\'s answer for the moved file, so patches reach nobody who knows the code.',
      instead: 'Point the pattern at the file\'s current path (and keep a trailing `/` for folders).',
    },
    examples: [
      {
        title: 'files, folders, globs and submodules',
        path: 'MAINTAINERS',
        input: 'Block\nM: A Person <a@example.org>\nF: block/\nF: block/*.c\nF: docs/block.rst\nF: roms/seabios/\n',
        tree: {'block/io.c': '', 'docs/block.rst': '', '.gitmodules': '[submodule "roms/seabios"]\n\tpath = roms/seabios\n'},
      },
      {
        title: 'a moved file and a removed folder',
        path: 'MAINTAINERS',
        input: 'GPU\nM: A Person <a@example.org>\nF: docs/system/devices/virtio-gpu.rst\nF: hw/oldgpu/\n',
        tree: {'docs/system/devices/virtio/virtio-gpu.rst': ''},
        errors: ['3:4-3:38 danglingSuggest', '4:4-4:14 dangling'],
      },
    ],
  },

  check(context) {
    const project = context.project
    if (!project?.maintainers || context.file.path !== 'MAINTAINERS') return
    const names = project.fileNames()
    for (const pattern of project.maintainers.dangling) {
      const {entry, section} = pattern
      const suggestion = suggestMovedPath(entry.value, names)
      context.report({
        messageId: suggestion ? 'danglingSuggest' : 'dangling',
        data: {tag: entry.tag, pattern: entry.value, section: section.name, suggestion: suggestion ?? ''},
        place: {start: entry.start, end: entry.end},
      })
    }
  },
})
