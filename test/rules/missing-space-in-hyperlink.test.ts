import {describe} from 'vitest'
import rule from '../../rules/missing-space-in-hyperlink.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-space-in-hyperlink', () => testExamples(rule))
