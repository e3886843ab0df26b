// Inputs cut or damaged anywhere must give a result (usable or an input
// error), never an exception: patch mode runs unattended in CI.

import {expect, test} from 'vitest'
import {applySeries} from '../../src/patch/apply.ts'
import {readPatchInput} from '../../src/patch/input.ts'
import {fixture, fixtureTree} from './helpers.ts'

/** A small deterministic generator, so failures reproduce. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

test.each(['frob-series-v3.mbox', 'frob-widget-2-qp.eml', 'patchwork-frob-3.txt'])('cut and damaged copies of %s never throw', async (name) => {
  const bytes = fixture(name)
  const base = fixtureTree('frob-base')
  const rand = prng(bytes.length)
  let usable = 0
  for (let k = 0; k < 60; k++) {
    // The first copy is whole, the others cut and with three bytes changed.
    const copy = Buffer.from(bytes.subarray(0, k === 0 ? bytes.length : Math.floor(rand() * bytes.length)))
    for (let j = 0; j < (k === 0 ? 0 : 3); j++) copy[Math.floor(rand() * copy.length)] = [0x20, 0x2b, 0x2d, 0x0a, 0x40][Math.floor(rand() * 5)]!
    const r = await readPatchInput(copy, name)
    expect(typeof r.ok).toBe('boolean')
    if (!r.ok) {
      expect(r.error).not.toMatch(/\n\s+at /) // no stack trace
      continue
    }
    usable++
    const applied = applySeries(base, r)
    expect(applied.files.list().length).toBeGreaterThan(0)
  }
  expect(usable).toBeGreaterThan(0)
})
