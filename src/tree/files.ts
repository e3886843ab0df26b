// One interface for the files of a QEMU tree, whatever holds them: the disk,
// the git index (pre-commit), or a patch applied in memory over either.
// Paths are relative to the tree root, with `/`. Each file is read once.

export interface TreeFiles {
  /** Absolute path of the tree root (for messages; never written through this interface). */
  readonly root: string
  /** The file's text, or undefined if it does not exist (or is a directory). */
  read(path: string): string | undefined
  exists(path: string): boolean
  isDirectory(path: string): boolean
  /** Every file path of the tree, sorted (directories implied by their files). */
  list(): readonly string[]
}
