import {describe} from 'vitest'
import rule from '../../rules/missing-space-after-literal.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-space-after-literal', () => testExamples(rule))
