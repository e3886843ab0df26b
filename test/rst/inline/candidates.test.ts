// Where the inline scan looks for markup: it jumps from one possible start
// to the next with native searches (markup characters; words only where
// their run of name characters ends at `_`, `:` or a non-ASCII letter), so
// these cases pin down that no reference start is skipped or invented.

import {describe, expect, it} from 'vitest'
import type {Inline} from '../../../src/rst/types.ts'
import {parse, span} from './helpers.ts'

function summary(nodes: Inline[]): string[] {
  return nodes.map((node) => {
    const value = 'value' in node ? node.value : 'children' in node ? node.children.map((child) => child.value).join('') : ''
    return `${node.type}[${value}]@${span(node)}`
  })
}

describe('reference starts found by the candidate search', () => {
  it('a hyphenated name before `_`', () => {
    expect(summary(parse('see foo-bar_ and x').nodes)).toEqual([
      'text[see ]@1:1-1:5',
      'reference[foo-bar]@1:5-1:13',
      'text[ and x]@1:13-1:19',
    ])
  })

  it('a name longer than any bounded lookahead', () => {
    const name = 'q'.repeat(90)
    const {nodes} = parse(`${name}_ tail`)
    expect(summary(nodes)).toEqual([`reference[${name}]@1:1-1:92`, 'text[ tail]@1:92-1:97'])
  })

  it('a word with an inner `_` is no reference, a later one is', () => {
    expect(summary(parse('one_two three_').nodes)).toEqual(['text[one_two ]@1:1-1:9', 'reference[three]@1:9-1:15'])
  })

  it('a name with a non-ASCII letter', () => {
    expect(summary(parse('naïve_ end').nodes)).toEqual(['reference[naïve]@1:1-1:7', 'text[ end]@1:7-1:11'])
  })

  it('names after `/`, `(` and a quote, and an anonymous one', () => {
    expect(summary(parse('dir/leaf_ (inner_) "said_" last__').nodes)).toEqual([
      'text[dir/]@1:1-1:5',
      'reference[leaf]@1:5-1:10',
      'text[ (]@1:10-1:12',
      'reference[inner]@1:12-1:18',
      'text[) "]@1:18-1:21',
      'reference[said]@1:21-1:26',
      'text[" ]@1:26-1:28',
      'reference[last]@1:28-1:34',
    ])
  })

  it('a role before a reference in the same block', () => {
    expect(summary(parse('x :ref:`t` and foo_').nodes)).toEqual([
      'text[x ]@1:1-1:3',
      'interpreted_text[t]@1:3-1:11',
      'text[ and ]@1:11-1:16',
      'reference[foo]@1:16-1:20',
    ])
  })

  it('a letter right after a word character starts nothing', () => {
    expect(summary(parse('ab.cd_ and x-y_z').nodes)).toEqual(['reference[ab.cd]@1:1-1:7', 'text[ and x-y_z]@1:7-1:17'])
  })

  it('stays linear when many word starts come before one far `_`', () => {
    // Each `a` after `--` may start a reference; the `_` is at the very end.
    const text = 'a--'.repeat(70_000) + 'a_='
    const {nodes} = parse(text)
    expect(nodes.map((node) => node.type)).toEqual(['text'])
  })
})
