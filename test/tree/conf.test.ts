import {describe, expect, it} from 'vitest'
import {readAssignments, readConf} from '../../src/tree/conf.ts'

describe('readConf', () => {
  it('uses QEMU defaults for an absent or empty conf.py', () => {
    for (const text of [undefined, '', '\n  \n']) {
      const conf = readConf(text, '10.2.50\n')
      expect(conf.defaultRole).toBe('any')
      expect(conf.masterDoc).toBe('index')
      expect(conf.excludePatterns).toEqual(['_build', 'Thumbs.db', '.DS_Store'])
      expect(conf.suppressWarnings).toEqual(['ref.option'])
      expect(conf.epilogFiles).toEqual(['defs.rst.inc'])
      // 10.2.50 predicts 11.0: machines deprecated from 8.0.0, deleted from 5.0.0.
      expect(conf.epilogSubstitutions).toEqual({
        CONFDIR: '``/etc/qemu``',
        VER_MACHINE_DEPRECATION_VERSION: '``8.0.0``',
        VER_MACHINE_DELETION_VERSION: '``5.0.0``',
      })
      expect(conf.fromFile).toBe(false)
    }
  })

  it('reads simple assignments, root_doc over master_doc, and += inside blocks', () => {
    const conf = readConf(
      [
        "master_doc = 'contents'",
        'root_doc = "start"',
        "default_role = 'literal'  # not QEMU's",
        'exclude_patterns = [',
        "    'build',  # output",
        '    "old/*",',
        ']',
        "extensions = ('a', 'b')",
        'if True:',
        "    extensions += ['c']",
        "    master_doc = 'ignored'",
        'suppress_warnings = []',
      ].join('\n'),
    )
    expect(conf.masterDoc).toBe('start')
    expect(conf.defaultRole).toBe('literal')
    expect(conf.excludePatterns).toEqual(['build', 'old/*'])
    expect(conf.extensions).toEqual(['a', 'b', 'c'])
    expect(conf.suppressWarnings).toEqual([])
    expect(conf.epilogFiles).toEqual([])
  })

  it('ignores what it cannot evaluate', () => {
    const values = readAssignments("x = os.path.join('a', 'b')\ny = 'a' 'b'\nz = r'c\\d'\n")
    expect(values.has('x')).toBe(false)
    expect(values.get('y')).toBe('ab')
    expect(values.get('z')).toBe('c\\d')
  })
})
