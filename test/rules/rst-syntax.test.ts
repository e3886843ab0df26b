import {describe} from 'vitest'
import rule from '../../rules/rst-syntax.ts'
import {testExamples} from './lib/run-rule.ts'

describe('rst-syntax', () => testExamples(rule))
