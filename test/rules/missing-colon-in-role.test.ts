import {describe} from 'vitest'
import rule from '../../rules/missing-colon-in-role.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-colon-in-role', () => testExamples(rule))
