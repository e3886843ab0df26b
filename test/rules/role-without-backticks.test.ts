import {describe} from 'vitest'
import rule from '../../rules/role-without-backticks.ts'
import {testExamples} from './lib/run-rule.ts'

describe('role-without-backticks', () => testExamples(rule))
