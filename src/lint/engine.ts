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

/** A parsed file, not yet checked (or checked only by the rules that need no index: `early`). */
export interface Prepared {
  file: VFile
  linted: LintedFile
  tree: Node
  early?: boolean
}

/** Which of a file's active rules a processor runs. */
type Phase = 'all' | 'early' | 'late'

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
  private readonly processors = new Map<string, Processor<Node, Node, Node>>()
  /** Each rule's place in the registry: the order a file's messages come in. */
  private readonly order = new Map<string, number>()

  constructor(options: LinterOptions) {
    this.rules = options.rules
    this.settings = options.settings
    this.project = options.project
    this.known = new Set(options.rules.map((rule) => rule.meta.id))
    for (const [id, setting] of options.settings) this.enabled.set(id, setting.severity)
    options.rules.forEach((rule, index) => this.order.set(rule.meta.id, index))
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

  private processor(language: Language, phase: Phase): Processor<Node, Node, Node> {
    const key = `${language} ${phase}`
    let processor = this.processors.get(key)
    if (!processor) {
      // The run processor carries the parser too (`unified().use(rstParse)`),
      // though files are parsed in a separate step.
      const base = unified().use(parserPlugin(language) as never)
      for (const rule of this.activeRules(language)) {
        if (phase !== 'all' && waitsForIndex(rule) !== (phase === 'late')) continue
        base.use(rulePlugin(rule) as never, this.settings.get(rule.meta.id))
      }
      processor = base.freeze() as unknown as Processor<Node, Node, Node>
      this.processors.set(key, processor)
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

  /**
   * Run the rules that never read the project index, before it exists: a run
   * that builds one checks each file with these right after parsing it, while
   * the tree is fresh (and in the thread that parsed it; see shards.ts).
   * `check` then runs the rest.
   */
  checkEarly(prepared: Prepared): void {
    const {file, linted, tree} = prepared
    file.data.qrlFile = linted
    this.processor(linted.language, 'early').runSync(tree, file)
    prepared.early = true
  }

  /** Run the enabled rules (those `checkEarly` has not run) on a parsed file, then apply its suppressions. */
  check(prepared: Prepared): LintResult {
    const {file, linted, tree} = prepared
    file.data.qrlFile = linted
    file.data.qrlProject = this.project
    this.processor(linted.language, prepared.early ? 'late' : 'all').runSync(tree, file)
    // Messages come rule by rule in registry order, as one run of every rule makes them.
    if (prepared.early) file.messages.sort((a, b) => (this.order.get(a.ruleId ?? '') ?? 0) - (this.order.get(b.ruleId ?? '') ?? 0))
    const unused = this.rules.find((rule) => rule.meta.id === UNUSED_SUPPRESSION)
    timed('suppressions', () => applySuppressions(file, linted, findSuppressions(linted), this.known, this.enabled, unused))
    return {file, linted}
  }

  /** Parse and check one file's text. */
  lint(path: string, text: string): LintResult {
    return this.check(this.parse(path, text))
  }

  /** Whether an enabled rule needs the project index, or resolves against it. */
  needsProject(): boolean {
    return this.rules.some((rule) => waitsForIndex(rule) && this.settings.has(rule.meta.id))
  }
}

/** Whether a rule reads the project index when there is one. */
function waitsForIndex(rule: Rule<never>): boolean {
  return rule.meta.scope === 'project' || rule.meta.usesProject === true
}
