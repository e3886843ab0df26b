// Malformed grid and simple tables: docutils' "Malformed table." (first
// paragraph only), where it points, and how many lines the table consumes.

import {describe, expect, it} from 'vitest'
import {slice, tableAt} from './harness.ts'

function summary(text: string, index = 0) {
  const {result, problems, source} = tableAt(text, index)
  return {
    node: result?.node ?? null,
    end: result?.end,
    problems: problems.map((problem) => [problem.level, problem.text, slice(source, problem.position)]),
  }
}

describe('malformed grid tables', () => {
  it('reports a ragged right edge over the whole block', () => {
    const text = ['+---+', '| a |', '| b  |', '+---+', ''].join('\n')
    expect(summary(text)).toEqual({
      node: null,
      end: 4,
      problems: [[3, 'Malformed table.', '+---+\n| a |\n| b  |\n+---+']],
    })
  })

  it('reports a parse that leaves columns unseen', () => {
    const text = ['+----+----+', '| a  | b  |', '+----+-|--+', '| c  - d  |', '+----+----+', ''].join('\n')
    expect(summary(text)).toEqual({
      node: null,
      end: 5,
      problems: [[3, 'Malformed table.', '+----+----+\n| a  | b  |\n+----+-|--+\n| c  - d  |\n+----+----+']],
    })
  })

  it('reports a second head/body separator at that separator', () => {
    const text = ['+---+', '| a |', '+===+', '| b |', '+===+', '| c |', '+---+', ''].join('\n')
    expect(summary(text)).toEqual({node: null, end: 7, problems: [[3, 'Malformed table.', '+===+']]})
  })

  it('reports a table without bottom border', () => {
    const text = ['+---+', '| a |', '| b |', ''].join('\n')
    const result = summary(text)
    expect(result.node).toBeNull()
    expect(result.end).toBe(3)
    // docutils also warns about the missing blank line, past the end of input.
    expect(result.problems).toEqual([
      [3, 'Malformed table.', '+---+\n| a |\n| b |'],
      [2, 'Blank line required after table.', ''],
    ])
  })

  it('reports an indented line, cutting the table before it', () => {
    const text = ['+---+', '| a |', '+---+', '  indented', ''].join('\n')
    const result = summary(text)
    expect(result.node).not.toBeNull()
    expect(result.end).toBe(3)
    expect(result.problems).toEqual([
      [3, 'Unexpected indentation.', 'indented'],
      [2, 'Blank line required after table.', 'indented'],
    ])
  })

  it('resumes two lines early after an inner bottom border, like docutils', () => {
    const text = ['+---+', '| a |', '+---+', '| b |', '+---+', '| c', ''].join('\n')
    const {result} = tableAt(text)
    // The table runs to line 5, but docutils goes on parsing at line 4.
    expect(result?.end).toBe(3)
    expect(result?.node?.position.end.line).toBe(5)
  })
})

describe('malformed simple tables', () => {
  it('reports a bottom border of another length', () => {
    const text = ['===  ===', 'a    b', '===  ====', ''].join('\n')
    expect(summary(text)).toEqual({
      node: null,
      end: 3,
      problems: [[3, 'Malformed table.', '===  ===\na    b\n===  ====']],
    })
  })

  it('reports text in the margin between columns at its line', () => {
    const text = ['===  ===', 'a    b', 'abcd x', '===  ===', ''].join('\n')
    expect(summary(text)).toEqual({node: null, end: 4, problems: [[3, 'Malformed table.', 'abcd x']]})
  })

  it('reports a span underline that stops short of the border', () => {
    const text = ['===  ===  ===', 'a    b    c', '--------', '===  ===  ===', ''].join('\n')
    expect(summary(text)).toEqual({node: null, end: 4, problems: [[3, 'Malformed table.', '--------']]})
  })

  it('reports a span underline out of line with the columns, on the line after the row start', () => {
    const text = ['===  ===  ===', 'a    b    c', '--  ---------', '===  ===  ===', ''].join('\n')
    expect(summary(text)).toEqual({node: null, end: 4, problems: [[3, 'Malformed table.', '--  ---------']]})
  })

  it('reports a missing bottom border, consuming the rest of the block', () => {
    const text = ['===  ===', 'a    b', '', 'c    d', ''].join('\n')
    expect(summary(text)).toEqual({
      node: null,
      end: 4,
      problems: [[3, 'Malformed table.', '===  ===\na    b\n\nc    d']],
    })
  })

  it('reports a missing bottom border after a header border without blank line', () => {
    const text = ['===  ===', 'a    b', '===  ===', 'c    d', ''].join('\n')
    expect(summary(text)).toEqual({
      node: null,
      end: 3,
      problems: [
        [3, 'Malformed table.', '===  ===\na    b\n===  ==='],
        [2, 'Blank line required after table.', 'c    d'],
      ],
    })
  })
})
