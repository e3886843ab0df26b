// `maintainers-uncovered`: a docs file that only catch-all MAINTAINERS
// sections claim (`docs/` or wider), so get_maintainer.pl names no subsystem
// maintainer for it. Meant for patches adding files; off for whole-tree runs.

import {defineRule} from '../src/lint/define-rule.ts'
import {firstLinePlace} from '../src/tree/places.ts'

export default defineRule({
  meta: {
    id: 'maintainers-uncovered',
    description: 'Docs files are claimed by a subsystem section of MAINTAINERS',
    severity: 'warning',
    fixable: false,
    scope: 'project',
    languages: ['rst'],
    messages: {
      uncovered: '`{{path}}` is claimed only by catch-all MAINTAINERS sections ({{sections}}); add an `F:` line for it to its subsystem\'s section',
      unclaimed: 'No MAINTAINERS section claims `{{path}}`; add an `F:` line for it to its subsystem\'s section',
    },
    docs: {
      why: 'get_maintainer.pl then proposes only the documentation catch-all, and the people who know the subsystem never see the patch.',
      instead: 'List the file (or its folder) under `F:` in the section of the subsystem it documents.',
    },
    examples: [
      {
        title: 'claimed by its subsystem',
        path: 'docs/system/gpu.rst',
        input: 'GPU\n===\n',
        tree: {MAINTAINERS: 'Docs\nM: A <a@example.org>\nF: docs/\n\nGPU\nM: B <b@example.org>\nF: docs/system/gpu.rst\n'},
      },
      {
        title: 'claimed only by the docs catch-all',
        path: 'docs/system/gpu.rst',
        input: 'GPU\n===\n',
        tree: {MAINTAINERS: 'Docs\nM: A <a@example.org>\nF: docs/\n\nGPU\nM: B <b@example.org>\nF: hw/display/\n'},
        errors: ['1:1-1:4 uncovered'],
      },
      {
        title: 'claimed by nobody',
        path: 'docs/system/gpu.rst',
        input: 'GPU\n===\n',
        tree: {MAINTAINERS: 'GPU\nM: B <b@example.org>\nF: hw/display/\n'},
        errors: ['1:1-1:4 unclaimed'],
      },
    ],
  },

  check(context) {
    const project = context.project
    const path = context.file.path
    if (!project?.maintainers?.parsed || !path.startsWith(`${project.docsDir}/`)) return
    const sections = project.maintainers.sectionsFor(path)
    if (sections.some((section) => !project.maintainers.isCatchAll(section))) return
    context.report({
      messageId: sections.length > 0 ? 'uncovered' : 'unclaimed',
      data: {path, sections: sections.map((section) => `"${section.name}"`).join(', ')},
      place: firstLinePlace(context.file.source),
    })
  },
})
