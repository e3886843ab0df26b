import {describe} from 'vitest'
import rule from '../../rules/missing-space-before-role.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-space-before-role', () => testExamples(rule))
