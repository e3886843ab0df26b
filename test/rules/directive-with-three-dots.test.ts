import {describe} from 'vitest'
import rule from '../../rules/directive-with-three-dots.ts'
import {testExamples} from './lib/run-rule.ts'

describe('directive-with-three-dots', () => testExamples(rule))
