// The contract between the engine and the rules: rule metadata, the context a
// rule's check receives, and fixes as non-overlapping text edits on 0-based
// offsets. Rules never know about patch mode or output formats.

import type {Root as MdRoot} from 'mdast'
import type {Source} from '../rst/source.ts'
import type {Position, Root} from '../rst/types.ts'
import type {ProjectIndex} from '../tree/project.ts'

export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'

export interface TextEdit {
  /** 0-based offsets into the file's original text; `end` exclusive. */
  start: number
  end: number
  text: string
}

export interface Fix {
  /** What applying it does, apart from the message ("Use an inline literal"). */
  title: string
  /** `safe` fixes are applied by `--fix`; `unsafe` ones only shown. */
  safety: 'safe' | 'unsafe'
  edits: TextEdit[]
}

export interface RuleExample {
  title?: string
  /** File name the example is linted as (default `example.rst`). */
  path?: string
  input: string
  options?: unknown
  /** Expected findings as `line:column-endLine:endColumn messageId`; none = valid. */
  errors?: string[]
  /** The text after applying every safe fix. */
  output?: string
  /**
   * Project-scope rules: the other files of a small QEMU tree (root-relative
   * path → text) the example's file (`path`) sits in.
   */
  tree?: Record<string, string>
}

export interface RuleMeta {
  /** kebab-case, also the file name in rules/. */
  id: string
  /** One line: what the rule checks. */
  description: string
  severity: Severity
  /** Whether it can fix, and how safely. */
  fixable: false | 'safe' | 'unsafe'
  /** `file`: sees one tree; `project`: also reads the precomputed project index. */
  scope: 'file' | 'project'
  /**
   * A file rule that resolves against the project index when a run has one
   * (and judges by the file alone otherwise): in such a run it waits for the index.
   */
  usesProject?: true
  /** Which kinds of files it applies to (`maintainers`: the MAINTAINERS file, not parsed). */
  languages: Array<'rst' | 'markdown' | 'maintainers'>
  /** Message templates with `{{name}}` placeholders, by message id. */
  messages: Record<string, string>
  docs: {
    /** Why this matters (for QEMU). */
    why: string
    /** What to write instead. */
    instead: string
    /** Options, if any, described. */
    options?: string
  }
  /** Defaults for the rule's options. */
  defaultOptions?: Record<string, unknown>
  examples: RuleExample[]
}

export interface LintedFile {
  /** Path relative to the tree root, with `/`. */
  path: string
  text: string
  source: Source
  language: 'rst' | 'markdown' | 'maintainers'
  /** The rST tree (for `rst` files). */
  rst?: Root
  /** The mdast tree (for `markdown` files). */
  markdown?: MdRoot
}

export interface Report {
  messageId: string
  data?: Record<string, string | number>
  /** The narrowest span: the backticked word, not the paragraph. */
  place: Position | {start: number; end: number}
  fix?: Fix
  /** A related spot ("first defined here"). */
  cause?: {message: string; place: Position | {start: number; end: number}; path?: string}
}

export interface RuleContext<Options = Record<string, unknown>> {
  file: LintedFile
  options: Options
  /** Cross-file facts, computed once per run (undefined in file-only mode). */
  project?: ProjectIndex
  report(report: Report): void
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta
  check(context: RuleContext<Options>): void
}
