import {describe} from 'vitest'
import rule from '../../rules/missing-space-before-default-role.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-space-before-default-role', () => testExamples(rule))
