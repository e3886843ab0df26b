// The tree-based file rules of this directory, for the corpus and acceptance
// tests (the engine's registry in rules/index.ts lists every rule).

import type {Rule} from '../../../src/lint/types.ts'
import badDedent from '../../../rules/bad-dedent.ts'
import danglingHyphen from '../../../rules/dangling-hyphen.ts'
import directiveMissingColons from '../../../rules/directive-missing-colons.ts'
import directiveWithThreeDots from '../../../rules/directive-with-three-dots.ts'
import headingLevel from '../../../rules/heading-level.ts'
import headingUnderline from '../../../rules/heading-underline.ts'
import hyperlinkReferenceMissingBacktick from '../../../rules/hyperlink-reference-missing-backtick.ts'
import missingBacktickAfterRole from '../../../rules/missing-backtick-after-role.ts'
import missingColonInRole from '../../../rules/missing-colon-in-role.ts'
import missingSpaceAfterLiteral from '../../../rules/missing-space-after-literal.ts'
import missingSpaceAfterRole from '../../../rules/missing-space-after-role.ts'
import missingSpaceBeforeDefaultRole from '../../../rules/missing-space-before-default-role.ts'
import missingSpaceBeforeRole from '../../../rules/missing-space-before-role.ts'
import missingSpaceInHyperlink from '../../../rules/missing-space-in-hyperlink.ts'
import missingUnderscoreAfterHyperlink from '../../../rules/missing-underscore-after-hyperlink.ts'
import roleWithDoubleBackticks from '../../../rules/role-with-double-backticks.ts'
import roleWithoutBackticks from '../../../rules/role-without-backticks.ts'
import rstSyntax from '../../../rules/rst-syntax.ts'
import singleBacktick from '../../../rules/single-backtick.ts'
import typo from '../../../rules/typo.ts'
import undefinedSubstitution from '../../../rules/undefined-substitution.ts'
import unknownDirective from '../../../rules/unknown-directive.ts'
import unknownRole from '../../../rules/unknown-role.ts'

export const fileRules = [
  badDedent, danglingHyphen, directiveMissingColons, directiveWithThreeDots, headingLevel, headingUnderline,
  hyperlinkReferenceMissingBacktick, missingBacktickAfterRole, missingColonInRole, missingSpaceAfterLiteral,
  missingSpaceAfterRole, missingSpaceBeforeDefaultRole, missingSpaceBeforeRole, missingSpaceInHyperlink,
  missingUnderscoreAfterHyperlink, roleWithDoubleBackticks, roleWithoutBackticks, rstSyntax, singleBacktick, typo,
  undefinedSubstitution, unknownDirective, unknownRole,
] as unknown as Rule<any>[]
