// bin/qemu-rst-lint.js starts V8 with its optimizing compiler off (`--no-opt`):
// a run over QEMU's docs is short and cold, and TurboFan's compiling costs it
// more than it saves (whole tree, 2.4 MB: 0.77 s against 0.99 s). A run over a
// lot more text lives long enough for optimized code to pay off again
// (measured with the tree's docs copied: twice over, 4.8 MB, about even; four
// times, 9.6 MB, 2.2 s against 2.5 s; one 13 MB file, 2.8 s against 7.3 s), so
// the linter turns it back on once it knows how much it will parse.

import v8 from 'node:v8'

/** Characters to lint from which optimizing pays: between the even point and the clear gain. */
export const OPTIMIZE_FROM = 6_000_000

/** Turn the optimizing compiler back on for a run that will parse `characters` of text. */
export function tierForInput(characters: number): void {
  if (characters >= OPTIMIZE_FROM) v8.setFlagsFromString('--opt')
}
