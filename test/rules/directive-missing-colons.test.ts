import {describe} from 'vitest'
import rule from '../../rules/directive-missing-colons.ts'
import {testExamples} from './lib/run-rule.ts'

describe('directive-missing-colons', () => testExamples(rule))
