import {describe} from 'vitest'
import rule from '../../rules/missing-underscore-after-hyperlink.ts'
import {testExamples} from './lib/run-rule.ts'

describe('missing-underscore-after-hyperlink', () => testExamples(rule))
