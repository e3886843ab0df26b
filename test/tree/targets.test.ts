import {describe, expect, it} from 'vitest'
import {fromRst} from '../../src/rst/index.ts'
import {projectFromTexts} from '../../src/tree/example-project.ts'

const project = projectFromTexts(
  {
    'docs/index.rst': 'Top\n===\n\n.. toctree::\n\n   guide/setup\n   tools/tool\n   terms\n',
    'docs/guide/setup.rst': [
      '.. _setup-guide:',
      '',
      'Setting up',
      '==========',
      '',
      '.. _loose note:',
      '',
      'A paragraph, not a title.',
      '',
      '.. _chained-a:',
      '.. _chained-b:',
      '',
      'Chained',
      '-------',
      '',
      '.. _last-label:',
      '',
    ].join('\n'),
    'docs/tools/tool.rst': [
      'Tool',
      '====',
      '',
      '.. option:: -g, --global',
      '',
      '   Global.',
      '',
      '.. program:: my tool',
      '',
      '.. option:: -v, --verbose[=LEVEL]',
      '',
      '   Talk.',
      '',
      '.. option:: convert [-f FMT] FILE',
      '',
      '   Convert.',
      '',
      '.. envvar:: TOOL_HOME',
      '',
      '   Where it lives.',
    ].join('\n'),
    'docs/terms.rst': 'Terms\n=====\n\n.. glossary::\n\n   Guest  Agent\n      A helper.\n',
  },
  fromRst,
)
const targets = project.targets

describe('any-role resolution (Sphinx semantics)', () => {
  it('finds documents relative to the referring document or absolute', () => {
    expect(targets.resolveAny('setup', 'guide/other')).toEqual({kind: 'doc', docname: 'guide/setup'})
    expect(targets.resolveAny('/tools/tool', 'guide/setup')?.kind).toBe('doc')
    expect(targets.resolveAny('tools/tool', 'guide/setup')).toBeUndefined()
  })

  it('finds titled labels bare, every label with an explicit title', () => {
    expect(targets.resolveAny('Setup-Guide', 'index')?.kind).toBe('label')
    expect(targets.resolveAny('loose note', 'index')).toBeUndefined()
    expect(targets.resolveAny('see this <loose  Note>', 'index')?.kind).toBe('label')
    expect(targets.resolveAny('chained-a', 'index')?.kind).toBe('label')
    expect(targets.resolveAny('chained-b', 'index')?.kind).toBe('label')
    expect(targets.resolveRef('last-label', false)).toBeUndefined()
    expect(targets.resolveRef('last-label', true)?.kind).toBe('label')
  })

  it('finds options with and without their program', () => {
    expect(targets.resolveAny('-g', 'index')?.kind).toBe('option')
    expect(targets.resolveAny('--verbose', 'index')).toBeUndefined()
    expect(targets.resolveAny('--verbose', 'index', {programs: ['my-tool']})?.kind).toBe('option')
    expect(targets.resolveAny('--verbose=3', 'index', {programs: ['my-tool']})?.kind).toBe('option')
    expect(targets.resolveAny('my tool --verbose', 'index')?.kind).toBe('option')
    expect(targets.resolveAny('my tool convert', 'index')?.kind).toBe('option')
    expect(project.programsAt('docs/tools/tool.rst', 0)).toEqual([null])
    expect(project.programsAt('docs/tools/tool.rst', 1000)).toEqual(['my-tool'])
  })

  it('finds glossary terms case-insensitively and std objects exactly', () => {
    expect(targets.resolveAny('guest agent', 'index')?.kind).toBe('object')
    expect(targets.resolveAny('Guest\nAgent', 'index')?.kind).toBe('object')
    expect(targets.resolveAny('TOOL_HOME', 'index')?.kind).toBe('object')
    expect(targets.resolveAny('tool_home', 'index')).toBeUndefined()
  })

  it('leaves `!text` unresolved but silent, and reports every match', () => {
    expect(targets.resolveAny('!anything', 'index')).toEqual({kind: 'disabled'})
    expect(targets.resolveAnyAll('nothing-here', 'index')).toEqual([])
  })

  it('answers :doc: and :ref: lookups', () => {
    expect(targets.resolveDoc('../index', 'guide/setup')?.kind).toBe('doc')
    expect(targets.resolveDoc('index.rst', 'terms')?.kind).toBe('doc')
    expect(targets.resolveRef('SETUP-GUIDE', false)?.kind).toBe('label')
  })
})
