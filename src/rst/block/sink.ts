// Where the body state machine puts what it recognizes. A nested block
// collects a flat list; the document (and nothing else: docutils allows
// titles only there) also opens sections, nesting them by title style the
// way docutils' `check_subsection` does.

import type {Block, Position, Root, Section, Title} from '../types.ts'

export interface Sink {
  /** Whether section titles are allowed (docutils' `match_titles`). */
  readonly matchTitles: boolean
  add(node: Block): void
}

export class ListSink implements Sink {
  readonly matchTitles = false
  /**
   * The first node alone until a second one comes: most nested blocks hold
   * one node, and an array grown by `push` is made with room for 16 more.
   */
  private first: Block | undefined
  private all: Block[] | undefined

  add(node: Block): void {
    if (this.all !== undefined) this.all.push(node)
    else if (this.first === undefined) this.first = node
    else this.all = [this.first, node]
  }

  /** The nodes added, in an array of exactly their number. */
  exactNodes(): Block[] {
    if (this.all !== undefined) return this.all.slice()
    return this.first === undefined ? [] : [this.first]
  }
}

export type SubsectionCheck = 'ok' | 'inconsistent'

export class SectionSink implements Sink {
  readonly matchTitles = true
  private readonly stack: Section[] = []
  private readonly root: Root
  private readonly styles: string[]

  constructor(root: Root, styles: string[]) {
    this.root = root
    this.styles = styles
  }

  add(node: Block): void {
    const parent = this.stack[this.stack.length - 1]
    if (parent) parent.children.push(node)
    else this.root.children.push(node)
  }

  /**
   * Open a section for a title of `style`; `inconsistent` when the style
   * skips a level (docutils' "Title level inconsistent").
   */
  openSection(style: string, title: Title, start: Position['start'], names: string[]): SubsectionCheck {
    const index = this.styles.indexOf(style)
    let level: number
    if (index < 0) {
      if (this.styles.length !== this.stack.length) return 'inconsistent'
      this.styles.push(style)
      level = this.styles.length
    } else {
      level = index + 1
      if (level > this.stack.length + 1) return 'inconsistent'
    }
    while (this.stack.length >= level) this.stack.pop()
    const section: Section = {
      type: 'section',
      level,
      names,
      style,
      children: [title],
      position: {start, end: title.position.end},
    }
    this.add(section)
    this.stack.push(section)
    return 'ok'
  }
}
