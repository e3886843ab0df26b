import {describe} from 'vitest'
import rule from '../../rules/missing-backtick-after-role.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-backtick-after-role', () => testExamples(rule))
