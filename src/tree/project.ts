// The cross-file facts of one run, computed once before the rules: conf.py
// facts, the toctree graph, the target index and MAINTAINERS. Rules read
// them; they never re-read files. (Filled by the tree issue.)

export interface ProjectIndex {
  /** Path of the docs directory relative to the root (`docs`). */
  docsDir: string
}
