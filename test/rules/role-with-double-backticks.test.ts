import {describe} from 'vitest'
import rule from '../../rules/role-with-double-backticks.ts'
import {testExamples} from './lib/run-rule.ts'

describe('role-with-double-backticks', () => testExamples(rule))
