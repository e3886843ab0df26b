import {describe} from 'vitest'
import rule from '../../rules/hyperlink-reference-missing-backtick.ts'
import {testExamples} from './lib/run-rule.ts'

describe('hyperlink-reference-missing-backtick', () => testExamples(rule))
