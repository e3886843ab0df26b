import {describe} from 'vitest'
import rule from '../../rules/heading-underline.ts'
import {testExamples} from './lib/run-rule.ts'

describe('heading-underline', () => testExamples(rule))
