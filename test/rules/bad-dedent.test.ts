import {describe} from 'vitest'
import rule from '../../rules/bad-dedent.ts'
import {testExamples} from './lib/run-rule.ts'

describe('bad-dedent', () => testExamples(rule))
