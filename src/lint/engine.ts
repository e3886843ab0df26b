// The engine: parse each file once, run every enabled rule over the same tree
// with one unified processor per language, then apply inline suppressions.
// Parsing and checking are separate steps so a run can parse every file,
// build the cross-file project index from the trees, then check.

import {unified, type Processor} from 'unified'
import type {Node} from 'unist'
import {VFile} from 'vfile'
import {sourceOf} from '../rst/index.ts'
import {Source} from '../rst/source.ts'
import type {Root} from '../rst/types.ts'
import type {ProjectIndex} from '../tree/project.ts'
import {languageOf, parserPlugin, type Language} from './parsers.ts'
import {rulePlugin, type RuleSetting} from './plugin.ts'
import {applySuppressions, findSuppressions, UNUSED_SUPPRESSION} from './suppress.ts'
import {timed} from './timing.ts'
import type {LintedFile, Rule, Severity} from './types.ts'

export interface LinterOptions {
  /** Every known rule (the registry). */
  rules: readonly Rule<never>[]
  /** The configured rules: only those listed (and not `off`) run. */
  settings: ReadonlyMap<string, RuleSetting>
  /** Cross-file facts; project-scope rules run only when given. */
  project?: ProjectIndex
}

export interface LintResult {
  file: VFile
  linted: LintedFile
}

/** A parsed file, not yet checked. */
export interface Prepared {
  file: VFile
  linted: LintedFile
  tree: Node
}

const parsers = new Map<Language, Processor<Node, Node, Node>>()

/** A parse-only processor per language (shared: parsing needs no config). */
function parserFor(language: Language): Processor<Node, Node, Node> {
  let processor = parsers.get(language)
  if (!processor) {
    processor = unified()
      .use(parserPlugin(language) as never)
      .freeze() as unknown as Processor<Node, Node, Node>
    parsers.set(language, processor)
  }
  return processor
}

export class Linter {
  readonly rules: readonly Rule<never>[]
  readonly settings: ReadonlyMap<string, RuleSetting>
  /** Set before the first check (project rules run only when present). */
  project: ProjectIndex | undefined
  private readonly known: Set<string>
  private readonly enabled = new Map<string, Severity>()
  private readonly processors = new Map<Language, Processor<Node, Node, Node>>()

  constructor(options: LinterOptions) {
    this.rules = options.rules
    this.settings = options.settings
    this.project = options.project
    this.known = new Set(options.rules.map((rule) => rule.meta.id))
    for (const [id, setting] of options.settings) this.enabled.set(id, setting.severity)
  }

  /** Rules that run on files of a language. */
  activeRules(language: Language): Rule<never>[] {
    return this.rules.filter(
      (rule) =>
        this.settings.has(rule.meta.id) &&
        rule.meta.id !== UNUSED_SUPPRESSION &&
        rule.meta.languages.includes(language) &&
        (rule.meta.scope === 'file' || this.project !== undefined),
    )
  }

  private processor(language: Language): Processor<Node, Node, Node> {
    let processor = this.processors.get(language)
    if (!processor) {
      // The run processor carries the parser too (`unified().use(rstParse)`),
      // though files are parsed in a separate step.
      const base = unified().use(parserPlugin(language) as never)
      for (const rule of this.activeRules(language)) {
        base.use(rulePlugin(rule) as never, this.settings.get(rule.meta.id))
      }
      processor = base.freeze() as unknown as Processor<Node, Node, Node>
      this.processors.set(language, processor)
    }
    return processor
  }

  /** Parse one file. `path` is relative to the tree root, with `/`. */
  parse(path: string, text: string): Prepared {
    const language = languageOf(path)
    const file = new VFile({path, value: text})
    const tree = timed(`parse ${language}`, () => parserFor(language).parse(file))
    const linted: LintedFile = {path, text, source: timed('line table', () => (language === 'rst' ? sourceOf(tree as Root) : undefined) ?? new Source(text)), language}
    if (language === 'rst') linted.rst = tree as never
    else if (language === 'markdown') linted.markdown = tree as never
    return {file, linted, tree}
  }

  /** Run the enabled rules on a parsed file, then apply its suppressions. */
  check({file, linted, tree}: Prepared): LintResult {
    file.data.qrlFile = linted
    file.data.qrlProject = this.project
    this.processor(linted.language).runSync(tree, file)
    const unused = this.rules.find((rule) => rule.meta.id === UNUSED_SUPPRESSION)
    timed('suppressions', () => applySuppressions(file, linted, findSuppressions(linted), this.known, this.enabled, unused))
    return {file, linted}
  }

  /** Parse and check one file's text. */
  lint(path: string, text: string): LintResult {
    return this.check(this.parse(path, text))
  }

  /** Whether an enabled rule needs the project index. */
  needsProject(): boolean {
    return this.rules.some((rule) => rule.meta.scope === 'project' && this.settings.has(rule.meta.id))
  }
}
