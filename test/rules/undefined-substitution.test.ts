import {describe} from 'vitest'
import rule from '../../rules/undefined-substitution.ts'
import {testExamples} from './lib/run-rule.ts'

describe('undefined-substitution', () => testExamples(rule))
