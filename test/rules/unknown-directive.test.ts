import {describe} from 'vitest'
import rule from '../../rules/unknown-directive.ts'
import {testExamples} from './lib/run-rule.ts'

describe('unknown-directive', () => testExamples(rule))
