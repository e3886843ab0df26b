import {describe} from 'vitest'
import rule from '../../rules/typo.ts'
import {testExamples} from './lib/run-rule.ts'

describe('typo', () => testExamples(rule))
