import {describe} from 'vitest'
import rule from '../../rules/single-backtick.ts'
import {testExamples} from './lib/run-rule.ts'

describe('single-backtick', () => testExamples(rule))
