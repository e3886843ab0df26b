import {describe, expect, it} from 'vitest'
import {Source} from '../../src/rst/source.ts'

describe('Source', () => {
  it('splits LF, CRLF and CR lines and strips trailing whitespace', () => {
    const source = new Source('one  \r\ntwo\rthree\n')
    expect(source.lines).toEqual(['one', 'two', 'three'])
    expect([...source.lineStarts]).toEqual([0, 7, 11])
    expect([...source.lineEnds]).toEqual([5, 10, 16])
  })

  it('keeps a last line without a newline, and one empty line for empty text', () => {
    expect(new Source('a\nb').lines).toEqual(['a', 'b'])
    expect(new Source('').lines).toEqual([''])
  })

  it('expands tabs to multiples of 8 and maps expanded columns back to offsets', () => {
    const source = new Source('x\tword\n')
    expect(source.lines[0]).toBe('x       word')
    expect(source.offsetAt(0, 8)).toBe(2)
    expect(source.offsetAt(0, 3)).toBe(1) // inside the tab: the tab itself
    expect(source.point(2)).toEqual({line: 1, column: 3, offset: 2})
  })

  it('counts tab stops in code points, as Python does, but indexes UTF-16 units', () => {
    const source = new Source('\u{1F600}\tz')
    // The emoji is one code point: the tab fills 7 columns.
    expect(source.lines[0]).toBe('\u{1F600}       z')
    const zColumn = source.lines[0]!.indexOf('z')
    expect(source.offsetAt(0, zColumn)).toBe(3)
  })

  it('points offsets past the end at the end', () => {
    const source = new Source('ab\n')
    expect(source.point(99)).toEqual({line: 1, column: 4, offset: 3})
  })

  it('builds the same lines for LF text (split path) as for CRLF text (scan path)', () => {
    const samples = ['a  \n\tb \t\n\nc\v x\f \n  \n', ' \n\n', '\t', 'x\ty\tz  \nend', '\n', 'last \t ']
    for (const lf of samples) {
      const crlf = lf.replaceAll('\n', '\r\n')
      const a = new Source(lf)
      const b = new Source(crlf)
      expect(a.lines).toEqual(b.lines)
      // Each line start moves by one `\r` per line before it.
      expect([...a.lineStarts]).toEqual([...b.lineStarts].map((start, line) => start - line))
      expect([...a.lineEnds]).toEqual([...b.lineEnds].map((end, line) => end - line))
    }
  })

  it('strips trailing spaces and expands tabs of LF lines', () => {
    const source = new Source('ab  \n\tc \n d\n')
    expect(source.lines).toEqual(['ab', '        c', ' d'])
    expect([...source.lineEnds]).toEqual([4, 8, 11])
    expect(source.offsetAt(1, 8)).toBe(6)
    expect(source.offsetAt(2, 1)).toBe(10)
  })
})
