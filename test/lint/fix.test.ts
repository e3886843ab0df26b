// Fix application: order, overlap handling, bounds.

import {expect, test} from 'vitest'
import {applyFixes, editsOverlap} from '../../src/lint/fix.ts'
import type {Fix} from '../../src/lint/types.ts'

const fix = (...edits: Array<[number, number, string]>): Fix => ({
  title: 't',
  safety: 'safe',
  edits: edits.map(([start, end, text]) => ({start, end, text})),
})

test('overlap', () => {
  expect(editsOverlap({start: 0, end: 2, text: ''}, {start: 2, end: 3, text: ''})).toBe(false)
  expect(editsOverlap({start: 0, end: 3, text: ''}, {start: 2, end: 3, text: ''})).toBe(true)
  expect(editsOverlap({start: 2, end: 2, text: 'a'}, {start: 2, end: 2, text: 'b'})).toBe(true)
  expect(editsOverlap({start: 2, end: 2, text: 'a'}, {start: 0, end: 2, text: ''})).toBe(false)
  expect(editsOverlap({start: 1, end: 1, text: 'a'}, {start: 0, end: 2, text: ''})).toBe(true)
})

test('applies non-overlapping fixes in offset order, whatever the input order', () => {
  const out = applyFixes('abcdef', [fix([4, 5, 'E']), fix([0, 1, 'A'], [2, 2, '+'])])
  expect(out).toEqual({text: 'Ab+cdEf', applied: 2, skipped: 0})
})

test('an overlapping fix waits for the next pass', () => {
  const out = applyFixes('abcdef', [fix([1, 4, '']), fix([2, 3, 'X'])])
  expect(out).toEqual({text: 'aef', applied: 1, skipped: 1})
})

test('a fix whose edits are out of bounds is skipped', () => {
  expect(applyFixes('abc', [fix([2, 9, ''])])).toEqual({text: 'abc', applied: 0, skipped: 1})
})
