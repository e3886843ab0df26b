import {describe} from 'vitest'
import rule from '../../rules/dangling-hyphen.ts'
import {testExamples} from './lib/run-rule.ts'

describe('dangling-hyphen', () => testExamples(rule))
