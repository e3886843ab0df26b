// The data the patch layer hands to the rest of the linter: parsed diffs,
// patches (one commit or e-mail each) and whole inputs (a series). Plain
// data only, so reporters and the e-mail formatter can use it without the
// parsing code.

/** `' '` context, `'-'` removed, `'+'` added. */
export type HunkLineKind = ' ' | '-' | '+'

export interface HunkLine {
  kind: HunkLineKind
  /** The line without its `\n`; a `\r` the patch carried is kept. */
  text: string
  /** 1-based line of this line in the diff text (see `Patch.diffLine`). */
  patchLine: number
  /** Followed by `\ No newline at end of file`. */
  noNewline?: boolean
}

export interface Hunk {
  oldStart: number
  oldCount: number
  newStart: number
  newCount: number
  /** The text after the closing `@@` (the function or section name), trimmed. */
  section: string
  /** The whole `@@ … @@` line, for messages. */
  header: string
  patchLine: number
  lines: HunkLine[]
  /** The hunk ended before its counts were reached. */
  truncated?: boolean
}

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied'

export interface FilePatch {
  /** Path before the change, relative to the tree root; null for an added file. */
  oldPath: string | null
  /** Path after the change; null for a deleted file. */
  newPath: string | null
  status: FileStatus
  oldMode?: string
  newMode?: string
  /** `similarity index` of a rename or copy, in percent. */
  similarity?: number
  /** `Binary files … differ` or `GIT binary patch`: recorded, never applied. */
  binary: boolean
  /** Came from a `diff --git` header (git's rules for paths and statuses). */
  git: boolean
  hunks: Hunk[]
  /** Line of the file's first header line in the diff text. */
  patchLine: number
}

/** A non-fatal problem found while reading or applying an input. */
export interface PatchProblem {
  /** `patch-apply`, `truncated-diff`, `binary-patch`, `series`, `whitespace-damage`, … */
  kind: string
  severity: 'error' | 'warning' | 'info'
  message: string
  /** 0-based index of the patch in the series, when the problem belongs to one. */
  patch?: number
  /** Title of that patch (subject without its `[PATCH …]` prefix). */
  patchTitle?: string
  file?: string
  hunk?: string
  /** Line in the input file when known, else in the patch's diff text. */
  line?: number
}

/** What a subject's `[PATCH v6 2/4]` prefix says. */
export interface SubjectInfo {
  version?: number
  index?: number
  total?: number
  /** Other prefix words: `PATCH`, `RFC`, `for-10.1`, … */
  tags: string[]
  title: string
}

/** Headers the e-mail reply formatter needs, as written in the mail (unfolded). */
export interface MailHeaders {
  messageId?: string
  subject?: string
  from?: string
  date?: string
  inReplyTo?: string
  references: string[]
}

export interface Patch {
  /** 0-based position in the series (after ordering). */
  index: number
  subject: SubjectInfo
  mail?: MailHeaders
  /** The commit message: the body up to the `---` line. */
  message: string
  diffText: string
  /**
   * 1-based line in the input file where `diffText` starts, or 0 when the text
   * was decoded (quoted-printable, base64, JSON) and has no place there.
   */
  diffLine: number
  files: FilePatch[]
}

export interface PatchInput {
  ok: true
  kind: 'diff' | 'mbox' | 'patchwork' | 'git'
  name: string
  patches: Patch[]
  /** The `[PATCH 0/N]` cover letter of a series, not linted but kept for replies. */
  cover?: { subject: SubjectInfo; mail?: MailHeaders; message: string }
  problems: PatchProblem[]
}

/** An input that can't be used at all: exit status 2, with this message. */
export interface InputError {
  ok: false
  error: string
}
