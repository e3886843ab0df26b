import {describe} from 'vitest'
import rule from '../../rules/heading-level.ts'
import {testExamples} from './lib/run-rule.ts'

describe('heading-level', () => testExamples(rule))
