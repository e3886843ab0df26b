// The patch layer: read what a patch input holds, and apply it in memory.
//
//   readPatchInput(bytes, name): Promise<PatchInput | InputError>
//     Recognises the input by content — a plain diff (git or GNU), a
//     `git format-patch` file or an mbox series (cover letter kept apart,
//     patches in `[PATCH n/N]` order), or a Patchwork REST API dump of a patch
//     (with or without the browsable page's text before the JSON). Never
//     throws: an unusable input (not a patch, invalid UTF-8, a path leaving the
//     tree, a Patchwork series without diffs) is `{ok: false, error}`; smaller
//     problems (truncated hunk, binary change, missing series member) are in
//     `problems`.
//
//   applySeries(base, input): AppliedSeries
//     Applies the patches in order over `base` (never written) like
//     `patch --fuzz=3`: `files` is the patched tree (an overlay), `changed`
//     gives each touched file's added/changed lines in the NEW text and the
//     patch that wrote each last, `problems` holds `patch-apply` records for
//     hunks that don't apply (their new side is kept in `rejected`), and
//     `patches` the per-patch metadata (title, mail headers, files).
//
//   readGitRange(root, 'A..B') — a git range as a series (git format-patch);
//   readGitIndex(root, want?) — the staged tree as TreeFiles (for --staged);
//   MapFiles — an in-memory TreeFiles; OverlayFiles — the patched view.

export {readPatchInput} from './input.ts'
export {applySeries} from './apply.ts'
export type {AppliedSeries, ChangedFile, HunkResult, PatchMeta, RejectedHunk} from './apply.ts'
export {readGitRange} from './git.ts'
export {readGitIndex} from './git-index.ts'
export {MapFiles} from './map-files.ts'
export {OverlayFiles} from './overlay.ts'
export {parseDiff} from './diff.ts'
export {parseSubject, subjectLabel} from './subject.ts'
export type * from './types.ts'
