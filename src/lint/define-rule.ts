// `defineRule` gives rule files type inference for their options and a single
// place to check metadata invariants; it returns the rule unchanged.

import type {Rule} from './types.ts'

export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule
}
