import {describe} from 'vitest'
import rule from '../../rules/unknown-role.ts'
import {testExamples} from './lib/run-rule.ts'

describe('unknown-role', () => testExamples(rule))
