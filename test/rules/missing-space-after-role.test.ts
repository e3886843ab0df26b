import {describe} from 'vitest'
import rule from '../../rules/missing-space-after-role.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-space-after-role', () => testExamples(rule))
