// Each docutils system message the block parser reports: wording, level,
// and the exact span concerned.

import {describe, expect, it} from 'vitest'
import {fromRst} from '../../../src/rst/index.ts'
import {problems} from './helpers.ts'

const cases: Array<[string, string, string[]]> = [
  ['title underline too short', 'A long title\n=====\n', ['2 2:1-2:6 Title underline too short.']],
  ['short underline is text', 'A long title\n==\n', ['1 2:1-2:3 Possible title underline, too short for the title.']],
  ['title overline too short', '====\nA long title\n====\n', ['2 1:1-3:5 Title overline too short.']],
  ['overline/underline mismatch', '=====\nTitle\n-----\n', ['4 1:1-3:6 Title overline & underline mismatch.']],
  ['missing underline', '=====\nTitle\nText\n', ['4 1:1-3:5 Missing matching underline for section title overline.']],
  ['incomplete title', '=====\nTitle\n', ['4 1:1-2:6 Incomplete section title.']],
  ['short overline', '==\nTitle\n', ['1 1:1-1:3 Possible incomplete section title.']],
  ['invalid transition', '=====\n-----\n', ['3 1:1-2:6 Invalid section title or transition marker.']],
  ['title level inconsistent', 'A\n=\n\nB\n-\n\nC\n~\n\nD\n=\n\nE\n~\n', ['4 13:1-14:2 Title level inconsistent:']],
  ['unexpected section title', '- item\n\n  Title\n  =====\n', ['4 3:3-4:8 Unexpected section title.']],
  ['unexpected transition', '- item\n\n  -----\n', ['4 3:3-3:8 Unexpected section title or transition.']],
  ['short line nested', '- item\n\n  --\n', ['1 3:3-3:5 Unexpected possible title overline or transition.']],
  ['unexpected indentation', 'One\ntwo\n  three\n', ['3 3:3-3:8 Unexpected indentation.']],
  ['block quote ends', '  quote\ntext\n', ['2 2:1-2:5 Block quote ends without a blank line; unexpected unindent.']],
  ['bullet list ends', '- a\ntext\n', ['2 2:1-2:5 Bullet list ends without a blank line; unexpected unindent.']],
  ['enumerated list ends', '1. a\n   b\ntext\n', ['2 3:1-3:5 Enumerated list ends without a blank line; unexpected unindent.']],
  ['enumerated start', '2. a\n3. b\n', ['1 1:1-1:3 Enumerated list start value not ordinal-1: "2" (ordinal 2)']],
  ['definition list ends', 'term\n  def\ntext\n', ['2 3:1-3:5 Definition list ends without a blank line; unexpected unindent.']],
  ['field list ends', ':a: b\ntext\n', ['2 2:1-2:5 Field list ends without a blank line; unexpected unindent.']],
  ['option list ends', '-a  all\ntext\n', ['2 2:1-2:5 Option list ends without a blank line; unexpected unindent.']],
  ['line block ends', '| a\ntext\n', ['2 2:1-2:5 Line block ends without a blank line.']],
  ['explicit markup ends', '.. comment\ntext\n', ['2 2:1-2:5 Explicit markup ends without a blank line; unexpected unindent.']],
  ['literal block ends', 'x::\n\n  code\ntext\n', ['2 4:1-4:5 Literal block ends without a blank line; unexpected unindent.']],
  ['literal expected', 'x::\n\ntext\n', ['2 3:1-3:5 Literal block expected; none found.']],
  ['literal expected at end', 'x::\n', ['2 1:2-1:4 Literal block expected; none found.']],
  ['blank line missing', 'x::\n  code\n', ['1 1:2-1:4 Blank line missing before literal block (after the "::")? Interpreted as a definition list item.']],
  ['inconsistent quoting', 'x::\n\n> a\n| b\n', ['3 4:1-4:4 Inconsistent literal block quoting.']],
  ['directive arguments', '.. image::\n', ['3 1:1-1:11 Error in "image" directive:']],
  ['directive content', '.. image:: a.png\n\n   text\n', ['3 1:1-3:8 Error in "image" directive:']],
  ['substitution missing', '.. |x|\n', ['2 1:1-1:7 Substitution definition "x" missing contents.']],
  ['substitution invalid', '.. |x| text\n', ['2 1:1-1:12 Substitution definition "x" empty or invalid.']],
  ['malformed target', '.. _a\n', ['2 1:1-1:6 malformed hyperlink target.']],
]

describe('parse problems', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(problems(fromRst(text))).toEqual(expected)
    })
  }
})
